public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph eval segment-speed FILE...`: times tokenization and sentence splitting alone.
///
/// A developer command for the segmentation benchmark (`scripts/bench-segmentation.sh`): each
/// file is read whole and decoded first (not timed), then paragraphs are found, the text is
/// tokenized and split into sentences on the calling thread, one file after another, so the
/// figure is for one core.
public struct SegmentSpeedCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "segment-speed",
        abstract: "Time tokenization and sentence splitting on one core (a benchmark aid).",
        shouldDisplay: false
    )

    @Argument(help: "UTF-8 text files.")
    public var files: [String]

    @Option(name: .long, help: "Repeat the whole run this many times and report the fastest.")
    public var repetitions: Int = 1

    @Flag(name: .long, help: "Print the result as JSON.")
    public var json = false

    @Option(
        name: .long,
        help: "Also write every sentence to this file, one a line (line breaks shown as ⏎), to compare runs.")
    public var sentencesOut: String?

    public init() {}

    public func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    }

    /// What one run measured.
    struct Result: Encodable {
        var bytes: Int
        var tokens: Int
        var sentences: Int
        var seconds: Double
        var megabytesPerSecond: Double
    }

    public func run() async throws {
        var texts: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.error("cannot read \(file)")
                throw ExitCode(1)
            }
            texts.append(String(decoding: data, as: UTF8.self))
        }
        let tokenizer = Tokenizer()
        let splitter = SentenceSplitter()
        var best: Result? = nil
        for _ in 0..<repetitions {
            var tokenCount = 0
            var sentenceCount = 0
            var byteCount = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for text in texts {
                    let blocks = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
                    let tokens = tokenizer.tokenize(text)
                    let sentences = splitter.split(text, tokens: tokens, blocks: blocks)
                    tokenCount += tokens.count
                    sentenceCount += sentences.count
                    byteCount += text.utf8.count
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let result = Result(
                bytes: byteCount, tokens: tokenCount, sentences: sentenceCount, seconds: seconds,
                megabytesPerSecond: Double(byteCount) / 1e6 / seconds)
            if best == nil || result.seconds < best!.seconds { best = result }
        }
        let result = best!
        if let sentencesOut {
            var lines = ""
            for (file, text) in zip(files, texts) {
                let tokens = tokenizer.tokenize(text)
                let document = Document(id: file, text: text)
                for sentence in splitter.split(
                    text, tokens: tokens, blocks: Paragraphs.blocks(in: text, furniture: .parliamentaryPapers))
                {
                    lines +=
                        file + "\t" + document.text(of: sentence.span).replacingOccurrences(of: "\n", with: "⏎") + "\n"
                }
            }
            try Data(lines.utf8).write(to: URL(fileURLWithPath: sentencesOut))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(
                String(
                    format: "%d bytes, %d tokens, %d sentences in %.3f s: %.1f MB/s",
                    result.bytes, result.tokens, result.sentences, result.seconds, result.megabytesPerSecond))
        }
    }
}
