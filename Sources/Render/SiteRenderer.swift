import Foundation
public import Pipeline

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
                    try FileManager.default.createDirectory(atPath: directory + folder, withIntermediateDirectories: true)
                } catch {
                    throw RenderError(.output, "cannot make the folder \(directory + folder): \(error.localizedDescription)", cause: error)
                }
            }
            spill = try SpillFile(path: directory + "/.textgraph-render-\(ProcessInfo.processInfo.processIdentifier).tmp")
        } else {
            spill = nil
        }
    }

    /// Adds a document: writes its page and gathers what the entity pages and the network need.
    /// - Parameter inNetwork: Whether its relations count in ``network`` (the `--document` filter).
    public func add(_ document: Document, inNetwork: Bool = true) throws {
        try add(DocumentView(document), inNetwork: inNetwork)
    }

    /// Adds a document's view; see ``add(_:inNetwork:)``.
    public func add(_ view: DocumentView, inNetwork: Bool = true) throws {
        let number = rows.count
        for entity in view.entities { catalog.describe(entity) }
        for shown in view.mentions {
            guard let entity = shown.mention.entity else { continue }
            let row = try spill?.append(contextRow(shown, in: view))
            catalog.count(shown, entity: entity, document: number, context: row)
        }
        if let set = view.questions {
            for person in set.askedBy + set.addressedTo + set.answeredBy { catalog.touch(person) }
            try gatherQuestions(set, of: view)
        }
        for relation in view.relations {
            if relation.predicate == EntityNetwork.coOccursWith { catalog.coOccur(relation.subject, relation.object, count: max(1, relation.count)) }
            if relation.predicate == EntityNetwork.memberOf { catalog.addMembership(relation.subject, of: relation.object) }
        }
        if inNetwork { network.add(view) }
        let counts = view.counts
        rows.append(.init(title: view.title, id: view.id, path: view.path, questions: counts.questions, mentions: counts.mentions, entities: counts.entities))
        if let directory {
            try write(DocumentPage(view: view, siteTitle: options.title).html(), to: directory + "/" + view.path)
        }
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
        guard let directory, let spill else { return Summary(documents: rows.count, entities: catalog.records.count, pages: 0) }
        let neighbours = network.neighbours()
        for iri in catalog.sortedIRIs {
            guard let record = catalog.records[iri] else { continue }
            let page = EntityPage(record: record, catalog: catalog, neighbours: neighbours[iri] ?? [:], siteTitle: options.title)
            try write(page.html(contexts: try spill.read(record.contexts), questions: try spill.read(record.questions)), to: directory + "/" + page.path)
        }
        let index = IndexPage(siteTitle: options.title, documents: rows, catalog: catalog)
        try write(index.html(), to: directory + "/index.html")
        try write(index.searchIndex(), to: directory + "/assets/entities.js")
        try write(SiteAssets.styleSheet, to: directory + "/assets/style.css")
        try write(SiteAssets.searchScript, to: directory + "/assets/search.js")
        return Summary(documents: rows.count, entities: catalog.records.count, pages: pages)
    }

    /// A mention in context, as a row of an entity page's table.
    func contextRow(_ shown: DocumentView.ShownMention, in view: DocumentView) -> String {
        let span = shown.mention.span
        let before = Self.context(view.text, from: max(0, span.start - options.contextWidth * 4), to: span.start).suffix(options.contextWidth)
        let after = Self.context(view.text, from: span.end, to: min(view.text.count, span.end + options.contextWidth * 4)).prefix(options.contextWidth)
        let href = "../" + view.path + "#m-\(span.start)-\(span.end)"
        return "<tr><td><a href=\"\(HTMLText.attribute(href))\">\(HTMLText.escape(view.title))</a></td><td class=\"left\">\(HTMLText.escape(before))</td>"
            + "<td class=\"kw\"><mark>\(HTMLText.escape(shown.anchor))</mark></td><td>\(HTMLText.escape(after))</td></tr>\n"
    }

    /// The text between two offsets moved onto character boundaries, on one line.
    static func context(_ text: [UInt8], from start: Int, to end: Int) -> String {
        var start = start
        var end = end
        while start < end, start < text.count, text[start] & 0xC0 == 0x80 { start += 1 }
        while end < text.count, end > start, text[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: text[start..<end], as: UTF8.self).map { $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// Notes, for each entity mentioned inside a question, a line that links to the question.
    private func gatherQuestions(_ set: QuestionSet, of view: DocumentView) throws {
        for question in set.questions {
            let inside = Set(view.mentions.filter { question.span.contains($0.mention.span) }.compactMap(\.mention.entity))
            guard !inside.isEmpty, let spill else { continue }
            var text = view.text(of: question.span).split(whereSeparator: \.isNewline).joined(separator: " ")
            if text.count > 200 { text = String(text.prefix(200)) + "…" }
            let href = "../" + view.path + "#q-\(question.number)"
            let line = "<li><a href=\"\(HTMLText.attribute(href))\">\(HTMLText.escape(view.title)), question \(question.number)</a>: <q>\(HTMLText.escape(text))</q></li>\n"
            let reference = try spill.append(line)
            for entity in inside.sorted() { catalog.appears(entity, inQuestion: reference) }
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
