public import Pipeline
import TextGraphInput
import TextGraphSupport

/// Counts of a set comparison, and the precision, recall and F1 they give.
public struct PrecisionRecall: Hashable, Sendable, Codable {
    /// Predicted items that are in the gold set.
    public var truePositives: Int
    /// Predicted items that are not in the gold set.
    public var falsePositives: Int
    /// Gold items that were not predicted.
    public var falseNegatives: Int

    /// Creates counts.
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Compares a predicted set with a gold set.
    public init<T: Hashable>(predicted: Set<T>, gold: Set<T>) {
        let hits = predicted.intersection(gold).count
        self.init(truePositives: hits, falsePositives: predicted.count - hits, falseNegatives: gold.count - hits)
    }

    /// The share of predicted items that are right; 1 when nothing was predicted and nothing was expected.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        return predicted == 0 ? (falseNegatives == 0 ? 1 : 0) : Double(truePositives) / Double(predicted)
    }

    /// The share of gold items that were found; 1 when there were none.
    public var recall: Double {
        let gold = truePositives + falseNegatives
        return gold == 0 ? (falsePositives == 0 ? 1 : 0) : Double(truePositives) / Double(gold)
    }

    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let p = precision
        let r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    private enum CodingKeys: String, CodingKey {
        case truePositives, falsePositives, falseNegatives, precision, recall, f1
    }

    /// Decodes the counts; the derived measures in the input are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            truePositives: try container.decode(Int.self, forKey: .truePositives),
            falsePositives: try container.decode(Int.self, forKey: .falsePositives),
            falseNegatives: try container.decode(Int.self, forKey: .falseNegatives)
        )
    }

    /// Encodes the counts and, for readers of the JSON, precision, recall and F1.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
    }

    /// Adds the counts of two comparisons (micro-averaging).
    public static func + (lhs: PrecisionRecall, rhs: PrecisionRecall) -> PrecisionRecall {
        PrecisionRecall(
            truePositives: lhs.truePositives + rhs.truePositives,
            falsePositives: lhs.falsePositives + rhs.falsePositives,
            falseNegatives: lhs.falseNegatives + rhs.falseNegatives
        )
    }
}

/// How well predicted sentences and tokens match gold ones.
///
/// **Sentence boundaries** are the end offsets of sentences. The ends of blocks (paragraphs,
/// headings the reader already separated) and the end of the text are left out of the score:
/// the reader gives them, so every system gets them for free, and counting them would hide
/// the differences that matter. A predicted sentence that ends inside a block where the gold
/// has no sentence end is a false positive; a gold end inside a block that was not predicted
/// is a false negative.
///
/// **Tokens** match when their spans are identical.
///
/// ```swift
/// //  "Ja. Nee. Goed\n\nKlaar."   gold: Ja. | Nee. | Goed ‖ Klaar.   predicted: Ja. Nee. | Goed ‖ Klaar.
/// let score = SegmentationScore(predictedSentences: [s(0, 8), s(9, 13), s(15, 21)],
///                               goldSentences: [s(0, 3), s(4, 8), s(9, 13), s(15, 21)],
///                               blocks: [s(0, 13), s(15, 21)])
/// score.boundaries  // 1 true positive (8), 1 false negative (3); 13 and 21 are block ends
/// ```
public struct SegmentationScore: Hashable, Sendable, Codable {
    /// The number of documents scored.
    public var documents: Int
    /// The number of gold sentences.
    public var goldSentences: Int
    /// The number of predicted sentences.
    public var predictedSentences: Int
    /// Sentence boundaries inside blocks.
    public var boundaries: PrecisionRecall
    /// Tokens, by exact span; `nil` when the tokens were not compared.
    public var tokens: PrecisionRecall?

    /// Creates a score from its parts.
    public init(
        documents: Int = 0, goldSentences: Int = 0, predictedSentences: Int = 0,
        boundaries: PrecisionRecall = PrecisionRecall(), tokens: PrecisionRecall? = nil
    ) {
        self.documents = documents
        self.goldSentences = goldSentences
        self.predictedSentences = predictedSentences
        self.boundaries = boundaries
        self.tokens = tokens
    }

    /// Scores one document's predicted sentences (and tokens) against the gold ones.
    ///
    /// - Parameters:
    ///   - predictedSentences: The sentences a system found.
    ///   - goldSentences: The reference sentences.
    ///   - blocks: The blocks whose ends are not scored; every span's end is left out.
    ///   - predictedTokens: The tokens a system found, or `nil` not to score tokens.
    ///   - goldTokens: The reference tokens, or `nil`.
    public init(
        predictedSentences: [Span], goldSentences: [Span], blocks: [Span],
        predictedTokens: [Span]? = nil, goldTokens: [Span]? = nil
    ) {
        var unscored = Set(blocks.map(\.end))
        if let textEnd = goldSentences.map(\.end).max() { unscored.insert(textEnd) }
        self.init(
            documents: 1,
            goldSentences: goldSentences.count,
            predictedSentences: predictedSentences.count,
            boundaries: PrecisionRecall(
                predicted: Set(predictedSentences.map(\.end)).subtracting(unscored),
                gold: Set(goldSentences.map(\.end)).subtracting(unscored)
            ),
            tokens: predictedTokens.flatMap { predicted in
                goldTokens.map { PrecisionRecall(predicted: Set(predicted), gold: Set($0)) }
            }
        )
    }

    /// Scores a document that carries ``GoldSentences`` and ``Sentences`` (and, for tokens,
    /// ``GoldTokens`` and ``Tokens``); its ``Blocks`` say which ends are not scored.
    ///
    /// - Throws: ``StageError`` with ``StageError/Code/invalidData`` when a layer is missing.
    public init(document: Document) throws {
        guard let gold = document[GoldSentences.self] else {
            throw StageError(.invalidData, "\(document.id) has no gold sentences to score against")
        }
        guard let predicted = document[Sentences.self] else {
            throw StageError(.invalidData, "\(document.id) has no predicted sentences to score")
        }
        self.init(
            predictedSentences: predicted.map(\.span),
            goldSentences: gold.map(\.span),
            blocks: (document[Blocks.self] ?? []).map(\.span),
            predictedTokens: document[Tokens.self]?.map(\.span),
            goldTokens: document[GoldTokens.self]?.map(\.span)
        )
    }

    /// Adds two scores (micro-averaging: the counts add up). Tokens stay `nil` only when
    /// neither side compared them.
    public static func + (lhs: SegmentationScore, rhs: SegmentationScore) -> SegmentationScore {
        let tokens: PrecisionRecall? =
            lhs.tokens == nil && rhs.tokens == nil
            ? nil : (lhs.tokens ?? PrecisionRecall()) + (rhs.tokens ?? PrecisionRecall())
        return SegmentationScore(
            documents: lhs.documents + rhs.documents,
            goldSentences: lhs.goldSentences + rhs.goldSentences,
            predictedSentences: lhs.predictedSentences + rhs.predictedSentences,
            boundaries: lhs.boundaries + rhs.boundaries,
            tokens: tokens
        )
    }
}
