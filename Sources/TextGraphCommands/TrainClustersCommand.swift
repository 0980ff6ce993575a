public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph train clusters --output FILE TEXT...`: learns word clusters from unlabelled text.
public struct TrainClustersCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Learn word clusters from unlabelled text, for 'train ner --clusters'.",
        discussion: """
            Plain text files are tokenized and split into sentences as the pipeline does; files \
            with token columns (CoNLL, CoNLL-U, BIO) or ParlaMint .ana TEI give their tokens \
            (labels are ignored). Writes word<TAB>cluster lines.
            """
    )

    @Argument(help: "Text files, or token-column files (see --columns).")
    public var inputs: [String]

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Files of token columns or TEI whose tokens are read (labels ignored).")
    public var columns: [String] = []

    @Option(name: .long, help: "Where to write the clusters.")
    public var output: String

    @Option(name: .long, help: "The number of clusters.")
    public var classes: Int = 128

    @Option(name: .long, help: "Words seen less often are not clustered.")
    public var minimumCount: Int = 3

    @Option(name: .long, help: "Passes over the vocabulary at most.")
    public var iterations: Int = 8

    public init() {}

    public func run() async throws {
        var sentences: [[String]] = []
        for path in columns {
            for document in try NamedEntityCorpus.load(path: path).documents { sentences += document.map(\.tokens) }
        }
        for path in inputs {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let tokens = Tokenizer().tokenize(text)
            let split = SentenceSplitter().split(text, tokens: tokens, blocks: nil)
            let bytes = Array(text.utf8)
            var t = 0
            for sentence in split {
                var words: [String] = []
                while t < tokens.count, tokens[t].span.end <= sentence.span.end {
                    if tokens[t].span.start >= sentence.span.start {
                        words.append(String(decoding: bytes[tokens[t].span.start..<tokens[t].span.end], as: UTF8.self))
                    }
                    t += 1
                }
                if !words.isEmpty { sentences.append(words) }
            }
        }
        Console.plain(
            "clustering the words of \(sentences.count) sentences, \(sentences.reduce(0) { $0 + $1.count }) tokens")
        let clusters = NamedEntityClusters.learn(
            sentences, classes: classes, minimumCount: minimumCount, iterations: iterations
        ) { Console.plain($0) }
        guard FileManager.default.createFile(atPath: output, contents: Data(clusters.tsv.utf8)) else {
            throw ValidationError("cannot write \(output)")
        }
        Console.plain("wrote \(clusters.clusters.count) words in \(classes) clusters to \(output)")
    }
}
