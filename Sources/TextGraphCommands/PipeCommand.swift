public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph pipe`: JSON lines of documents on standard input, N-Quads on standard output.
///
/// Made for distributed engines that pipe records through a program, such as Apache Spark's
/// `RDD.pipe` or Hadoop Streaming: each worker runs `textgraph pipe` over its share of the
/// documents, and the outputs, concatenated, are the corpus' graph (entity descriptions may
/// repeat across workers; as RDF, the union is the same graph as one run over everything).
public struct PipeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pipe",
        abstract: "Read JSON lines of documents on standard input; write N-Quads on standard output.",
        discussion: """
            Each line is {"id": "...", "text": "..."} or {"id": "...", "path": "..."}. Errors go to \
            standard error, one line each. Exit status: 0 when every document went through, 2 \
            when some failed, 1 for usage or fatal errors.
            """
    )

    @OptionGroup public var options: PipelineOptions

    public init() {}

    public func run() async throws {
        var session = RunSession(options: options, inputs: ["-"], include: [], exclude: [])
        session.output = "-"
        session.format = .nQuads
        try await session.execute()
    }
}
