import Foundation
import Pipeline
import Stages
import Testing
import TextGraphEvaluation

@Suite struct SegmentationScoreTests {
    func s(_ start: Int, _ end: Int) -> Span { Span(start: start, end: end) }

    @Test func precisionRecallAndF1FromCounts() {
        let counts = PrecisionRecall(truePositives: 3, falsePositives: 1, falseNegatives: 2)
        #expect(counts.precision == 0.75)
        #expect(counts.recall == 0.6)
        #expect(abs(counts.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12)
        #expect(PrecisionRecall().f1 == 1)  // nothing expected, nothing predicted
        #expect(PrecisionRecall(truePositives: 0, falsePositives: 2, falseNegatives: 0).precision == 0)
        #expect(
            PrecisionRecall(predicted: Set([1, 2, 5]), gold: Set([1, 2, 3]))
                == PrecisionRecall(truePositives: 2, falsePositives: 1, falseNegatives: 1))
    }

    @Test func blockEndsAndTheTextEndAreNotScored() {
        // "Ja. Nee. Goed\n\nKlaar."  gold: Ja. | Nee. | Goed ‖ Klaar.   predicted: Ja. Nee. | Goed ‖ Klaar.
        let score = SegmentationScore(
            predictedSentences: [s(0, 8), s(9, 13), s(15, 21)],
            goldSentences: [s(0, 3), s(4, 8), s(9, 13), s(15, 21)],
            blocks: [s(0, 13), s(15, 21)]
        )
        #expect(score.boundaries == PrecisionRecall(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(score.goldSentences == 4 && score.predictedSentences == 3 && score.documents == 1)
        #expect(score.tokens == nil)
    }

    @Test func aSplitWhereTheGoldHasNoneIsAFalsePositive() {
        let score = SegmentationScore(
            predictedSentences: [s(0, 4), s(5, 10), s(11, 15)], goldSentences: [s(0, 10), s(11, 15)], blocks: [])
        #expect(score.boundaries == PrecisionRecall(truePositives: 1, falsePositives: 1, falseNegatives: 0))
    }

    @Test func tokensMatchByExactSpan() {
        let score = SegmentationScore(
            predictedSentences: [s(0, 9)], goldSentences: [s(0, 9)], blocks: [s(0, 9)],
            predictedTokens: [s(0, 3), s(4, 8), s(8, 9)], goldTokens: [s(0, 3), s(4, 9)]
        )
        #expect(score.tokens == PrecisionRecall(truePositives: 1, falsePositives: 2, falseNegatives: 1))
        #expect(score.boundaries == PrecisionRecall())
    }

    @Test func scoresAddUpByCounts() {
        let a = SegmentationScore(
            predictedSentences: [s(0, 2), s(3, 5)], goldSentences: [s(0, 2), s(3, 5)], blocks: [],
            predictedTokens: [s(0, 2)], goldTokens: [s(0, 2)])
        let b = SegmentationScore(predictedSentences: [s(0, 5)], goldSentences: [s(0, 2), s(3, 5)], blocks: [])
        let sum = a + b
        #expect(sum.documents == 2)
        #expect(sum.boundaries == PrecisionRecall(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(sum.tokens == PrecisionRecall(truePositives: 1))
    }

    @Test func scoringADocumentNeedsBothSentenceLayers() throws {
        var document = Document(id: "d", text: "Ja. Nee.")
        #expect(throws: StageError.self) { _ = try SegmentationScore(document: document) }
        document[GoldSentences.self] = [Sentence(span: s(0, 3)), Sentence(span: s(4, 8))]
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        document[Sentences.self] = SentenceSplitter().split(document.text, tokens: document[Tokens.self]!, blocks: nil)
        let score = try SegmentationScore(document: document)
        #expect(score.boundaries.f1 == 1)
        #expect(score.tokens == nil)  // no gold tokens
    }

    @Test func predictionsInCodePointsBecomeUTF8Spans() throws {
        let document = Document(id: "x/d", text: "België. Ja.")
        let predictions = try PredictedSegmentation(
            jsonLines: #"{"document": "x/d", "sentences": [[0, 7], [8, 11]], "tokens": [[0, 6]]}"#)
        let (sentences, tokens) = try predictions.spans(for: document)
        #expect(sentences == [s(0, 8), s(9, 12)])
        #expect(tokens == [s(0, 7)])
        #expect(throws: StageError.self) { _ = try predictions.spans(for: Document(id: "other", text: "")) }
        #expect(throws: StageError.self) { _ = try PredictedSegmentation(jsonLines: "{not json") }
        let outside = try PredictedSegmentation(jsonLines: #"{"document": "x/d", "sentences": [[0, 99]]}"#)
        #expect(throws: StageError.self) { _ = try outside.spans(for: document) }
    }

    /// Peers are scored through ``PredictedSegmentation`` (code point offsets, as the comparison
    /// script writes them): TextGraph's own output sent that way must score exactly the same.
    @Test func predictionsScoreLikeTheSystemsOwnLayers() throws {
        let text = "Curaçao ligt ver. «Ja», zei hij.\nVraag 2\n\nBelgië? Nee."
        func span(_ part: String) -> Span {
            let range = text.range(of: part)!
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            return Span(start: start, end: start + part.utf8.count)
        }
        var gold = Document(id: "f.conllu/d", text: text)
        gold[Blocks.self] = [
            Block(span: span("Curaçao ligt ver. «Ja», zei hij.\nVraag 2")), Block(span: span("België? Nee.")),
        ]
        gold[GoldSentences.self] = ["Curaçao ligt ver.", "«Ja», zei hij.", "Vraag 2", "België?", "Nee."].map {
            Sentence(span: span($0))
        }
        gold[GoldTokens.self] = Tokenizer().tokenize(gold.text)
        var own = gold
        own[Tokens.self] = Tokenizer().tokenize(gold.text)
        own[Sentences.self] = SentenceSplitter().split(gold.text, tokens: own[Tokens.self]!, blocks: gold[Blocks.self])
        let direct = try SegmentationScore(document: own)

        // Code point offsets, as Python's str gives them.
        let bytes = Array(gold.text.utf8)
        func codePoints(_ span: Span) -> [Int] {
            [span.start, span.end].map { offset in bytes[..<offset].filter { $0 & 0xC0 != 0x80 }.count }
        }
        let entry = PredictedSegmentation.Entry(
            document: gold.id, sentences: own[Sentences.self]!.map { codePoints($0.span) },
            tokens: own[Tokens.self]!.map { codePoints($0.span) })
        let line = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
        let (sentences, tokens) = try PredictedSegmentation(jsonLines: line).spans(for: gold)
        var predicted = gold
        predicted[Sentences.self] = sentences.map { Sentence(span: $0) }
        predicted[Tokens.self] = tokens?.map { Token(span: $0, kind: .word) }
        #expect(try SegmentationScore(document: predicted) == direct)
        #expect(direct.boundaries.f1 == 1 && direct.tokens?.f1 == 1)
    }

    /// The acceptance check of issue 4: TextGraph on UD Dutch LassySmall test as running text.
    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func lassySmallTestMeetsTheTargets() throws {
        let documents = try GoldCorpus.documents(
            atPath: try SharedData.path("ud-dutch-lassysmall/nl_lassysmall-ud-test.conllu"))
        var total = SegmentationScore()
        for gold in documents {
            var document = gold
            let tokens = Tokenizer().tokenize(document.text)
            document[Tokens.self] = tokens
            document[Sentences.self] = SentenceSplitter().split(
                document.text, tokens: tokens, blocks: document[Blocks.self])
            #expect(document._checkInvariants().isEmpty)
            total = total + (try SegmentationScore(document: document))
        }
        #expect(total.documents == 18)
        #expect(total.boundaries.f1 >= 0.97, "boundary F1 \(total.boundaries.f1)")
        #expect((total.tokens?.f1 ?? 0) >= 0.98, "token F1 \(total.tokens?.f1 ?? 0)")
    }
}
