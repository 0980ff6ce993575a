import Foundation
import Testing

/// The questions-and-answers process as one graph across documents: the questions in one file
/// (the seed 2024Z01911), a made-up answer to them in another (`Tests/Fixtures/question-case`).
/// Both name the questions by their case number, so the answers are the accepted answers of the
/// earlier questions whatever the order the files are read in and however many jobs read them.
@Suite struct QuestionCaseExecutionTests {
    static let questions = "corpus/2024Z01911-vragen-nuctech-douanescanners.txt"
    static let answers = "Tests/Fixtures/question-case/2024Z01911-antwoorden-nuctech-douanescanners.txt"
    static let entity = "https://w3id.org/textgraph/entity/"
    static let schema = "http://schema.org/"

    let cli = RunCommandExecutionTests()

    /// The N-Triples lines of a run over the two files, in the given order, as a set.
    func graph(_ inputs: [String], jobs: Int) throws -> Set<String> {
        let directory = try cli.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("graph.nt").path
        let result = try cli.run(["run"] + inputs + ["--output", output, "--jobs", String(jobs), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        return Set(text.split(separator: "\n").map(String.init))
    }

    @Test func answersInALaterDocumentAreAcceptedAnswersOfTheEarlierQuestions() throws {
        let lines = try graph([Self.questions, Self.answers], jobs: 1)
        // A file named on the command line is identified by its name.
        let answerDoc = "<https://w3id.org/textgraph/doc/2024Z01911-antwoorden-nuctech-douanescanners.txt"
        let questionDoc = "<https://w3id.org/textgraph/doc/2024Z01911-vragen-nuctech-douanescanners.txt>"
        let groups = ["1", "2", "3-4", "3-4", "5", "6-7", "6-7", "8", "9"]
        func has(_ line: String) -> Bool { lines.contains(line) }
        for number in 1...9 {
            let question = "<\(Self.entity)document/2024Z01911/question-\(number)>"
            #expect(
                has("\(question) <\(Self.schema)isPartOf> \(questionDoc) ."),
                "question \(number) is part of the questions")
            #expect(
                has("\(question) <\(Self.schema)acceptedAnswer> \(answerDoc)#answer-\(groups[number - 1])> ."),
                "question \(number) is answered")
            #expect(has("\(answerDoc)#answer-\(groups[number - 1])> <\(Self.schema)parentItem> \(question) ."))
            #expect(
                has(
                    "\(question) <https://w3id.org/textgraph/ns#dateAnswered> \"2024-03-04\"^^<http://www.w3.org/2001/XMLSchema#date> ."
                ))
            #expect(
                has("\(question) <\(Self.schema)dateCreated> \"2024-02-07\"^^<http://www.w3.org/2001/XMLSchema#date> .")
            )
        }
        #expect(has("\(answerDoc)#answer-3-4> <\(Self.schema)author> <\(Self.entity)person/marnix-van-rij> ."))
        // The answer document holds no question of its own.
        let questionsInAnswers = lines.filter { $0.contains("/question-") && $0.contains("isPartOf> \(answerDoc)") }
        #expect(questionsInAnswers.isEmpty)
    }

    @Test func theGraphIsTheSameForEitherOrderAndAnyNumberOfJobs() throws {
        let reference = try graph([Self.questions, Self.answers], jobs: 1)
        #expect(try graph([Self.answers, Self.questions], jobs: 1) == reference)
        #expect(try graph([Self.questions, Self.answers], jobs: 2) == reference)
        #expect(try graph([Self.answers, Self.questions], jobs: 2) == reference)
    }
}
