import FuzzSupport
import Pipeline
import Stages

// Matches the bundled gazetteer (loaded once) in the input, decoded as UTF-8 with invalid bytes
// replaced, tokenized and split as the standard pipeline does, and checks:
// - ``GazetteerMatcher/matches(in:tokens:)``: as documented, non-empty spans inside the text on
//   scalar boundaries, in text order, not overlapping, each with at least one entry, every entry
//   index inside the gazetteer;
// - the ``GazetteerTagger`` stage: one document out, its mentions non-empty, inside the text on
//   scalar boundaries, in order, not overlapping (the tagger drops a match that overlaps one
//   already kept), each with candidates that are gazetteer entities.

@_cdecl("GazetteerFuzzer_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzEntry.run(argc, argv, testOneInput)
}

let matcher: GazetteerMatcher = {
    do {
        return GazetteerMatcher(gazetteer: try Gazetteer.bundled())
    } catch {
        fatalError("cannot load the bundled gazetteer: \(error)")
    }
}()
let entityIRIs = Set(matcher.gazetteer.entries.map(\.iri))
let tagger = GazetteerTagger(matcher: matcher)
let tokenizer = Tokenizer()
let splitter = SentenceSplitter()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzEntry.bytes(data, size), as: UTF8.self)
    var document = Document(id: "fuzz", text: text)
    let tokens = tokenizer.tokenize(text)
    let blocks = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
    document[Tokens.self] = tokens
    document[Blocks.self] = blocks
    document[Sentences.self] = splitter.split(text, tokens: tokens, blocks: blocks)

    let matches = matcher.matches(in: text, tokens: tokens)
    LayerChecks.checkSpans(matches.map(\.span), in: text, what: "gazetteer match")
    for match in matches {
        Invariant.check(!match.entries.isEmpty, "match \(match.span) without entries")
        Invariant.check(
            match.entries.allSatisfy { matcher.gazetteer.entries.indices.contains($0) },
            "match \(match.span) with an entry outside the gazetteer")
    }

    switch StageRun.outputs(of: tagger, for: document) {
    case .success(let documents):
        Invariant.check(documents.count == 1, "the tagger made \(documents.count) documents")
        let mentions = documents[0][Mentions.self] ?? []
        LayerChecks.checkSpans(mentions.map(\.span), in: text, what: "gazetteer mention")
        for mention in mentions {
            Invariant.check(!mention.candidates.isEmpty, "mention \(mention.span) without candidates")
            Invariant.check(
                mention.candidates.allSatisfy(entityIRIs.contains),
                "mention \(mention.span) with a candidate that is no gazetteer entity")
        }
    case .failure(let error):
        Invariant.check(false, "the tagger failed on a tokenized document: \(error)")
    }
    return 0
}
