import ArgumentParser
import Pipeline
import Render
import Testing

@testable import TextGraphCommands

@Suite struct RenderCommandParsingTests {
    @Test func parsesOutputsFiltersAndPipelineOptions() throws {
        let command = try RenderCommand.parse([
            "corpus", "--html", "site", "--svg", "n.svg", "--around", "entity/org/nuctech", "--depth", "2", "--type",
            "place",
            "--type", "Corporation", "--document", "corpus/2024*", "--min-weight", "2", "--no-model", "--jobs", "1",
        ])
        #expect(command.inputs == ["corpus"])
        #expect(command.html == "site" && command.svg == "n.svg" && command.dot == nil)
        #expect(command.options.noModel && command.options.jobs == 1)
        let filter = command.filter
        #expect(filter.around == IRI("https://w3id.org/textgraph/entity/org/nuctech"))
        #expect(filter.depth == 2 && filter.minimumWeight == 2 && filter.types == ["place", "Corporation"])
        #expect(command.picturesDocument("corpus/2024Z01911-vragen-nuctech-douanescanners.txt"))
        #expect(!command.picturesDocument("corpus/2019Z15231-antwoorden-export-cybersurveillance.txt"))
    }

    @Test func entityNamesResolveToIRIs() {
        let nuctech = IRI("https://w3id.org/textgraph/entity/org/nuctech")
        #expect(EntityNetwork.resolve("entity/org/nuctech") == nuctech)
        #expect(EntityNetwork.resolve("org/nuctech") == nuctech)
        #expect(EntityNetwork.resolve(nuctech.value) == nuctech)
    }

    @Test func usageErrors() {
        #expect(throws: (any Error).self) { _ = try RenderCommand.parse(["corpus"]) }  // nothing to write
        // mixed inputs
        #expect(throws: (any Error).self) { _ = try RenderCommand.parse(["corpus", "graph.nq", "--html", "s"]) }
        #expect(throws: (any Error).self) {
            _ = try RenderCommand.parse(["corpus", "--dot", "n.dot", "--depth", "-1"])
        }
        #expect(throws: (any Error).self) {
            _ = try RenderCommand.parse(["corpus", "--dot", "n.dot", "--min-weight", "0"])
        }
        #expect(throws: (any Error).self) { _ = try RenderCommand.parse(["--html", "s"]) }
    }

    @Test func graphFilesAreGraphInputs() throws {
        #expect(
            RenderCommand.isGraphFile("g.nq") && RenderCommand.isGraphFile("G.NT")
                && !RenderCommand.isGraphFile("a.txt"))
        #expect(try TextGraphCommand.parseAsRoot(["render", "g.nq", "--dot", "n.dot"]) is RenderCommand)
    }

    @Test func linksFromAPictureReachTheSite() {
        #expect(
            RenderCommand.relativePath(from: "/tmp/out/n.svg", to: "/tmp/out/site/entities/a.html")
                == "site/entities/a.html")
        #expect(
            RenderCommand.relativePath(from: "/tmp/pictures/n.svg", to: "/tmp/site/entities/a.html")
                == "../site/entities/a.html")
    }
}
