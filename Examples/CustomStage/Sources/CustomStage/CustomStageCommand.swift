import Foundation
import Pipeline
import Stages

/// `custom-stage CORPUS --output FILE [--push URL] [--jobs N]`: TextGraph's standard graph of a corpus, plus
/// the statements of a custom stage inserted after the entity linker, fed from an `AsyncSequence`.
@main
struct CustomStageCommand {
    static func main() async {
        do {
            try await run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("custom-stage: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ arguments: [String]) async throws {
        guard let corpus = arguments.first, let output = value(of: "--output", in: arguments),
            let format = RDFFormat(path: output)
        else {
            throw UsageError()
        }
        let push = value(of: "--push", in: arguments)
        let jobs = value(of: "--jobs", in: arguments).flatMap { Int($0) } ?? 2

        // The standard pipeline with the custom stage after the linker and its statements in the graph.
        let gazetteer = try Gazetteer.bundled()
        var options = TextGraphPipeline.Options()
        options.graphContributors = [QuestionSentenceStatements()]
        let stages = try TextGraphPipeline.standardStages(gazetteer: gazetteer, options: options)
            .inserting(QuestionSentenceTagger(), after: EntityLinker.self)
        var formats: Set<RDFFormat> = [format]
        if push != nil { formats.insert(.nTriples) }
        let pipeline = try TextGraphPipeline.make(options: options, stages: stages, encodingAs: formats)

        // Documents arrive as an asynchronous sequence (here from a walk of the corpus).
        let documents = AsyncStream(SourceDocument.self) { continuation in
            do {
                for document in try CorpusSource(inputs: [corpus]) { continuation.yield(document) }
            } catch {
                FileHandle.standardError.write(Data("custom-stage: \(error)\n".utf8))
            }
            continuation.finish()
        }

        let writer = try RDFWriter(path: output, format: format)
        let store = try push.map { try GraphStoreSink(endpoint: $0) }
        let summary = try await PipelineRunner(configuration: .init(jobs: jobs)).run(documents, through: pipeline) {
            fragment in
            try writer.write(fragment)
            try await store?.write(fragment)
        }
        try writer.finish()
        try await store?.finish()
        for failure in summary.failures {
            FileHandle.standardError.write(Data("custom-stage: error: \(failure)\n".utf8))
        }
        print("custom-stage: \(summary); wrote \(output)" + (push.map { " and pushed to \($0)" } ?? ""))
        if !summary.isClean { exit(2) }
    }

    static func value(of option: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: option).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }

    struct UsageError: Error, CustomStringConvertible {
        var description: String {
            "usage: custom-stage CORPUS --output FILE.nq|.nt|.ttl [--push GRAPH-STORE-URL] [--jobs N]"
        }
    }
}
