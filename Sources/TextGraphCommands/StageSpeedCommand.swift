public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph eval stage-speed PATH...`: times each stage of the standard pipeline on its own.
///
/// A developer command for finding where the time goes: the inputs are read into memory first,
/// then every document goes through one stage after another, each stage timed over all
/// documents on the calling thread (one core), the last being the N-Quads encoding. Holds every
/// document in memory between stages: give it a few megabytes, not a corpus.
public struct StageSpeedCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stage-speed",
        abstract: "Time each stage of the standard pipeline on one core (a profiling aid).",
        shouldDisplay: false
    )

    @Argument(help: "Files and directories.")
    public var inputs: [String]

    @Option(name: .long, help: "Run each stage this many times and report the fastest.")
    public var repetitions: Int = 1

    public init() {}

    public func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    }

    public func run() async throws {
        var sources: [SourceDocument] = []
        var bytes = 0
        for var source in try CorpusSource(inputs: inputs) {
            if case .file(let path) = source.content, let data = FileManager.default.contents(atPath: path) {
                source.content = .bytes([UInt8](data))
            }
            bytes += source.size ?? 0
            sources.append(source)
        }
        let gazetteer = try Gazetteer.bundled()
        let clock = ContinuousClock()
        func report(_ name: String, _ elapsed: Duration) {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                String(
                    format: "%@ %8.3f s %9.1f MB/s",
                    name.padding(toLength: 30, withPad: " ", startingAt: 0) as NSString, seconds,
                    Double(bytes) / 1e6 / seconds))
        }
        var total = Duration.zero
        func time<S: Stage>(_ stage: S, _ inputs: [S.Input]) async throws -> [S.Output] {
            var outputs: [S.Output] = []
            var elapsed = Duration.seconds(Int.max)
            for _ in 0..<repetitions {
                outputs = []
                outputs.reserveCapacity(inputs.count)
                let started = clock.now
                for input in inputs {
                    try await stage.process(input, context: StageContext(documentID: "")) { outputs.append($0) }
                }
                elapsed = min(elapsed, clock.now - started)
            }
            total += elapsed
            report(stage.name, elapsed)
            return outputs
        }
        var documents = try await time(DocumentReader(options: TextGraphPipeline.Options().reading), sources)
        documents = try await time(Tokenizer(), documents)
        documents = try await time(SentenceSplitter(), documents)
        documents = try await time(DocumentNumberTagger(), documents)
        documents = try await time(DateTagger(), documents)
        documents = try await time(GazetteerTagger(matcher: GazetteerMatcher(gazetteer: gazetteer)), documents)
        documents = try await time(EntityLinker(gazetteer: gazetteer), documents)
        documents = try await time(ArticleReferenceTagger(), documents)
        if let model = try NamedEntityModel.bundledIfPresent() {
            let tokens = documents.reduce(0) { $0 + ($1[Tokens.self]?.count ?? 0) }
            let before = total
            documents = try await time(EntityRecognizer(model: model, gazetteer: gazetteer), documents)
            let seconds =
                Double((total - before).components.attoseconds) / 1e18 + Double((total - before).components.seconds)
            print(String(format: "EntityRecognizer: %d tokens, %.0f tokens/s", tokens, Double(tokens) / seconds))
        }
        documents = try await time(ParliamentaryStructureTagger(), documents)
        documents = try await time(CoOccurrenceExtractor(), documents)
        let encoded = try await time(GraphEncoder(formats: [.nQuads]), documents)
        report("all stages", total)
        let output = encoded.reduce(0) { $0 + ($1.bodies[.nQuads]?.count ?? 0) }
        print("\(sources.count) documents, \(bytes) bytes in, \(output) bytes of N-Quads out")
    }
}
