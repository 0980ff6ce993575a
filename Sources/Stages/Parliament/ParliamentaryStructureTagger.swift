import Foundation
public import Pipeline
import TextGraphRelations
import TextGraphSupport

/// Finds the structure of Dutch written parliamentary questions ("Kamervragen") and their
/// answers: the questions, the answers and which questions each covers, who asked (and their
/// parties), to whom, when, who answered, the case the questions belong to, and the document's
/// own identifier, date and title.
///
/// The layouts it reads (see the README's list):
/// - Headings on a line of their own (``QuestionHeading``): "Vraag 3", "Vraag 3:", "Vraag 4 en 5",
///   "Vragen 2, 3 en 4", "Vraag 2 t/m 6" open questions (several numbers share one text);
///   "Antwoord", "Antwoord:", "Antwoord 3", "Antwoord 4 en 5", "Antwoord op vraag 3", "Antwoord
///   vragen 2 en 3" open an answer to those questions (a bare "Antwoord" answers the questions
///   asked since the previous answer). The question may be repeated before each answer or not.
/// - Questions numbered in the text ("1. Kunt u …", "2) …"), or by a number alone on a line.
/// - Unnumbered questions: the paragraphs ending in a question mark after "Vragen van het lid …".
///
/// People come from the document itself, never from being named in its text:
/// - The askers are the members in the "Vragen van het lid / de leden …" phrase before the first
///   question (``AskerPhrase``), each with the party in the brackets after them or their group
///   ("(beiden GroenLinks-PvdA)"); the offices after "aan" are the addressees, each office of a
///   coordinated phrase ("aan de Ministers van X en van Y", ``OfficePhrase``).
/// - The answering minister or state secretary comes from "Antwoord van Minister X (Portfolio)",
///   else from a signature (a name under a line "De Minister van …,"), else the office named in
///   "Antwoorden van de minister van …".
/// - A person or party no gazetteer knows becomes a new entity, named as the text names them, with
///   an IRI made as the gazetteer makes them (`person/<slug>`, `party/<slug>`, `office/<slug>`);
///   a person the gazetteer knows keeps the gazetteer's IRI.
///
/// The case number ("2024Z01911": the document's identifier, or the first case number before the
/// first question) names the questions across documents (see ``QuestionSet/caseNumber``). A
/// notice that the answers will be late ("Mededeling", "uitstel") gives the case its date of
/// postponement. A document that looks like written questions but whose layout is not one of
/// these gets a warning and no questions, rather than wrong ones.
public struct ParliamentaryStructureTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Creates a tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.sentences, .links] }
    public var assigns: Set<AnnotationKey> { [ParliamentaryQuestions.key, Relations.key, .mentions, .links] }

    static let office = IRI(Vocabulary.Namespace.tg.iri + "Office")

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let sentences = try document.require(Sentences.self, by: self)
        let mentions = document[Mentions.self] ?? []
        var analysis = StructureAnalysis(document: document, sentences: sentences, mentions: mentions)
        analysis.run()
        for warning in analysis.warnings { context.warn(warning) }
        let set = analysis.set
        if !set.questions.isEmpty || !set.answers.isEmpty || !set.askedBy.isEmpty || set.postponed != nil {
            document[ParliamentaryQuestions.self] = set
        }
        if !analysis.relations.isEmpty {
            var relations = document[Relations.self] ?? []
            relations += analysis.relations
            document[Relations.self] = relations.sorted {
                ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object)
            }
        }
        if !analysis.mintedMentions.isEmpty {
            if analysis.mentionsAreSorted {
                // The analysis keeps its mentions in order, the minted ones in place of those they cover.
                document[Mentions.self] = analysis.mentions
            } else {
                let minted = analysis.mintedMentions
                let kept = mentions.filter { mention in !minted.contains { $0.span.overlaps(mention.span) } }
                document[Mentions.self] = (kept + minted).sorted { $0.span < $1.span }
            }
        }
        if !analysis.mintedEntities.isEmpty {
            document[Entities.self] = Self.adding(analysis.mintedEntities, to: document[Entities.self] ?? [])
        }
        if document.metadata.identifier == nil { document.metadata.identifier = analysis.identifier }
        if document.metadata.date == nil { document.metadata.date = analysis.date ?? set.submitted?.lexicalForm }
        if document.metadata.title == nil { document.metadata.title = analysis.title }
        try await emit(document)
    }

    /// Entities sorted by IRI with new ones added in their place, those already there kept as they are.
    static func adding(_ new: [Entity], to entities: [Entity]) -> [Entity] {
        guard entities.indices.dropFirst().allSatisfy({ entities[$0 - 1].iri < entities[$0].iri }) else {
            let known = Set(entities.map(\.iri))
            return (entities + new.filter { !known.contains($0.iri) }).sorted { $0.iri < $1.iri }
        }
        var result = entities
        for entity in new {
            var low = 0
            var high = result.count
            while low < high {
                let middle = (low + high) / 2
                if result[middle].iri < entity.iri { low = middle + 1 } else { high = middle }
            }
            if low < result.count && result[low].iri == entity.iri { continue }
            result.insert(entity, at: low)
        }
        return result
    }

    /// The number of a heading that opens one question ("Vraag 3", "Vraag 3:"), or `nil`.
    public static func questionNumber(_ heading: String) -> Int? {
        guard let numbers = questionNumbers(heading), numbers.count == 1 else { return nil }
        return numbers[0]
    }

    /// The numbers of a question heading ("Vraag 4 en 5" → [4, 5], "Vragen 1 t/m 3" → [1, 2, 3]),
    /// or `nil` when the line is not one.
    public static func questionNumbers(_ heading: String) -> [Int]? {
        guard case .question(let numbers)? = QuestionHeading(heading) else { return nil }
        return numbers
    }

    /// The question numbers of an answer heading ("Antwoord vragen 8, 9 en 10" → [8, 9, 10],
    /// "Antwoord" → []), or `nil` when the line is not an answer heading.
    public static func answerNumbers(_ heading: String) -> [Int]? {
        guard case .answer(let numbers)? = QuestionHeading(heading) else { return nil }
        return numbers
    }
}
