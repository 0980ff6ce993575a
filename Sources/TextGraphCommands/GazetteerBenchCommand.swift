public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph gazetteer bench`: measures loading a gazetteer and tagging text with it, on one core.
public struct GazetteerBenchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure gazetteer loading and tagging throughput on one core (a developer tool).",
        discussion: """
            Loads the gazetteers (parse, then index), reads the text files into memory, cuts them \
            into documents of about --document-size bytes at line ends, and times, one after the \
            other and one document at a time: tokenization, the matcher alone, and the \
            GazetteerTagger stage (matching and making mentions) on tokenized documents. Best of \
            --rounds rounds. Use a release build: scripts/bench-gazetteer.sh does it all.
            """
    )

    @Option(name: .long, help: "A gazetteer file (TSV); repeatable.")
    public var gazetteer: [String] = []

    @Flag(name: .long, help: "Do not load the bundled gazetteer.")
    public var noDefaultGazetteer = false

    @Argument(help: "Text files to tag.")
    public var texts: [String]

    @Option(name: .long, help: "The size of the documents the text is cut into, in bytes.")
    public var documentSize: Int = 64 * 1024

    @Option(name: .long, help: "How many times to repeat the measurement (the best round counts).")
    public var rounds: Int = 3

    public init() {}

    public func validate() throws {
        if documentSize < 1 { throw ValidationError("--document-size must be at least 1") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
    }

    public func run() async throws {
        let clock = ContinuousClock()
        do {
            let loadStart = clock.now
            var data = noDefaultGazetteer ? Gazetteer() : try Gazetteer.bundled()
            for path in gazetteer { data = data.combining(try Gazetteer.load(path: path)) }
            let parsed = clock.now
            let matcher = GazetteerMatcher(gazetteer: data)
            let indexed = clock.now
            print("gazetteer: \(data.count) entries, \(matcher.aliasCount) distinct names")
            print(
                String(
                    format: "load: parse %.3f s + index %.3f s = %.3f s", seconds(parsed - loadStart),
                    seconds(indexed - parsed), seconds(indexed - loadStart)))

            let documents = try texts.flatMap { try Self.documents(path: $0, size: documentSize) }
            let bytes = documents.reduce(0) { $0 + $1.utf8.count }
            let megabytes = Double(bytes) / 1_000_000
            let tokenizer = Tokenizer()
            var bestTokenize = Double.infinity
            var bestTag = Double.infinity
            var bestStage = Double.infinity
            let tagger = GazetteerTagger(matcher: matcher)
            let context = StageContext(documentID: "bench", stageName: tagger.name)
            var tokenCount = 0
            var matchCount = 0
            for _ in 0..<rounds {
                var tokens: [[Token]] = []
                tokens.reserveCapacity(documents.count)
                let start = clock.now
                for document in documents { tokens.append(tokenizer.tokenize(document)) }
                let tokenized = clock.now
                var matches = 0
                for (document, documentTokens) in zip(documents, tokens) {
                    matches += matcher.matches(in: document, tokens: documentTokens).count
                }
                let tagged = clock.now
                var tokenizedDocuments: [Document] = []
                for (k, (text, documentTokens)) in zip(documents, tokens).enumerated() {
                    var document = Document(id: "bench-\(k)", text: text)
                    document[Tokens.self] = documentTokens
                    tokenizedDocuments.append(document)
                }
                var mentions = 0
                let stageStart = clock.now
                for document in tokenizedDocuments {
                    try await tagger.process(document, context: context) { mentions += $0[Mentions.self]?.count ?? 0 }
                }
                let stageEnd = clock.now
                // The stage keeps the matches but for those its context rules out ("Van Marum").
                precondition(mentions <= matches, "the stage made mentions the matcher did not find")
                bestTokenize = min(bestTokenize, seconds(tokenized - start))
                bestTag = min(bestTag, seconds(tagged - tokenized))
                bestStage = min(bestStage, seconds(stageEnd - stageStart))
                tokenCount = tokens.reduce(0) { $0 + $1.count }
                matchCount = matches
            }
            print(
                String(
                    format: "text: %.1f MB (%d bytes) in %d documents, %d tokens, %d matches", megabytes, bytes,
                    documents.count, tokenCount, matchCount))
            print(String(format: "tokenizing: %.3f s, %.1f MB/s", bestTokenize, megabytes / bestTokenize))
            print(
                String(
                    format: "matching (GazetteerMatcher), tokenization excluded: %.3f s, %.1f MB/s", bestTag,
                    megabytes / bestTag))
            print(
                String(
                    format: "tagging (GazetteerTagger stage), tokenization excluded: %.3f s, %.1f MB/s", bestStage,
                    megabytes / bestStage))
            print(
                String(
                    format: "tagging (GazetteerTagger stage), tokenization included: %.3f s, %.1f MB/s",
                    bestTokenize + bestStage, megabytes / (bestTokenize + bestStage)))
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A text file cut into pieces of about `size` bytes, each ending at a line end.
    static func documents(path: String, size: Int) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "cannot read \(path)")
        }
        let bytes = [UInt8](data)
        var documents: [String] = []
        var start = 0
        while start < bytes.count {
            var end = min(start + size, bytes.count)
            while end < bytes.count && bytes[end - 1] != 0x0A { end += 1 }
            documents.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
        }
        return documents
    }
}
