public import Pipeline
import TextGraphInput
import TextGraphSupport

/// Links every mention to its canonical entity, and describes the linked entities.
///
/// A mention with one candidate links to it. Among several candidates, the linker takes the
/// one that other mentions of the same document link to without doubt (a surname after the
/// full name, say); failing that, the only candidate of the class the word before the mention
/// points at ("de heer …" a person, "het bedrijf …" a company), with confidence 0.9; failing
/// that it leaves the mention unlinked, with its candidates and a confidence of one over their
/// number, rather than guess. Linked entities, and the
/// organizations the gazetteer says they are members of, are described in ``Entities`` from the
/// gazetteer, so the graph can type and label them. The speakers of debates (``Utterances``)
/// are linked by name to the people the gazetteer knows.
public struct EntityLinker: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Where entity descriptions come from.
    public let gazetteer: Gazetteer

    /// Creates a linker.
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public var requires: Set<AnnotationKey> { [.mentions] }

    /// Words that say what kind of thing the next name is ("de heer Jansen", "het bedrijf Apple").
    static let cues: [String: IRI] = [
        "heer": .schema("Person"), "mevrouw": .schema("Person"), "minister": .schema("Person"),
        "staatssecretaris": .schema("Person"), "lid": .schema("Person"), "leden": .schema("Person"),
        "collega": .schema("Person"), "dhr.": .schema("Person"), "mevr.": .schema("Person"), "mr.": .schema("Person"),
        "dr.": .schema("Person"), "prof.": .schema("Person"), "land": .schema("Country"),
        "republiek": .schema("Country"),
        "koninkrijk": .schema("Country"), "bedrijf": .schema("Corporation"), "firma": .schema("Corporation"),
        "fabrikant": .schema("Corporation"), "leverancier": .schema("Corporation"), "concern": .schema("Corporation"),
        "onderneming": .schema("Corporation"), "partij": .schema("PoliticalParty"),
        "fractie": .schema("PoliticalParty"),
    ]

    /// The class the word just before a mention points at, if it is a cue.
    static func cuedClass(before offset: Int, in text: String) -> IRI? {
        let utf8 = Array(
            text.utf8[
                text.utf8.index(
                    text.utf8.startIndex, offsetBy: max(0, offset - 40))..<text.utf8.index(
                        text.utf8.startIndex, offsetBy: offset)])
        let words = String(decoding: utf8, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let last = words.last else { return nil }
        return cues[last.lowercased()]
    }
    public var assigns: Set<AnnotationKey> { [.links] }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        var mentions = try document.require(Mentions.self, by: self)

        // Entities named without doubt somewhere in the document (as the mentions were before
        // linking): made when the first mention with several candidates needs them, as most
        // documents have none.
        let unlinked = mentions
        var certainEntities: Set<IRI>? = nil
        func certain() -> Set<IRI> {
            if let certainEntities { return certainEntities }
            var certain = Set<IRI>()
            for mention in unlinked {
                if let entity = mention.entity {
                    certain.insert(entity)
                } else if mention.candidates.count == 1 {
                    certain.insert(mention.candidates[0])
                }
            }
            certainEntities = certain
            return certain
        }
        var linked = Set<IRI>()
        for index in mentions.indices {
            var mention = mentions[index]
            if mention.entity == nil {
                if mention.candidates.count == 1 {
                    mention.entity = mention.candidates[0]
                    mention.confidence = 1
                } else if !mention.candidates.isEmpty {
                    let certain = certain()
                    let supported = mention.candidates.filter(certain.contains)
                    let cued =
                        EntityLinker.cuedClass(before: mention.span.start, in: document.text).map { cue in
                            mention.candidates.filter { gazetteer[$0]?.types.contains(cue) == true }
                        } ?? []
                    if supported.count == 1 {
                        mention.entity = supported[0]
                        mention.confidence = 1
                    } else if cued.count == 1 {
                        mention.entity = cued[0]
                        mention.confidence = 0.9
                    } else {
                        mention.confidence = 1 / Double(mention.candidates.count)
                    }
                }
            }
            if let entity = mention.entity {
                linked.insert(entity)
                if let entry = gazetteer[entity], let type = entry.types.first,
                    !(mention.entityClass.map(entry.types.contains) ?? false)
                {
                    mention.entityClass = type
                }
            }
            mentions[index] = mention
        }
        linkSpeakers(in: &document, linked: &linked)
        var entities = document[Entities.self] ?? []
        let described = Set(entities.map(\.iri))
        // The linked entities, and the organizations they belong to (a person's party), so that the
        // graph can say what those are too.
        var wanted = linked
        for iri in linked { wanted.formUnion(gazetteer[iri]?.memberOf.filter { gazetteer[$0] != nil } ?? []) }
        for iri in wanted.subtracting(described).sorted() {
            entities.append(gazetteer[iri]?.entity ?? Entity(iri: iri, types: [], labels: []))
        }
        document[Mentions.self] = mentions
        document[Entities.self] = entities.sorted { $0.iri < $1.iri }
        try await emit(document)
    }

    /// Links the speakers of debates, by name, to the people the gazetteer knows under the same IRI.
    private func linkSpeakers(in document: inout Document, linked: inout Set<IRI>) {
        guard var utterances = document[Utterances.self] else { return }
        for index in utterances.indices where utterances[index].speaker == nil {
            guard let name = utterances[index].speakerName else { continue }
            let iri = IRI(Gazetteer.entityBase + "person/" + Gazetteer.slug(name))
            if gazetteer[iri] != nil {
                utterances[index].speaker = iri
                linked.insert(iri)
            }
        }
        document[Utterances.self] = utterances
    }
}
