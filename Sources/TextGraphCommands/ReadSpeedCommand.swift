public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph eval read-speed PATH...`: times reading documents, and nothing else.
///
/// A developer command for the benchmark (`scripts/benchmark.py`): the inputs (files and
/// directories, as `run` takes them) go through the ``DocumentReader`` alone, one after another
/// on the calling thread, so the figure is for one core: file reading, decoding, and for XML the
/// libxml2 streaming parse and the assembly of the text, blocks and metadata.
public struct ReadSpeedCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "read-speed",
        abstract: "Time reading documents (TXT or XML) into documents on one core (a benchmark aid).",
        shouldDisplay: false
    )

    @Argument(help: "Files and directories.")
    public var inputs: [String]

    @Option(name: .long, help: "Repeat the whole run this many times and report the fastest.")
    public var repetitions: Int = 1

    @Flag(name: .long, help: "Print the result as JSON.")
    public var json = false

    public init() {}

    public func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    }

    /// What one run measured.
    struct Result: Encodable {
        var documents: Int
        var failed: Int
        var bytes: Int
        var characters: Int
        var seconds: Double
        var megabytesPerSecond: Double
    }

    public func run() async throws {
        let reader = DocumentReader(options: TextGraphPipeline.Options().reading)
        var best: Result? = nil
        for _ in 0..<repetitions {
            let sources: CorpusSource
            do {
                sources = try CorpusSource(inputs: inputs)
            } catch let error as StageError {
                Console.error(error.message)
                throw ExitCode(1)
            }
            var result = Result(documents: 0, failed: 0, bytes: 0, characters: 0, seconds: 0, megabytesPerSecond: 0)
            let clock = ContinuousClock()
            let started = clock.now
            for source in sources {
                result.documents += 1
                result.bytes += source.size ?? 0
                do {
                    try await reader.process(source, context: StageContext(documentID: source.id)) { document in
                        result.characters += document.utf8Count
                    }
                } catch {
                    result.failed += 1
                }
            }
            let elapsed = clock.now - started
            result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            result.megabytesPerSecond = Double(result.bytes) / 1e6 / max(result.seconds, 1e-9)
            if best == nil || result.seconds < best!.seconds { best = result }
        }
        let result = best!
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(
                String(
                    format: "%d documents (%d failed), %d bytes read into %d bytes of text in %.3f s: %.1f MB/s",
                    result.documents, result.failed, result.bytes, result.characters, result.seconds,
                    result.megabytesPerSecond))
        }
    }
}
