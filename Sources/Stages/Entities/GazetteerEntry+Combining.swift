import Pipeline

extension GazetteerEntry {
    /// This entry with another description of the same entity added to it.
    ///
    /// The entity keeps this entry's classes and its label in each language; `other` adds
    /// labels in languages this entry lacks, and a label that differs from this entry's in the
    /// same language becomes an alias, so the name still matches. Aliases, adjectives,
    /// `sameAs`, `memberOf`, pages, identifiers and sources are joined, this entry's first, each value once.
    ///
    /// ```swift
    /// // bundled: Ingrid Michon-Derkzen, same_as Wikidata; ParlaMint: member_of party/vvd
    /// let person = bundled.combined(with: parlaMint)  // both the Wikidata link and the party
    /// ```
    public func combined(with other: GazetteerEntry) -> GazetteerEntry {
        var result = self
        if result.types.isEmpty { result.types = other.types }
        for label in other.labels {
            if let existing = result.labels.first(where: { $0.language == label.language }) {
                if existing.lexicalForm != label.lexicalForm { result.aliases.append(label.lexicalForm) }
            } else {
                result.labels.append(label)
            }
        }
        result.aliases = Self.joined(result.aliases, other.aliases)
        result.adjectives = Self.joined(result.adjectives, other.adjectives)
        result.sameAs = Self.joined(result.sameAs, other.sameAs)
        result.memberOf = Self.joined(result.memberOf, other.memberOf)
        result.pages = Self.joined(result.pages, other.pages)
        result.identifiers = Self.joined(result.identifiers, other.identifiers)
        result.sources = Self.joined(result.sources, other.sources)
        return result
    }

    /// `first` then the values of `second` it lacks, each value once, in order.
    private static func joined<Value: Hashable>(_ first: [Value], _ second: [Value]) -> [Value] {
        var seen = Set<Value>()
        return (first + second).filter { seen.insert($0).inserted }
    }
}
