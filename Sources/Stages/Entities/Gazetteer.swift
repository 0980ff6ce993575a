public import Foundation
public import Pipeline
import TextGraphSupport

/// One entity of a gazetteer: its IRI, classes, labels, and the surface forms that name it.
public struct GazetteerEntry: Hashable, Sendable {
    /// The entity's IRI.
    public var iri: IRI
    /// Its classes (schema.org IRIs).
    public var types: [IRI]
    /// Its preferred labels, one per language.
    public var labels: [Literal]
    /// Other surface forms that name it ("AIVD", "Sigrid A.M. Kaag").
    public var aliases: [String]
    /// Adjectives and demonyms that point at it ("Chinese" for China).
    public var adjectives: [String]
    /// Equivalent resources (Wikidata), only where certain.
    public var sameAs: [IRI]
    /// The organizations (entity IRIs) the entity is a member of, such as a person's party
    /// (`schema:memberOf`).
    public var memberOf: [IRI]
    /// Web pages about the entity (a Wikipedia article), kept for reference; they are not
    /// identifiers and do not go into ``sameAs``.
    public var pages: [String]
    /// Identifiers in official registers (a BWB id, a municipality code), for `dcterms:identifier`.
    public var identifiers: [String]
    /// The data sets the entry comes from (IRIs), for `dcterms:source`.
    public var sources: [IRI]

    /// Creates an entry.
    public init(
        iri: IRI,
        types: [IRI],
        labels: [Literal],
        aliases: [String] = [],
        adjectives: [String] = [],
        sameAs: [IRI] = [],
        memberOf: [IRI] = [],
        pages: [String] = [],
        identifiers: [String] = [],
        sources: [IRI] = []
    ) {
        self.iri = iri
        self.types = types
        self.labels = labels
        self.aliases = aliases
        self.adjectives = adjectives
        self.sameAs = sameAs
        self.memberOf = memberOf
        self.pages = pages
        self.identifiers = identifiers
        self.sources = sources
    }

    /// The entity as the graph describes it.
    public var entity: Entity {
        Entity(
            iri: iri,
            types: types,
            labels: labels,
            sameAs: sameAs,
            memberOf: memberOf,
            identifiers: identifiers,
            sources: sources,
            pages: pages.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }.map { IRI($0) }
        )
    }
}

/// A list of known entities and the names they go by, the data behind ``GazetteerTagger``.
///
/// Gazetteers are written by hand or generated, as tab-separated files with a header line:
///
/// ```
/// # source: Rijksoverheid, list of ministries (2024)
/// id	type	label@nl	label@en	aliases	adjectives	same_as
/// agency/aivd	GovernmentOrganization	Algemene Inlichtingen- en Veiligheidsdienst	General Intelligence and Security Service	AIVD
/// ```
///
/// `id` is a full IRI or a path below ``entityBase``; `type` is one or more schema.org class
/// names (or IRIs) separated by `|`; any number of `label@LANG` columns; `aliases`, `adjectives`
/// and `same_as` are `|`-separated. Lines starting with `#` are comments.
///
/// Two optional columns may follow; files without them load as before, and a column this
/// version does not know is ignored:
///
/// - `member_of`: `|`-separated entity ids (paths or IRIs, like `id`) of the organizations the
///   entity is a member of: a person's party (`party/vvd`), for `schema:memberOf`.
/// - `page`: `|`-separated web pages about the entity (a Wikipedia article, a law's official
///   page), written as `rdfs:seeAlso`. A page is not an identifier: it never becomes `owl:sameAs`.
/// - `identifier`: `|`-separated identifiers in official registers (`BWBR0005537`, `gm0518`),
///   written as `dcterms:identifier`.
/// - `source`: `|`-separated IRIs of the data sets the entry comes from, written as
///   `dcterms:source`, so users can tell a curated entry from an imported one.
///
/// The importers (``TEIPersonImporter``, ``TEIOrganizationImporter``, ``ISO3166Importer``,
/// ``SKOSImporter``, ``CSVGazetteerImporter``) write this format with ``tsv(comments:)``.
public struct Gazetteer: Sendable {
    /// The entries, in the order they were loaded.
    public internal(set) var entries: [GazetteerEntry] {
        didSet { compiledIndex = nil }
    }
    private var index: [IRI: Int]
    /// The matcher's index compiled with these entries (``CompiledGazetteer``); dropped by any change.
    var compiledIndex: GazetteerMatcher.Index? = nil

