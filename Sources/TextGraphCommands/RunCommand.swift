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

    @Option(name: .shortAndLong, help: "The graph file to write (.nt, .nq or .ttl), or - for N-Quads on standard output.")
    public var output: String?

    @Option(name: .long, help: "A SPARQL 1.1 Graph Store endpoint (http://host:port/store) to send each document's graph to, replacing it.")
    public var push: String?

    @Option(name: .long, help: "The output format (nt, nq, ttl), when the extension does not say.")
    public var format: String?

    @Option(name: .shortAndLong, help: "How many documents to process at once (default: the number of cores).")
    public var jobs: Int?

    @Option(name: .long, help: "A gazetteer file (TSV) to use besides the bundled one; repeatable.")
    public var gazetteer: [String] = []

    @Flag(name: .long, help: "Do not load the bundled gazetteer.")
    public var noDefaultGazetteer = false

    @Flag(name: .long, help: "Do not write sentences to the graph.")
    public var noSentences = false

    @Option(name: .long, help: "The namespace of document IRIs.")
    public var base: String = Document.defaultBase

    @Option(name: .long, help: "The largest document to read, in bytes.")
    public var maxDocumentSize: Int = 64 << 20

    @Option(name: .long, help: "Only read files matching this glob (a name pattern, or a path pattern with /); repeatable.")
    public var include: [String] = []

    @Option(name: .long, help: "Skip files matching this glob; repeatable; wins over --include.")
    public var exclude: [String] = []

    @Option(name: .long, help: "A TEI person list (listPerson) that names the speakers of TEI documents.")
    public var teiPersons: String?

    @Flag(name: .long, help: "Keep TEI notes (speaker labels, stage directions, times) as text.")
    public var teiNotes = false

    @Flag(name: .long, help: "Read text files that are not UTF-8 as Windows-1252 (with a warning) instead of failing them.")
    public var windows1252Fallback = false

    @Option(name: .long, help: "Write a JSON report of the run to this file.")
    public var report: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    public var quiet = false

    public init() {}

    public func validate() throws {
        if output == nil && push == nil { throw ValidationError("give --output FILE, --push URL, or both") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxDocumentSize < 1 { throw ValidationError("--max-document-size must be at least 1") }
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
        let format = try resolvedFormat()
        let summary: RunSummary
        do {
            var gazetteerData = noDefaultGazetteer ? Gazetteer() : try Gazetteer.bundled()
            for path in gazetteer { gazetteerData = gazetteerData.combining(try Gazetteer.load(path: path)) }
            var options = TextGraphPipeline.Options()
            options.documentBase = base
            options.maximumDocumentBytes = maxDocumentSize
            options.includeSentences = !noSentences
            options.teiNotes = teiNotes
            options.windows1252Fallback = windows1252Fallback
            if let teiPersons { options.teiPeople = try TEIPersonList.load(path: teiPersons) }
            let standard = try TextGraphPipeline.make(gazetteer: gazetteerData, options: options)
            var formats: Set<RDFFormat> = []
            if output != nil { formats.insert(format) }
            if push != nil { formats.insert(.nTriples) }
            // Serializing happens in the pipeline, in parallel; the writers only copy bytes.
            let pipeline = try Pipeline {
                standard
                RDFFragmentEncoder(formats: formats)
            }
            let sources = try CorpusSource(inputs: inputs, include: include, exclude: exclude)
            let writer = try output.map { try RDFWriter(path: $0, format: format) }
            let store = try push.map { try GraphStoreSink(endpoint: $0) }
            let runner = PipelineRunner(
                configuration: .init(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            )
            summary = try await runner.run(sources, through: pipeline) { fragment in
                try writer?.write(fragment)
                try await store?.write(fragment)
            }
            try writer?.finish()
            try await store?.finish()
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as PipelineError {
            Console.error(error.description)
            throw ExitCode(1)
        }

        for failure in summary.failures { Console.error(failure.description) }
        if !quiet {
            for warning in summary.warnings { Console.warning(warning.description) }
            let seconds = Double(summary.elapsed.components.seconds) + Double(summary.elapsed.components.attoseconds) / 1e18
            let destinations = [output, push].compactMap { $0 }.joined(separator: " and ")
            Console.info("\(summary) in \(String(format: "%.2f", seconds)) s; wrote \(destinations)")
        }
        if let report { try RunReport(summary: summary, output: output ?? push ?? "").write(to: report) }
        if !summary.isClean { throw ExitCode(2) }
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
