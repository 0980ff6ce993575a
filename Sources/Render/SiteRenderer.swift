import Foundation
public import Pipeline
import Stages

/// Writes a static site of a corpus, one document at a time, and gathers the entity network.
///
/// ```swift
/// let site = try SiteRenderer(directory: "site")
/// for document in documents { try site.add(document) }   // writes documents/<name>.html now
/// let summary = try site.finish()                         // entity pages, index, search index
/// ```
///
/// Each document's page is written as soon as the document comes, and the document is then
/// dropped: what entity pages need across documents (mentions in context, question lines) goes
/// to a temporary file, and memory keeps only the entities, their counts and references into
/// that file, the network's pairs, and one line per document for the index. Without a
/// directory, only the catalog and the network are gathered (for `--dot` and `--svg` alone).
public final class SiteRenderer {
    /// How a site is made.
    public struct Options: Sendable {
        /// The site's name.
        public var title = "TextGraph"
        /// How many characters of context a mention gets on each side.
        public var contextWidth = 60

        /// Creates the default options.
        public init() {}
    }

    /// What a finished site holds.
    public struct Summary: Sendable {
        /// The documents.
        public var documents: Int
        /// The entities (each has a page).
        public var entities: Int
        /// The pages written.
        public var pages: Int
    }

    /// The site's folder, or `nil` when no pages are written.
    public let directory: String?
    /// The options.
    public let options: Options
    /// The entities seen so far.
    public private(set) var catalog = EntityCatalog()
    /// The entity network of the documents added with `inNetwork`.
    public private(set) var network = EntityNetwork()
    private var rows: [IndexPage.DocumentRow] = []
    private let spill: SpillFile?
    private var pages = 0

    /// Creates a site in `directory` (made if missing), or a gatherer of the network alone.
    public init(directory: String?, options: Options = Options()) throws {
        self.directory = directory
        self.options = options
        if let directory {
            for folder in ["", "/documents", "/entities", "/assets"] {
                do {
                    try FileManager.default.createDirectory(
                        atPath: directory + folder, withIntermediateDirectories: true)
                } catch {
                    throw RenderError(
                        .output, "cannot make the folder \(directory + folder): \(error.localizedDescription)",
                        cause: error)
                }
            }
            spill = try SpillFile(
                path: directory + "/.textgraph-render-\(ProcessInfo.processInfo.processIdentifier).tmp")
        } else {
            spill = nil
        }
    }

    /// Adds a document: writes its page and gathers what the entity pages and the network need.
    /// - Parameter inNetwork: Whether its relations count in ``network`` (the `--document` filter).
    public func add(_ document: Document, inNetwork: Bool = true) throws {
        try add(PreparedDocument(document, options: options, pages: directory != nil), inNetwork: inNetwork)
    }

    /// Adds a prepared document (see ``PagePreparer``); see ``add(_:inNetwork:)``.
    public func add(_ prepared: PreparedDocument, inNetwork: Bool = true) throws {
        let view = prepared.view
        let number = rows.count
        for entity in view.entities { catalog.describe(entity) }
        var contexts = prepared.contexts.makeIterator()
        for shown in view.mentions {
            guard let entity = shown.mention.entity else { continue }
            let row = try contexts.next().flatMap { try spill?.append($0) }
            catalog.count(shown, entity: entity, document: number, context: row)
        }
        for (line, entities) in prepared.questions {
            guard let reference = try spill?.append(line) else { continue }
            for entity in entities { catalog.appears(entity, inQuestion: reference) }
        }
        for person in (view.questions.map { $0.askedBy + $0.addressedTo + $0.answeredBy } ?? []) {
            catalog.touch(person)
        }
        for relation in view.relations {
            if relation.predicate == EntityNetwork.coOccursWith {
                catalog.coOccur(relation.subject, relation.object, count: max(1, relation.count))
            }
            if relation.predicate == EntityNetwork.memberOf {
                catalog.addMembership(relation.subject, of: relation.object)
            }
        }
        if inNetwork { network.add(view) }
        let counts = view.counts
        rows.append(
            .init(
                title: view.title, id: view.id, path: view.path, questions: counts.questions, mentions: counts.mentions,
                entities: counts.entities))
        if let directory, let page = prepared.page { try write(page, to: directory + "/" + view.path) }
    }

    /// Takes an entity's description (from a graph's entity descriptions).
    public func describe(_ entity: Entity) {
        catalog.describe(entity)
    }

    /// Writes the entity pages, the index and the assets, and removes the temporary file.
    @discardableResult
    public func finish() throws -> Summary {
        network.addMemberships(from: catalog)
        defer { spill?.remove() }
        guard let directory, let spill else {
            return Summary(documents: rows.count, entities: catalog.records.count, pages: 0)
        }
        let neighbours = network.neighbours()
        for iri in catalog.sortedIRIs {
            guard let record = catalog.records[iri] else { continue }
            let page = EntityPage(
                record: record, catalog: catalog, neighbours: neighbours[iri] ?? [:], siteTitle: options.title)
            try writeStreaming(page, spill: spill, to: directory + "/" + page.path)
        }
        let index = IndexPage(siteTitle: options.title, documents: rows, catalog: catalog)
        try write(index.html(), to: directory + "/index.html")
        try write(index.searchIndex(), to: directory + "/assets/entities.js")
        try write(SiteAssets.styleSheet, to: directory + "/assets/style.css")
        try write(SiteAssets.searchScript, to: directory + "/assets/search.js")
        return Summary(documents: rows.count, entities: catalog.records.count, pages: pages)
    }

    /// Writes an entity's page, copying its rows from the spill file as they are read, so that
    /// a page of many thousand mentions is never held in memory whole.
    private func writeStreaming(_ page: EntityPage, spill: SpillFile, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw RenderError(.output, "cannot write \(path)")
        }
        defer { try? handle.close() }
        do {
            let parts = page.parts()
            try handle.write(contentsOf: Data(parts.beforeContexts.utf8))
            try spill.copy(page.record.contexts, to: handle)
            try handle.write(contentsOf: Data(parts.beforeQuestions.utf8))
            try spill.copy(page.record.questions, to: handle)
            try handle.write(contentsOf: Data(parts.end.utf8))
            pages += 1
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(.output, "cannot write \(path): \(error.localizedDescription)", cause: error)
        }
    }

    /// Writes a page.
    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            pages += 1
        } catch {
            throw RenderError(.output, "cannot write \(path): \(error.localizedDescription)", cause: error)
        }
    }
}