    /// The namespace of entity IRIs given as paths.
    public static let entityBase = "https://w3id.org/textgraph/entity/"

    /// Creates a gazetteer; a later entry with the same IRI replaces an earlier one.
    public init(_ entries: [GazetteerEntry] = []) {
        // Entries with distinct IRIs (a compiled gazetteer's, say) are kept as they are, not
        // copied one by one; the first repeated IRI falls back to adding them in turn.
        var index = [IRI: Int](minimumCapacity: entries.count)
        var distinct = true
        for position in entries.indices where index.updateValue(position, forKey: entries[position].iri) != nil {
            distinct = false
            break
        }
        if distinct {
            self.entries = entries
            self.index = index
        } else {
            self.entries = []
            self.index = [:]
            for entry in entries { add(entry) }
        }
    }

    /// Adds an entry, replacing one with the same IRI.
    public mutating func add(_ entry: GazetteerEntry) {
        // One hash of the IRI for a new entry: insert, and put the old position back if there was one.
        if let existing = index.updateValue(entries.count, forKey: entry.iri) {
            index[entry.iri] = existing
            entries[existing] = entry
        } else {
            entries.append(entry)
        }
    }

    /// This gazetteer with `other`'s entries added (replacing same-IRI entries).
    public func merging(_ other: Gazetteer) -> Gazetteer {
        var merged = self
        for entry in other.entries { merged.add(entry) }
        return merged
    }

    /// Adds an entry; an entry with the same IRI is combined with it
    /// (``GazetteerEntry/combined(with:)``), not replaced.
    public mutating func combine(_ entry: GazetteerEntry) {
        if let existing = index[entry.iri] {
            entries[existing] = entries[existing].combined(with: entry)
        } else {
            add(entry)
        }
    }

    /// This gazetteer with `other`'s entries combined into it: an entity both know keeps this
    /// gazetteer's types and labels and gains `other`'s names, links and pages.
    ///
    /// This is how gazetteers from several sources add up: the ParlaMint person list adds
    /// surnames and parties to the bundled people without losing their Wikidata links.
    public func combining(_ other: Gazetteer) -> Gazetteer {
        var combined = self
        for entry in other.entries { combined.combine(entry) }
        return combined
    }

    /// The entry with the given IRI.
    public subscript(iri: IRI) -> GazetteerEntry? { index[iri].map { entries[$0] } }

    /// The number of entries.
    public var count: Int { entries.count }

    // MARK: Loading

