public import ArgumentParser
import Foundation
import Pipeline
public import Stages

/// `textgraph run INPUT... --output FILE`: builds the graph of a corpus.
///
/// Exit status: 0 when every document went through, 2 when some failed (the others are still
/// written), 1 for usage or fatal errors.
public struct RunCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build the knowledge graph of files and directories.",
        discussion: """
            Directories are read recursively (.txt, .text, .md, .xml), in a stable order; - reads \
            JSON lines ({"id":…, "text":…} or {"id":…, "path":…}) from standard input. The output \
            format follows the extension of --output: .nt (N-Triples), .nq (N-Quads, one named \
            graph per document), .ttl (Turtle). Exit status: 0 when every document went through, \
            2 when some failed (the others are written), 1 for usage or fatal errors.
            """
    )

    @Argument(help: "Files and directories to read.")
    public var inputs: [String]

    @Option(
        name: .shortAndLong, help: "The graph file to write (.nt, .nq or .ttl), or - for N-Quads on standard output.")
    public var output: String?

    @Option(
        name: .long,
        help:
            "A SPARQL 1.1 Graph Store endpoint (http://host:port/store) to send each document's graph to, replacing it."
    )
    public var push: String?

    @Option(name: .long, help: "How long one request to the --push store may take, in seconds.")
    public var pushTimeout: Double = 30

    @Option(name: .long, help: "The output format (nt, nq, ttl), when the extension does not say.")
    public var format: String?

    @OptionGroup public var options: PipelineOptions

    @Option(
        name: .long, help: "Only read files matching this glob (a name pattern, or a path pattern with /); repeatable.")
    public var include: [String] = []

    @Option(name: .long, help: "Skip files matching this glob; repeatable; wins over --include.")
    public var exclude: [String] = []

    @Option(name: .long, help: "Write a JSON report of the run to this file.")
    public var report: String?

    @Flag(name: .long, help: "Keep a journal, and take up a run that was interrupted (even killed) where it stopped.")
    public var resume = false

    public init() {}

    public func validate() throws {
        if output == nil && push == nil { throw ValidationError("give --output FILE, --push URL, or both") }
        if resume && (output == nil || output == "-") { throw ValidationError("--resume needs an --output file") }
        if !(pushTimeout > 0) { throw ValidationError("--push-timeout must be more than 0 seconds") }
        if let output, output != "-", let kind = FileStatus.notRegularFile(output) {
            // The graph is written beside it and renamed over it: never over a device or a FIFO.
            throw ValidationError("--output \(output) is \(kind); give a regular file, or - for standard output")
        }
        _ = try resolvedFormat()
    }

    /// The output format, from `--format` or the output's extension.
    public func resolvedFormat() throws -> RDFFormat {
        guard let output else { return .nQuads }
        if let format {
            guard let resolved = RDFFormat(rawValue: format) else {
                throw ValidationError("unknown format '\(format)'; use nt, nq or ttl")
            }
            return resolved
        }
        if output == "-" { return .nQuads }
        guard let resolved = RDFFormat(path: output) else {
            throw ValidationError("cannot tell the format of '\(output)'; end it in .nt, .nq or .ttl, or pass --format")
        }
        return resolved
    }

    public func run() async throws {
        var session = RunSession(options: options, inputs: inputs, include: include, exclude: exclude)
        session.output = output
        session.format = try resolvedFormat()
        session.push = push
        session.report = report
        session.resume = resume
        session.pushTimeout = pushTimeout
        try await session.execute()
    }
}

/// Messages on standard error, one line each.
enum Console {
    static func error(_ message: String) { write("textgraph: error: " + message) }
    static func warning(_ message: String) { write("textgraph: warning: " + message) }
    static func info(_ message: String) { write("textgraph: " + message) }
    static func plain(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line.replacingOccurrences(of: "\n", with: " ") + "\n").utf8))
    }
}

/// The JSON report of a run (`--report`).
struct RunReport: Encodable {
    struct Failure: Encodable {
        var document: String
        var stage: String
        var reason: String
    }

    var output: String
    var documentsRead: Int
    var documentsSucceeded: Int
    var documentsFailed: Int
    var failures: [Failure]
    var warnings: [Failure]
    /// Why the run stopped before its end, when a fatal error stopped it (the output is then incomplete).
    var fatal: String?

    init(summary: RunSummary, output: String) {
        self.output = output
        documentsRead = summary.documents
        documentsSucceeded = summary.succeeded
        documentsFailed = summary.failures.count
        failures = summary.failures.map { Failure(document: $0.documentID, stage: $0.stage, reason: $0.reason) }
        warnings = summary.warnings.map { Failure(document: $0.documentID, stage: $0.stage, reason: $0.message) }
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}
