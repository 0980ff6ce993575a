import FuzzSupport
import Pipeline
import Stages

// Tokenizes and splits the input into sentences, as the standard pipeline does after a reader,
// and checks the layers' invariants (``LayerChecks``): tokens, sentences and paragraphs are
// inside the text, on scalar boundaries, in order; tokens and sentences are non-empty and do not
// overlap; every token is in exactly one sentence, and sentences start and end at tokens. The
// input is decoded as UTF-8 with invalid bytes replaced (U+FFFD), and also as Latin-1 (every
// byte one scalar: two-byte characters and C1 controls wherever a byte is 0x80 or above, where
// the UTF-8 decoding would have replacement characters).

@_cdecl("TokenizerFuzzer_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzEntry.run(argc, argv, testOneInput)
}

let tokenizer = Tokenizer()
let splitter = SentenceSplitter()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzEntry.bytes(data, size)
    check(String(decoding: bytes, as: UTF8.self))
    var latin1 = String.UnicodeScalarView()
    latin1.append(contentsOf: bytes.map { Unicode.Scalar($0) })
    check(String(latin1))
    return 0
}

/// Tokenizes `text`, splits it with the reader's paragraphs as blocks, and checks the layers.
func check(_ text: String) {
    let tokens = tokenizer.tokenize(text)
    let blocks = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
    var document = Document(id: "fuzz", text: text)
    document[Blocks.self] = blocks
    document[Tokens.self] = tokens
    document[Sentences.self] = splitter.split(text, tokens: tokens, blocks: blocks)
    LayerChecks.checkDocument(document)
}