    /// Parses a gazetteer in the tab-separated format.
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - source: The file's name, for error messages.
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` naming the line.
    public static func parse(tsv text: String, source: String) throws -> Gazetteer {
        var text = text
        return try text.withUTF8 { bytes in
            var gazetteer = Gazetteer()
            var header: [String]? = nil
            var lineNumber = 0
            var lineStart = 0
            // Lines and fields are found on the bytes: a tab, line feed or carriage return is
            // never part of a multi-byte character.
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                if end == lineStart || bytes[lineStart] == 0x23 { continue }  // empty, or a # comment
                var fields: [String] = []
                var fieldStart = lineStart
                for k in lineStart...end where k == end || bytes[k] == 0x09 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]), as: UTF8.self))
                    fieldStart = k + 1
                }
                guard let columns = header else {
                    try checkHeader(fields, at: "\(source):\(lineNumber)")
                    header = fields
                    continue
                }
                guard fields.count == columns.count else {
                    throw StageError(
                        .invalidData,
                        "\(source):\(lineNumber): expected \(columns.count) tab-separated fields, found \(fields.count)"
                    )
                }
                gazetteer.add(try entry(columns: columns, fields: fields, at: "\(source):\(lineNumber)"))
            }
            return gazetteer
        }
    }

    /// Checks that a header names the required columns.
    /// - Parameter location: `file:line`, for the error message.
    static func checkHeader(_ columns: [String], at location: String) throws {
        guard columns.contains("id"), columns.contains("type") else {
            throw StageError(.invalidData, "\(location): the header must name the columns id and type")
        }
    }

    /// Refuses a value that would make an invalid IRI in the graph: an id or `member_of` with a
    /// space or a character IRIs forbid, a `same_as`, `page` or `source` that is no absolute IRI.
    private static func check(_ value: String, absolute: Bool, column: String, at location: String) throws {
        if let problem = IRI.problem(in: value, absolute: absolute) {
            throw StageError(.invalidData, "\(location): the \(column) \(value.debugDescription) \(problem)")
        }
    }

    /// The entry one row describes, its fields read by the header's column names.
    ///
    /// Shared by the TSV format and ``CSVGazetteerImporter``, so both read columns alike.
    /// - Parameter location: `file:line`, for error messages.
    static func entry(columns: [String], fields: [String], at location: String) throws -> GazetteerEntry {
        var entry = GazetteerEntry(iri: IRI(""), types: [], labels: [])
        for (column, value) in zip(columns, fields) {
            func values() -> [String] { listValues(value) }
            switch column {
            case "id":
                guard !value.isEmpty else { throw StageError(.invalidData, "\(location): empty id") }
                try check(value, absolute: false, column: column, at: location)
                entry.iri = entityIRI(value)
            case "type":
                entry.types = values().map(classIRI)
            case "aliases":
                entry.aliases = values()
            case "adjectives":
                entry.adjectives = values()
            case "same_as":
                for iri in values() { try check(iri, absolute: true, column: column, at: location) }
                entry.sameAs = values().map { IRI($0) }
            case "member_of":
                for id in values() { try check(id, absolute: false, column: column, at: location) }
                entry.memberOf = values().map(entityIRI)
            case "page":
                for page in values() { try check(page, absolute: true, column: column, at: location) }
                entry.pages = values()
            case "identifier":
                entry.identifiers = values()
            case "source":
                for iri in values() { try check(iri, absolute: true, column: column, at: location) }
                entry.sources = values().map { IRI($0) }
            case let label where label.hasPrefix("label@"):
                if !value.isEmpty { entry.labels.append(Literal(value, language: String(label.dropFirst(6)))) }
            default:
                break  // unknown columns are kept for other tools
            }
        }
        guard !entry.types.isEmpty else {
            throw StageError(.invalidData, "\(location): \(entry.iri.value) has no type")
        }
        guard !entry.labels.isEmpty || !entry.aliases.isEmpty else {
            throw StageError(.invalidData, "\(location): \(entry.iri.value) has neither label nor alias")
        }
        return entry
    }

    /// The `|`-separated values of a field, trimmed of white space, empty ones left out.
    static func listValues(_ field: String) -> [String] {
        guard !field.isEmpty else { return [] }
        var values: [String] = []
        for part in field.utf8.split(separator: 0x7C) {
            var value = String(decoding: part, as: UTF8.self)
            if let first = part.first, let last = part.last,
                first == 0x20 || first == 0x09 || first >= 0x80 || last == 0x20 || last == 0x09 || last >= 0x80
            {
                value = value.trimmingCharacters(in: .whitespaces)
            }
            if !value.isEmpty { values.append(value) }
        }
        return values
    }

    /// The IRI of an entity id: a full IRI as it is, a path below ``entityBase``.
    ///
    /// The colon is looked for in the bytes: `String.contains(_:)` with Foundation imported is
    /// Foundation's search, which costs a string bridge per call.
    public static func entityIRI(_ id: String) -> IRI {
        id.utf8.contains(UInt8(ascii: ":")) ? IRI(id) : IRI(entityBase + id)
    }

    /// Loads a gazetteer file.
    public static func load(path: String) throws -> Gazetteer {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError(.unreadable, "cannot read gazetteer \(path): \(error.localizedDescription)", cause: error)
        }
        return try parse(tsv: text, source: path)
    }

    /// The default gazetteer bundled with TextGraph: the hand-made lists (every `.tsv` file in
    /// `Resources/Gazetteer`, in name order, with ``GazetteerSource/curated`` as their source),
    /// then the reference lists built from open data by `scripts/build-gazetteers.sh` (every
    /// `.tsv` file in `Resources/Gazetteer/Reference`, in name order), combined beneath them, so
    /// the hand-made lists win where the two disagree.
    ///
    /// Loaded from the compiled file beside them (``CompiledGazetteer``) when that was compiled
    /// from exactly these files, which is much faster; from the files otherwise. Read once per
    /// process, like ``NamedEntityModel/bundled()``: later calls share the first one's entries,
    /// and a run does not spend its last milliseconds freeing them.
    public static func bundled() throws -> Gazetteer {
        try bundledGazetteer.get()
    }

    private static let bundledGazetteer = StageError.loadingOnce("the bundled gazetteer") {
        try bundled(in: try bundledDirectory())
    }

    /// The folder of the bundled gazetteer, in this module's resource bundle.
    static func bundledDirectory() throws -> URL {
        try ResourceFile.url("Gazetteer", in: .module)
    }

    /// The gazetteer of a folder laid out as the bundled one: `*.tsv` curated lists, then
    /// `Reference/*.tsv`, and perhaps a compiled file (see ``bundled()``).
    /// - Parameter compiled: Whether the compiled file may be used.
    public static func bundled(in directory: URL, compiled: Bool = true) throws -> Gazetteer {
        let files = try sourceFiles(in: directory)
        let contents = try files.map { file -> (name: String, data: Data) in
            do {
                return (file.name, try Data(contentsOf: file.url))
            } catch {
                throw StageError(
                    .unreadable, "cannot read gazetteer \(file.url.path): \(error.localizedDescription)", cause: error)
            }
        }
        let compiledFile = directory.appendingPathComponent(CompiledGazetteer.fileName)
        if compiled, let data = try? Data(contentsOf: compiledFile, options: .alwaysMapped),
            let gazetteer = try CompiledGazetteer.gazetteer(
                from: data, expectedHash: CompiledGazetteer.sourceHash(contents), source: compiledFile.path)
        {
            return gazetteer
        }
        var gazetteer = Gazetteer()
        for (file, content) in zip(files, contents) {
            guard let text = String(data: content.data, encoding: .utf8) else {
                throw StageError(.invalidEncoding, "gazetteer \(file.url.path) is not UTF-8")
            }
            var loaded = try parse(tsv: text, source: file.url.path)
            if file.isCurated {
                for index in loaded.entries.indices where loaded.entries[index].sources.isEmpty {
                    loaded.entries[index].sources = [GazetteerSource.curated]
                }
                gazetteer = gazetteer.merging(loaded)
            } else {
                gazetteer = gazetteer.combining(loaded)
            }
        }
        return gazetteer
    }

    /// The hash of a bundled gazetteer folder's TSV files that a compiled file must carry.
    public static func sourceHash(in directory: URL) throws -> UInt64 {
        CompiledGazetteer.sourceHash(try sourceFiles(in: directory).map { ($0.name, try Data(contentsOf: $0.url)) })
    }

    /// Whether the bundled gazetteer loads from its compiled file (it was compiled from the TSV
    /// files as they are).
    public static var bundledIsCompiled: Bool {
        guard let directory = try? bundledDirectory(),
            let hash = try? sourceHash(in: directory),
            let data = try? Data(contentsOf: directory.appendingPathComponent(CompiledGazetteer.fileName))
        else { return false }
        return (try? CompiledGazetteer.gazetteer(from: data, expectedHash: hash, source: "")) != nil
    }

    /// The TSV files of a bundled gazetteer folder in load order, named relative to the folder.
    static func sourceFiles(in directory: URL) throws -> [(name: String, url: URL, isCurated: Bool)] {
        func tsv(_ folder: URL) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".tsv") }
                .sorted()
        }
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw StageError(.unreadable, "no gazetteer folder at \(directory.path)")
        }
        let reference = directory.appendingPathComponent("Reference")
        return tsv(directory).map { ($0, directory.appendingPathComponent($0), true) }
            + tsv(reference).map { ("Reference/" + $0, reference.appendingPathComponent($0), false) }
    }

    /// The class IRI of a `type` value: a schema.org name (`Country`, `schema:Country`) or an IRI.
    static func classIRI(_ name: String) -> IRI {
        if name.hasPrefix("http://") || name.hasPrefix("https://") { return IRI(name) }
        if name.hasPrefix("schema:") { return .schema(String(name.dropFirst(7))) }
        return .schema(name)
    }
}
