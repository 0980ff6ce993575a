import Foundation

/// Entity-level precision, recall and F1 per type, counted as conlleval counts them: a name is
/// right when its first token, last token and type are all right.
public struct NamedEntityScore: Sendable {
    /// Counts of one type (or of all).
    public struct Counts: Sendable, Equatable {
        /// Names in the gold annotation.
        public var gold = 0
        /// Names predicted.
        public var predicted = 0
        /// Predicted names that are in the gold annotation.
        public var correct = 0
        /// Precision, between 0 and 1.
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        /// Recall, between 0 and 1.
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        /// The harmonic mean of precision and recall.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Counts by type.
    public var types: [String: Counts] = [:]
    /// Counts over all types.
    public var total = Counts()
    /// Tokens seen, and tokens whose tag is right.
    public var tokens = 0, correctTokens = 0

    /// An empty score.
    public init() {}

    /// The names of a BIO tagging as conlleval reads them: (first, last, type); an I- that does
    /// not continue a name of its type begins one.
    static func chunks(_ tags: [String]) -> Set<[String]> {
        var chunks = Set<[String]>()
        var start = -1
        var type = ""
        func close(_ end: Int) {
            if start >= 0 { chunks.insert([String(start), String(end), type]) }
            start = -1
        }
        for (k, tag) in tags.enumerated() {
            let prefix = tag.prefix(2)
            let tagType = tag.count > 2 ? String(tag.dropFirst(2)) : ""
            if tag == "O" || (prefix != "B-" && prefix != "I-") {
                close(k)
            } else if prefix == "B-" || start < 0 || tagType != type {
                close(k)
                start = k
                type = tagType
            }
        }
        close(tags.count)
        return chunks
    }

    /// Adds one sentence.
    public mutating func add(gold: [String], predicted: [String]) {
        tokens += gold.count
        correctTokens += zip(gold, predicted).count { $0 == $1 }
        let goldChunks = Self.chunks(gold)
        let predictedChunks = Self.chunks(predicted)
        for chunk in goldChunks {
            types[chunk[2], default: Counts()].gold += 1
            total.gold += 1
        }
        for chunk in predictedChunks {
            types[chunk[2], default: Counts()].predicted += 1
            total.predicted += 1
            if goldChunks.contains(chunk) {
                types[chunk[2], default: Counts()].correct += 1
                total.correct += 1
            }
        }
    }

    /// The report conlleval prints.
    public var report: String {
        func percent(_ value: Double) -> String { String(format: "%6.2f%%", 100 * value) }
        var lines = [
            "processed \(tokens) tokens with \(total.gold) phrases; found: \(total.predicted) phrases; correct: \(total.correct).",
            "accuracy: \(percent(tokens == 0 ? 0 : Double(correctTokens) / Double(tokens))); precision: \(percent(total.precision)); "
                + "recall: \(percent(total.recall)); FB1: \(String(format: "%6.2f", 100 * total.f1))",
        ]
        for (type, counts) in types.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "\(String(repeating: " ", count: max(0, 17 - type.count)))\(type): precision: \(percent(counts.precision)); "
                    + "recall: \(percent(counts.recall)); FB1: \(String(format: "%6.2f", 100 * counts.f1))  \(counts.predicted)"
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension NamedEntityModel {
    /// The BIO tags the model gives each sentence of an annotated document.
    public func tagged(
        _ document: [NamedEntityCorpus.Sentence], lexicon: NamedEntityLexicon, consistent: Bool = true,
        capitalizedOnly: Bool = false
    ) -> [[String]] {
        let text = NamedEntityText(sentences: document)
        var tags = [String](repeating: "O", count: text.tokens.count)
        for name in names(in: text, lexicon: lexicon, consistent: consistent, capitalizedOnly: capitalizedOnly) {
            tags[name.start] = "B-" + name.type
            for k in (name.start + 1)..<name.end { tags[k] = "I-" + name.type }
        }
        return text.sentences.map { Array(tags[$0]) }
    }

    /// The score of the model on an annotated corpus.
    public func score(_ corpus: NamedEntityCorpus, lexicon: NamedEntityLexicon, consistent: Bool = true)
        -> NamedEntityScore
    {
        var score = NamedEntityScore()
        for document in corpus.documents {
            for (sentence, predicted) in zip(document, tagged(document, lexicon: lexicon, consistent: consistent)) {
                score.add(gold: sentence.tags, predicted: predicted)
            }
        }
        return score
    }
}
