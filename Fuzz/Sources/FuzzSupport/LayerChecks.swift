public import Pipeline
import Stages

/// Invariants of a document's standoff layers, shared by the fuzz targets.
public enum LayerChecks {
    /// Checks that spans are non-empty (unless `allowEmpty`), inside the text, on scalar
    /// boundaries, and (when `ordered`) in order and (unless `allowOverlap`) without overlap.
    public static func checkSpans(
        _ spans: [Span],
        in text: String,
        what: String,
        allowEmpty: Bool = false,
        allowOverlap: Bool = false,
        ordered: Bool = true
    ) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            var previous: Span? = nil
            for span in spans {
                Invariant.checkSpan(span.start, span.end, in: utf8, what: what)
                Invariant.check(allowEmpty || !span.isEmpty, "empty \(what) at \(span)")
                if ordered, let previous {
                    Invariant.check(previous <= span, "\(what) \(span) comes after \(previous)")
                    Invariant.check(allowOverlap || previous.end <= span.start, "\(what) \(span) overlaps \(previous)")
                }
                previous = span
            }
        }
    }

    /// Checks a document with its own ``Document/_checkInvariants()``, then its layers, whichever
    /// it has: blocks, utterances and gold sentences and
    /// mentions inside the text on scalar boundaries; tokens, sentences and gold tokens also
    /// non-empty, in order and without overlap; mentions non-empty and in order; and each token
    /// in exactly one sentence when both are there.
    public static func checkDocument(_ document: Document) {
        let problems = document._checkInvariants()
        Invariant.check(problems.isEmpty, "Document._checkInvariants: \(problems.prefix(3))")
        let text = document.text
        if let blocks = document[Blocks.self] {
            checkSpans(blocks.map(\.span), in: text, what: "block", allowEmpty: true, ordered: false)
        }
        if let tokens = document[Tokens.self] {
            checkSpans(tokens.map(\.span), in: text, what: "token")
            if let sentences = document[Sentences.self] {
                checkSpans(sentences.map(\.span), in: text, what: "sentence")
                checkTokensInSentences(tokens, sentences)
            }
        }
        if let mentions = document[Mentions.self] {
            checkSpans(mentions.map(\.span), in: text, what: "mention", allowOverlap: true)
        }
        if let utterances = document[Utterances.self] {
            checkSpans(utterances.map(\.span), in: text, what: "utterance", allowEmpty: true, ordered: false)
        }
        if let tokens = document[GoldTokens.self] {
            checkSpans(tokens.map(\.span), in: text, what: "gold token")
        }
        if let sentences = document[GoldSentences.self] {
            checkSpans(sentences.map(\.span), in: text, what: "gold sentence", allowEmpty: true, ordered: false)
        }
        if let mentions = document[GoldMentions.self] {
            checkSpans(mentions.map(\.span), in: text, what: "gold mention", allowEmpty: true, ordered: false)
        }
    }

    /// Checks that every token lies inside exactly one sentence, and that sentences start and
    /// end at tokens (sentences and tokens in order).
    public static func checkTokensInSentences(_ tokens: [Token], _ sentences: [Sentence]) {
        var s = 0
        for token in tokens {
            while s < sentences.count && sentences[s].span.end <= token.span.start { s += 1 }
            Invariant.check(
                s < sentences.count && sentences[s].span.contains(token.span), "token \(token.span) is in no sentence")
        }
        let starts = Set(tokens.map(\.span.start))
        let ends = Set(tokens.map(\.span.end))
        for sentence in sentences {
            Invariant.check(
                starts.contains(sentence.span.start) && ends.contains(sentence.span.end),
                "sentence \(sentence.span) does not start and end at tokens")
        }
    }
}
