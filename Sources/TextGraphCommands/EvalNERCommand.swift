public import ArgumentParser
import Foundation
import Stages

/// `textgraph eval ner --model MODEL FILE...`: scores the entity recognizer as conlleval does.
public struct EvalNERCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Score an entity recognizer model on annotated text, as conlleval does."
    )

    @Option(name: .long, help: "The model file.")
    public var model: String

    @Argument(help: "Annotated files (CoNLL columns, CoNLL-U with NER in MISC, ParlaMint .ana TEI).")
    public var files: [String]

    @Option(name: .long, help: "Write 'token gold predicted' lines here, a blank line between sentences.")
    public var predictions: String?

    @Flag(name: .long, help: "Do not make names consistent over each document.")
    public var noConsistency = false

    @Flag(
        name: .long,
        help: "Decode only the stretches around capitalized words, as the pipeline's EntityRecognizer does.")
    public var capitalizedOnly = false

    @Flag(name: .long, help: "Do not use the bundled gazetteer's names as features (as the model was trained).")
    public var noGazetteerFeatures = false

    public init() {}

    public func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let recognizer = try NamedEntityModel.load(path: model)
        let loaded = clock.now - started
        var lexicon =
            noGazetteerFeatures ? NamedEntityLexicon() : NamedEntityLexicon(gazetteer: try Gazetteer.bundled())
        lexicon.add(clusters: recognizer.clusters)
        var score = NamedEntityScore()
        var lines: [String] = []
        var tokens = 0
        let tagging = clock.now
        for file in files {
            let corpus = try NamedEntityCorpus.load(path: file)
            for document in corpus.documents {
                let predicted = recognizer.tagged(
                    document, lexicon: lexicon, consistent: !noConsistency, capitalizedOnly: capitalizedOnly)
                for (sentence, tags) in zip(document, predicted) {
                    score.add(gold: sentence.tags, predicted: tags)
                    tokens += tags.count
                    guard predictions != nil else { continue }
                    for k in sentence.tokens.indices {
                        lines.append("\(sentence.tokens[k]) \(sentence.tags[k]) \(tags[k])")
                    }
                    lines.append("")
                }
            }
        }
        let elapsed = clock.now - tagging
        if let predictions {
            guard
                FileManager.default.createFile(
                    atPath: predictions, contents: Data(lines.joined(separator: "\n").appending("\n").utf8))
            else {
                throw ValidationError("cannot write \(predictions)")
            }
        }
        print(score.report)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Console.plain(
            String(
                format: "model loaded in %.3f s; %d tokens tagged in %.2f s (%.0f tokens/s, with reading and features)",
                Double(loaded.components.attoseconds) / 1e18 + Double(loaded.components.seconds), tokens, seconds,
                Double(tokens) / seconds))
    }
}
