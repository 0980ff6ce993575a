public import ArgumentParser
import Foundation
import Stages

/// `textgraph train ner --train FILE... --dev FILE --output MODEL`: trains the entity recognizer.
public struct TrainNERCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the entity recognizer on annotated text.",
        discussion: """
            Reads CoNLL columns (CoNLL-2002, Europeana BIO, GLOBALISE: the tag in the last column), \
            CoNLL-U with NER= in MISC, and ParlaMint .ana TEI. Prints the development F1 after each \
            epoch and keeps the best epoch's model.
            """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Annotated training files.")
    public var train: [String] = []

    @Option(name: .long, help: "An annotated development file, to choose the epoch and fit confidences.")
    public var dev: String?

    @Option(name: .long, help: "Where to write the model.")
    public var output: String

    @Option(name: .long, help: "Passes over the training data.")
    public var epochs: Int = 12

    @Option(name: .long, help: "Bits of the feature hash (the model has 2^bits feature rows).")
    public var hashBits: Int = 20

    @Option(name: .long, help: "The seed of the shuffling.")
    public var seed: UInt64 = 1

    @Option(
        name: .long,
        help: "Train this many times, with the seeds from --seed on, and average the weights into one model.")
    public var seeds: Int = 1

    @Option(name: .long, help: "Leave out feature rows whose largest weight is below this (a smaller file).")
    public var minimumWeight: Float = 0

    @Option(name: .long, help: "Text written into the model file: the data, their licences, the command.")
    public var provenance: String = ""

    @Option(
        name: .long, help: "Word clusters (word<TAB>cluster lines, from 'textgraph train clusters'), kept in the model."
    )
    public var clusters: String?

    @Flag(name: .long, help: "Do not use the bundled gazetteer's names as features.")
    public var noGazetteerFeatures = false

    public init() {}

    public func validate() throws {
        if train.isEmpty { throw ValidationError("give at least one --train file") }
        if !(10...24).contains(hashBits) { throw ValidationError("--hash-bits must be between 10 and 24") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if !(1...16).contains(seeds) { throw ValidationError("--seeds must be between 1 and 16") }
    }

    public func run() async throws {
        var corpus = NamedEntityCorpus()
        for path in train { corpus.documents += try NamedEntityCorpus.load(path: path).documents }
        let development = try dev.map(NamedEntityCorpus.load(path:))
        Console.plain(
            "training on \(corpus.tokenCount) tokens in \(corpus.sentenceCount) sentences"
                + (development.map { ", development \($0.tokenCount) tokens" } ?? ""))
        var trainer = NamedEntityTrainer()
        trainer.hashBits = hashBits
        trainer.epochs = epochs
        trainer.seed = seed
        trainer.seeds = seeds
        trainer.provenance = provenance
        if let clusters { trainer.clusters = try NamedEntityClusters.load(path: clusters).clusters }
        if !noGazetteerFeatures { trainer.lexicon = NamedEntityLexicon(gazetteer: try Gazetteer.bundled()) }
        let model = trainer.train(corpus, development: development) { Console.plain($0) }
        try model.write(to: output, minimumWeight: minimumWeight)
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        Console.plain("wrote \(output) (\(size) bytes)")
    }
}
