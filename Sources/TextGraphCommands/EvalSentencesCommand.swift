public import ArgumentParser
import Foundation
import Pipeline
import Stages
import TextGraphEvaluation

/// `textgraph eval sentences FILE...`: scores sentence splitting and tokenization against gold.
///
/// Reads gold documents (CoNLL-U, ParlaMint `.ana.xml` TEI),
/// splits and tokenizes their rebuilt text with TextGraph, or takes another system's output
/// with `--predicted`, and prints boundary and token precision, recall and F1.
public struct EvalSentencesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Score sentence splitting and tokenization against gold files.",
        discussion: """
            Gold files: .conllu (UD, ParlaMint) and .ana.xml (ParlaMint TEI, <s>, <w>, <pc>). The running text \
            is rebuilt from the gold tokens (SpaceAfter=No), paragraphs apart, and a sentence \
            without final punctuation on a line of its own. Boundaries are sentence ends inside \
            paragraphs (paragraph ends are not scored); tokens match by exact span.
            """
    )

    @Argument(help: "Gold files (.conllu).")
    public var files: [String]

    @Flag(name: .long, help: "Print the scores as JSON.")
    public var json = false

    @Option(
        name: .long,
        help: "Write each rebuilt gold text to this folder (NNNN.txt, with index.tsv naming the documents).")
    public var dumpText: String?

    @Option(
        name: .long,
        help: "Score another system's sentences and tokens from this JSON lines file instead of TextGraph's.")
    public var predicted: String?

    @Option(name: .long, help: "The system's name in the table.")
    public var system: String?

    @Option(name: .long, help: "Print up to this many boundary errors, with their context.")
    public var showErrors: Int = 0

    @Option(name: .long, help: "Print up to this many token errors: a gold token and the tokens found in its place.")
    public var showTokenErrors: Int = 0

    public init() {}

    public func validate() throws {
        if showErrors < 0 || showTokenErrors < 0 {
            throw ValidationError("--show-errors and --show-token-errors must not be negative")
        }
    }

    /// One file's documents and score.
    struct FileScore: Encodable {
        var file: String
        var score: SegmentationScore
    }

    /// What `--json` prints.
    struct Report: Encodable {
        var system: String
        var files: [FileScore]
        var total: SegmentationScore
    }

    public func run() async throws {
        let predictions: PredictedSegmentation?
        var fileScores: [FileScore] = []
        var errors: [String] = []
        var tokenErrors: [String] = []
        var dumped: [(file: String, id: String)] = []
        do {
            predictions = try predicted.map { try PredictedSegmentation(contentsOf: $0) }
            if let dumpText {
                try FileManager.default.createDirectory(atPath: dumpText, withIntermediateDirectories: true)
            }
            for file in files {
                var score = SegmentationScore()
                for gold in try GoldCorpus.documents(atPath: file) {
                    let document = try Self.segment(gold, predictions: predictions)
                    score = score + (try SegmentationScore(document: document))
                    if errors.count < showErrors {
                        errors += Self.boundaryErrors(document, limit: showErrors - errors.count)
                    }
                    if tokenErrors.count < showTokenErrors {
                        tokenErrors += Self.tokenErrors(document, limit: showTokenErrors - tokenErrors.count)
                    }
                    if let dumpText {
                        let name = String(format: "%04d.txt", dumped.count + 1)
                        try Data(document.text.utf8).write(
                            to: URL(fileURLWithPath: dumpText).appendingPathComponent(name))
                        dumped.append((name, document.id))
                    }
                }
                fileScores.append(FileScore(file: file, score: score))
            }
            if let dumpText {
                let index = dumped.map { "\($0.file)\t\($0.id)\n" }.joined()
                try Data(index.utf8).write(to: URL(fileURLWithPath: dumpText).appendingPathComponent("index.tsv"))
            }
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as CocoaError {
            Console.error(error.localizedDescription)
            throw ExitCode(1)
        }

        let systemName = system ?? (predicted == nil ? "textgraph" : "predicted")
        let total = fileScores.map(\.score).reduce(SegmentationScore(), +)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Report(system: systemName, files: fileScores, total: total))
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(
                Self.table(
                    system: systemName,
                    rows: fileScores.map { ($0.file, $0.score) } + (fileScores.count > 1 ? [("all", total)] : [])))
        }
        if !errors.isEmpty {
            print("\nboundary errors (FN: gold end missed, FP: end not in gold; ⟦|⟧ marks the offset):")
        }
        for error in errors { print(error) }
        if !tokenErrors.isEmpty { print("\ntoken errors (gold token → tokens found over it):") }
        for error in tokenErrors { print(error) }
    }

    /// The gold tokens that were not found exactly, each with the predicted tokens over it.
    static func tokenErrors(_ document: Document, limit: Int) -> [String] {
        guard let gold = document[GoldTokens.self], let predicted = document[Tokens.self] else { return [] }
        let found = Set(predicted.map(\.span))
        var errors: [String] = []
        var k = 0
        for token in gold where !found.contains(token.span) {
            while k < predicted.count && predicted[k].span.end <= token.span.start { k += 1 }
            var over: [String] = []
            var j = k
            while j < predicted.count && predicted[j].span.start < token.span.end {
                over.append(document.text(of: predicted[j].span))
                j += 1
            }
            errors.append(
                "\(document.id)@\(token.span.start): \(document.text(of: token.span)) → \(over.joined(separator: " | "))"
            )
            if errors.count >= limit { break }
        }
        return errors
    }

    /// A gold document with TextGraph's tokens and sentences, or those of `predictions`.
    static func segment(_ gold: Document, predictions: PredictedSegmentation?) throws -> Document {
        var document = gold
        if let predictions {
            let (sentences, tokens) = try predictions.spans(for: gold)
            document[Sentences.self] = sentences.map { Sentence(span: $0) }
            document[Tokens.self] = tokens.map { $0.map { Token(span: $0, kind: .word) } }
        } else {
            let tokens = Tokenizer().tokenize(gold.text)
            document[Tokens.self] = tokens
            document[Sentences.self] = SentenceSplitter().split(gold.text, tokens: tokens, blocks: gold[Blocks.self])
        }
        return document
    }

    /// The boundary errors of a scored document, each with some context.
    static func boundaryErrors(_ document: Document, limit: Int) -> [String] {
        let blockEnds = Set((document[Blocks.self] ?? []).map(\.span.end))
        let gold = Set((document[GoldSentences.self] ?? []).map(\.span.end)).subtracting(blockEnds)
        let predicted = Set((document[Sentences.self] ?? []).map(\.span.end)).subtracting(blockEnds)
        let bytes = Array(document.text.utf8)
        func context(_ offset: Int) -> String {
            var start = max(0, offset - 50)
            var end = min(bytes.count, offset + 40)
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let left = String(decoding: bytes[start..<offset], as: UTF8.self)
            let right = String(decoding: bytes[offset..<end], as: UTF8.self)
            return (left + "⟦|⟧" + right).replacingOccurrences(of: "\n", with: "⏎")
        }
        let misses = gold.subtracting(predicted).map { ($0, "FN") } + predicted.subtracting(gold).map { ($0, "FP") }
        return misses.sorted { $0.0 < $1.0 }.prefix(limit).map { "\($0.1) \(document.id)@\($0.0): \(context($0.0))" }
    }

    /// The score table: one row per file, and a total when there are several.
    static func table(system: String, rows: [(String, SegmentationScore)]) -> String {
        func f(_ value: Double) -> String { String(format: "%.4f", value) }
        var lines = [
            "system\tfile\tdocuments\tgold sentences\tpredicted sentences\tboundary P\tboundary R\tboundary F1\ttoken P\ttoken R\ttoken F1"
        ]
        for (file, score) in rows {
            let b = score.boundaries
            let t = score.tokens.map { [f($0.precision), f($0.recall), f($0.f1)] } ?? ["-", "-", "-"]
            lines.append(
                ([
                    system, file, "\(score.documents)", "\(score.goldSentences)", "\(score.predictedSentences)",
                    f(b.precision), f(b.recall), f(b.f1),
                ] + t).joined(separator: "\t"))
        }
        return Self.aligned(lines)
    }

    /// Aligns tab-separated lines into columns.
    static func aligned(_ lines: [String]) -> String {
        let rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
