import Foundation
public import Pipeline
public import TextGraphSupport

/// Turns a SKOS vocabulary (read as N-Triples) into gazetteer entries.
///
/// Every subject IRI with a `skos:prefLabel` or `skos:altLabel` becomes an entry with that
/// IRI as its id. The first `skos:prefLabel` in each language is the label in that language
/// (one without a language tag counts as ``defaultLanguage``); further preferred labels,
/// `skos:altLabel` and `skos:hiddenLabel` (the forms SKOS keeps for text matching) are
/// aliases. `rdf:type` gives the class where it is a schema.org class (`http://` or
/// `https://schema.org/`); a concept with no schema.org class gets ``defaultType``.
/// `owl:sameAs` and `skos:exactMatch` to a Wikidata entity become `sameAs`; `schema:memberOf`
/// becomes `memberOf`. Blank-node subjects are left out: they have no stable IRI.
///
/// Why N-Triples: a Turtle file is first converted by a real RDF parser, `rapper -i turtle
/// -o ntriples FILE` (Debian's raptor2-utils; `textgraph gazetteer import skos` does it for
/// files that are not `.nt`). Turtle's grammar (prefixes, base IRIs, collections, nested
/// blank nodes, multi-line strings, numeric shorthand) is large, and a hand-written subset
/// would misread valid vocabularies without saying so; N-Triples has one triple a line and
/// ``NTriplesReader`` reads all of it.
public struct SKOSImporter: Sendable {
    /// The class of a concept that has no schema.org class (`schema:Thing` by default).
    public var defaultType: IRI
    /// The language of labels without a language tag.
    public var defaultLanguage: String
    /// The languages whose labels are kept (all when `nil`); untagged labels are always kept.
    public var languages: Set<String>?

    /// Creates an importer.
    public init(defaultType: IRI = .schema("Thing"), defaultLanguage: String = "nl", languages: Set<String>? = nil) {
        self.defaultType = defaultType
        self.defaultLanguage = defaultLanguage
        self.languages = languages
    }

    static let skos = "http://www.w3.org/2004/02/skos/core#"

    /// The gazetteer of the concepts among the triples, in order of their first triple.
    public func gazetteer(from triples: [Triple]) -> Gazetteer {
        var order: [IRI] = []
        var concepts: [IRI: Concept] = [:]
        for triple in triples {
            guard case .iri(let subject) = triple.subject else { continue }
            if concepts[subject] == nil {
                concepts[subject] = Concept()
                order.append(subject)
            }
            concepts[subject]!.add(triple.predicate, triple.object, importer: self)
        }
        var gazetteer = Gazetteer()
        for subject in order {
            guard let concept = concepts[subject], !concept.labels.isEmpty || !concept.aliases.isEmpty else { continue }
            gazetteer.combine(
                GazetteerEntry(
                    iri: subject,
                    types: concept.types.isEmpty ? [defaultType] : concept.types,
                    labels: concept.labels,
                    aliases: concept.aliases,
                    sameAs: concept.sameAs,
                    memberOf: concept.memberOf
                )
            )
        }
        return gazetteer
    }

    /// Reads an N-Triples file and imports it.
    /// - Throws: ``StageError`` naming the file and line of a syntax error.
    public func gazetteer(nTriplesPath path: String) throws -> Gazetteer {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
        }
        return gazetteer(from: try NTriplesReader.triples(in: text, source: path))
    }

    /// What the triples say about one subject so far.
    private struct Concept {
        var types: [IRI] = []
        var labels: [Literal] = []
        var aliases: [String] = []
        var sameAs: [IRI] = []
        var memberOf: [IRI] = []

        mutating func add(_ predicate: IRI, _ object: Term, importer: SKOSImporter) {
            switch (predicate.value, object) {
            case (SKOSImporter.skos + "prefLabel", .literal(let literal)):
                guard let label = importer.kept(literal) else { return }
                if labels.contains(where: { $0.language == label.language }) {
                    alias(label.lexicalForm)
                } else {
                    labels.append(label)
                    aliases.removeAll { $0 == label.lexicalForm }
                }
            case (SKOSImporter.skos + "altLabel", .literal(let literal)),
                (SKOSImporter.skos + "hiddenLabel", .literal(let literal)):
                if let label = importer.kept(literal) { alias(label.lexicalForm) }
            case (Vocabulary.rdfType.iri.value, .iri(let type)):
                if let schema = SKOSImporter.schemaClass(type), !types.contains(schema) { types.append(schema) }
            case (Vocabulary.owlSameAs.iri.value, .iri(let other)), (SKOSImporter.skos + "exactMatch", .iri(let other)):
                if let wikidata = TEIPersonImporter.wikidataEntity(other.value), !sameAs.contains(wikidata) {
                    sameAs.append(wikidata)
                }
            case (Vocabulary.schemaMemberOf.iri.value, .iri(let group)),
                ("https://schema.org/memberOf", .iri(let group)):
                if !memberOf.contains(group) { memberOf.append(group) }
            default:
                break
            }
        }

        mutating func alias(_ name: String) {
            if !aliases.contains(name) && !labels.contains(where: { $0.lexicalForm == name }) { aliases.append(name) }
        }
    }

    /// The label with its language (the default when untagged), or `nil` when its language is not kept.
    private func kept(_ literal: Literal) -> Literal? {
        let name = TEIPersonImporter.collapsed(literal.lexicalForm)
        guard !name.isEmpty else { return nil }
        guard let language = literal.language else { return Literal(name, language: defaultLanguage) }
        if let languages, !languages.contains(language), !languages.contains(String(language.prefix { $0 != "-" })) {
            return nil
        }
        return Literal(name, language: language)
    }

    /// The schema.org class an IRI names, written as `http://schema.org/`, or `nil`.
    static func schemaClass(_ iri: IRI) -> IRI? {
        for prefix in [Vocabulary.Namespace.schema.iri, "https://schema.org/"] where iri.value.hasPrefix(prefix) {
            let name = iri.value.dropFirst(prefix.count)
            guard let first = name.first, first.isUppercase, !name.contains("/") else { return nil }
            return .schema(String(name))
        }
        return nil
    }
}
