import Pipeline
import Stages

/// What the layer adds to the graph, under `https://example.org/`: each question sentence is
/// marked, and the document says how many it has. The statements reach every format and the
/// store by the same road as TextGraph's own.
struct QuestionSentenceStatements: GraphContributor {
    static let isQuestion = IRI("https://example.org/isQuestion")
    static let questionCount = IRI("https://example.org/questionCount")
    /// Made once: a statement's terms are values, and these are the same in every statement.
    static let `true` = Literal("true", datatype: IRI("http://www.w3.org/2001/XMLSchema#boolean"))

    func contribute(_ document: Document, to graph: inout GraphStatements) {
        let questions = document[QuestionSentences.self] ?? []
        for span in questions {
            graph.add(.span(span), Self.isQuestion, .literal(Self.true))
        }
        graph.add(.document, Self.questionCount, .literal(.integer(questions.count)))
    }
}
