import Foundation
import Pipeline
import TextGraphSupport

extension Gazetteer {
    /// The kind of thing an entry names, for telling whether two entries with one name can be
    /// one entity: a person and a place of one name are two entities, a party from two sources one.
    enum Family: Hashable, Sendable {
        case person, place, organization, legislation
        case other(IRI?)

        init(_ types: [IRI]) {
            let names = types.map { $0.value.replacingOccurrences(of: Vocabulary.Namespace.schema.iri, with: "") }
            if names.contains("Person") {
                self = .person
            } else if names.contains(where: {
                ["Place", "City", "AdministrativeArea", "Country", "State"].contains($0)
            }) {
                self = .place
            } else if names.contains("Legislation") {
                self = .legislation
            } else if names.contains(where: {
                $0.hasSuffix("Organization") || $0 == "PoliticalParty" || $0 == "Corporation"
            }) {
                self = .organization
            } else {
                self = .other(types.first)
            }
        }
    }

    /// How a lower layer's names that a higher layer already uses are treated.
    public enum CollidingNames: Sendable {
        /// Kept: the name is shared, and the linker decides from context (a person and a place).
        case keep
        /// Dropped from the lower entry, and the entry left out when no name is left: for
        /// noisy sources (GeoNames), whose names the higher layers have better.
        case drop
    }

    /// A lower layer's entries reconciled with this gazetteer, which wins.
    ///
    /// Each entry of `lower`:
    /// - with an IRI this gazetteer has, is kept as it is (it combines with that entry on
    ///   loading, which keeps this one's types and labels);
    /// - whose label is the name (label or alias, compared as the matcher compares names) of
    ///   exactly one entry here of the same kind (person, place, organisation, legislation), is
    ///   the same entity: it takes that entry's IRI, so the two combine into one node;
    /// - is otherwise a new entity, its names that an entry here already uses (as a name or an
    ///   adjective: a place named "Engels" and the adjective of England) treated as
    ///   `collidingNames` says.
    ///
    /// `member_of` links are redirected along with the IRIs. The result holds only `lower`'s
    /// entries (with their new IRIs), to be written to its own file and loaded after this one.
    public func reconciling(_ lower: Gazetteer, collidingNames: CollidingNames = .keep) -> Gazetteer {
        var names: [String: [Int]] = [:]
        var taken = Set<String>()
        for (index, entry) in entries.enumerated() {
            for name in Self.names(of: entry) where names[name]?.contains(index) != true {
                names[name, default: []].append(index)
            }
            taken.formUnion(Self.names(of: entry))
            taken.formUnion(entry.adjectives.map(Gazetteer.foldedName))
        }
        var redirects: [IRI: IRI] = [:]
        var result: [GazetteerEntry] = []
        for var entry in lower.entries {
            if self[entry.iri] == nil, let label = entry.labels.first.map({ Gazetteer.foldedName($0.lexicalForm) }) {
                let family = Family(entry.types)
                let same = (names[label] ?? []).filter { Family(entries[$0].types) == family }
                if same.count == 1 {
                    redirects[entry.iri] = entries[same[0]].iri
                    entry.iri = entries[same[0]].iri
                } else if collidingNames == .drop {
                    let kept = entry.aliases.filter { !taken.contains(Gazetteer.foldedName($0)) }
                    if taken.contains(label) {
                        // The label is taken: the first free alias becomes the label.
                        guard let first = kept.first else { continue }
                        entry.labels = [Literal(first, language: entry.labels.first?.language ?? "nl")]
                        entry.aliases = Array(kept.dropFirst())
                    } else {
                        entry.aliases = kept
                    }
                }
            }
            result.append(entry)
        }
        for index in result.indices {
            result[index].memberOf = result[index].memberOf.map { redirects[$0] ?? $0 }
        }
        var reconciled = Gazetteer()
        for entry in result { reconciled.combine(entry) }
        return reconciled
    }

    /// The names of an entry as the matcher compares them (folded).
    static func names(of entry: GazetteerEntry) -> Set<String> {
        Set((entry.labels.map(\.lexicalForm) + entry.aliases).map(Gazetteer.foldedName))
    }
}

extension Gazetteer {
    /// A name as the matcher compares it: folded (lowercase, without diacritics, typographic
    /// apostrophes and hyphens made plain).
    public static func foldedName(_ name: String) -> String {
        String(decoding: TextFolding.shared.fold(name), as: UTF8.self)
    }
}
