import ArgumentParser
import Stages
import Testing
@testable import TextGraphCommands

@Suite struct RunCommandParsingTests {
    @Test func parsesInputsOutputAndOptions() throws {
        let command = try RunCommand.parse(["corpus", "more/a.txt", "--output", "g.ttl", "--jobs", "2", "--no-sentences"])
        #expect(command.inputs == ["corpus", "more/a.txt"])
        #expect(command.output == "g.ttl")
        #expect(command.jobs == 2)
        #expect(command.noSentences)
        #expect(try command.resolvedFormat() == .turtle)
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
