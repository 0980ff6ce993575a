public import Pipeline
import TextGraphSupport

extension Gazetteer {
    /// The gazetteer in the tab-separated format that ``parse(tsv:source:)`` reads.
    ///
    /// Columns: `id`, `type`, `label@nl`, `label@en`, then labels in other languages (sorted),
    /// `aliases`, `adjectives`, `same_as`, and `member_of`, `page`, `identifier` and `source`
    /// only when some entry has them. Ids below ``entityBase`` are written as paths (`country/nl`), schema.org classes
    /// by name. Tabs and line breaks inside a value become spaces.
    ///
    /// - Parameter comments: Lines written first, each after `# ` (the source, the licence).
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` when an entry has no
    ///   class or no name, or a list value contains `|`, which the format cannot hold.
    public func tsv(comments: [String] = []) throws -> String {
        let otherLanguages = Set(entries.flatMap { $0.labels.map(\.language) }.compactMap { $0 })
            .subtracting(["nl", "en"]).sorted()
        let languages = ["nl", "en"] + otherLanguages
        let hasMemberOf = entries.contains { !$0.memberOf.isEmpty }
        let hasPages = entries.contains { !$0.pages.isEmpty }
        let hasIdentifiers = entries.contains { !$0.identifiers.isEmpty }
        let hasSources = entries.contains { !$0.sources.isEmpty }
        var columns = ["id", "type"] + languages.map { "label@\($0)" } + ["aliases", "adjectives", "same_as"]
        if hasMemberOf { columns.append("member_of") }
        if hasPages { columns.append("page") }
        if hasIdentifiers { columns.append("identifier") }
        if hasSources { columns.append("source") }

        var out = comments.map { "# " + Self.cell($0) + "\n" }.joined()
        out += columns.joined(separator: "\t") + "\n"
        for entry in entries {
            let id = Self.entityID(entry.iri)
            guard !entry.types.isEmpty else { throw StageError(.invalidData, "\(id): an entry needs a type") }
            var labels: [String] = []
            var aliases: [String] = []
            for language in languages {
                let inLanguage = entry.labels.filter { $0.language == language }.map(\.lexicalForm)
                labels.append(inLanguage.first ?? "")
                aliases += inLanguage.dropFirst()
            }
            let unlabelled = entry.labels.filter { $0.language == nil }.map(\.lexicalForm)
            aliases += unlabelled + entry.aliases
            guard labels.contains(where: { !$0.isEmpty }) || !aliases.isEmpty else {
                throw StageError(.invalidData, "\(id): an entry needs a label or an alias")
            }
            var row = [id, try Self.list(entry.types.map(Self.className), of: id)]
            row += labels.map(Self.cell)
            row.append(try Self.list(Self.unique(aliases.filter { !labels.contains($0) }), of: id))
            row.append(try Self.list(entry.adjectives, of: id))
            row.append(try Self.list(entry.sameAs.map(\.value), of: id))
            if hasMemberOf { row.append(try Self.list(entry.memberOf.map(Self.entityID), of: id)) }
            if hasPages { row.append(try Self.list(entry.pages, of: id)) }
            if hasIdentifiers { row.append(try Self.list(entry.identifiers, of: id)) }
            if hasSources { row.append(try Self.list(entry.sources.map(\.value), of: id)) }
            out += row.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The id column's form of an entity IRI: a path below ``entityBase``, or the full IRI.
    public static func entityID(_ iri: IRI) -> String {
        iri.value.hasPrefix(entityBase) ? String(iri.value.dropFirst(entityBase.count)) : iri.value
    }

    private static func className(_ iri: IRI) -> String {
        for prefix in [Vocabulary.Namespace.schema.iri, "https://schema.org/"] where iri.value.hasPrefix(prefix) {
            let name = String(iri.value.dropFirst(prefix.count))
            if !name.isEmpty && !name.contains("/") { return name }
        }
        return iri.value
    }

    private static func cell(_ value: String) -> String {
        guard value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
        return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    private static func list(_ values: [String], of id: String) throws -> String {
        for value in values where value.contains("|") {
            throw StageError(
                .invalidData, "\(id): the value '\(value)' contains '|', which separates values in the format")
        }
        return values.map(cell).joined(separator: "|")
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
