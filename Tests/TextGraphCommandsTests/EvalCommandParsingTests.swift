import ArgumentParser
import Stages
import Testing
import TextGraphEvaluation

@testable import TextGraphCommands

@Suite struct EvalCommandParsingTests {
    @Test func parsesFilesAndOptions() throws {
        let command = try EvalSentencesCommand.parse([
            "a.conllu", "b.conllu", "--json", "--dump-text", "out", "--show-errors", "5",
        ])
        #expect(command.files == ["a.conllu", "b.conllu"])
        #expect(command.json)
        #expect(command.dumpText == "out")
        #expect(command.predicted == nil)
        #expect(command.showErrors == 5)
    }

    @Test func parsesPredictionsAndSystemName() throws {
        let command = try EvalSentencesCommand.parse(["a.conllu", "--predicted", "ucto.jsonl", "--system", "ucto"])
        #expect(command.predicted == "ucto.jsonl")
        #expect(command.system == "ucto")
    }

    @Test func usageErrors() {
        #expect(throws: (any Error).self) { _ = try EvalSentencesCommand.parse([]) }
        #expect(throws: (any Error).self) { _ = try EvalSentencesCommand.parse(["a.conllu", "--show-errors", "-1"]) }
        #expect(throws: (any Error).self) { _ = try SegmentSpeedCommand.parse(["a.txt", "--repetitions", "0"]) }
    }

    @Test func rootCommandKnowsEvalAndItsSubcommands() throws {
        #expect(try TextGraphCommand.parseAsRoot(["eval", "sentences", "a.conllu"]) is EvalSentencesCommand)
        #expect(try TextGraphCommand.parseAsRoot(["eval", "segment-speed", "big.txt"]) is SegmentSpeedCommand)
    }

    @Test func tableAlignsColumns() {
        let table = EvalSentencesCommand.table(
            system: "textgraph", rows: [("f.conllu", SegmentationScore(documents: 1))])
        let lines = table.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("system     file"))
        #expect(lines[1].hasPrefix("textgraph  f.conllu"))
        #expect(lines[1].hasSuffix("1.0000      1.0000       -        -        -"))
    }
}
