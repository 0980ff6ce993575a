import ArgumentParser
import Stages
import Testing

@testable import TextGraphCommands

@Suite struct RunCommandParsingTests {
    @Test func parsesInputsOutputAndOptions() throws {
        let command = try RunCommand.parse([
            "corpus", "more/a.txt", "--output", "g.ttl", "--jobs", "2", "--no-sentences",
        ])
        #expect(command.inputs == ["corpus", "more/a.txt"])
        #expect(command.output == "g.ttl")
        #expect(command.options.jobs == 2)
        #expect(command.options.noSentences)
        #expect(!command.options.sentenceText)
        #expect(try command.resolvedFormat() == .turtle)
        #expect(try RunCommand.parse(["corpus", "-o", "g.nq", "--sentence-text"]).options.sentenceText)
    }

    @Test func formatFollowsTheExtensionOrTheOption() throws {
        #expect(try RunCommand.parse(["c", "-o", "g.nt"]).resolvedFormat() == .nTriples)
        #expect(try RunCommand.parse(["c", "-o", "g.nq"]).resolvedFormat() == .nQuads)
        #expect(try RunCommand.parse(["c", "-o", "g.data", "--format", "ttl"]).resolvedFormat() == .turtle)
        #expect(try RunCommand.parse(["c", "-o", "-"]).resolvedFormat() == .nQuads)
    }

    @Test func unknownFormatIsAUsageError() {
        #expect(throws: (any Error).self) { _ = try RunCommand.parse(["c", "-o", "g.rdf"]) }
        #expect(throws: (any Error).self) { _ = try RunCommand.parse(["c", "-o", "g.nt", "--format", "xml"]) }
    }

    @Test func missingOutputOrInputsAreUsageErrors() {
        #expect(throws: (any Error).self) { _ = try RunCommand.parse(["corpus"]) }
        #expect(throws: (any Error).self) { _ = try RunCommand.parse(["--output", "g.nt"]) }
        #expect(throws: (any Error).self) { _ = try RunCommand.parse(["c", "-o", "g.nt", "--jobs", "0"]) }
    }

    @Test func rootCommandKnowsRun() throws {
        let command = try TextGraphCommand.parseAsRoot(["run", "corpus", "-o", "g.nt"])
        #expect(command is RunCommand)
    }
}

@Suite struct PipeCommandParsingTests {
    @Test func pipeTakesThePipelineOptions() throws {
        let command = try PipeCommand.parse(["--jobs", "3", "--no-sentences", "--gazetteer", "people.tsv"])
        #expect(command.options.jobs == 3)
        #expect(command.options.noSentences)
        #expect(command.options.gazetteer == ["people.tsv"])
        #expect(try TextGraphCommand.parseAsRoot(["pipe"]) is PipeCommand)
    }

    @Test func resumeNeedsAnOutputFile() {
        #expect(throws: (any Error).self) {
            _ = try RunCommand.parse(["c", "--push", "http://127.0.0.1:7878/store", "--resume"])
        }
        #expect(throws: (any Error).self) { _ = try RunCommand.parse(["c", "-o", "-", "--resume"]) }
        #expect(throws: Never.self) { _ = try RunCommand.parse(["c", "-o", "g.nq", "--resume"]) }
    }
}
