import FuzzSupport
import Pipeline
import Stages

// Reads the input as an XML file through ``DocumentReader``, as the CLI reads a `.xml` file
// (libxml2's streaming reader; TEI, official publications or any XML by the root element), and
// again as a text file whose first bytes decide (a file with an XML declaration is read as
// XML), with TEI notes and the Windows-1252 fallback on. A refusal (a ``StageError``) is a fine
// answer; a crash, a hang, a non-``StageError`` error, more than one document, or a layer
// (blocks, utterances, gold tokens, sentences and names) outside the text or off a scalar
// boundary is not.

@_cdecl("XMLReaderFuzzer_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzEntry.run(argc, argv, testOneInput)
}

/// The options the CLI reads with (the standard pipeline's, parliamentary page furniture too).
let standardOptions = TextGraphPipeline.Options().reading
let asXML = DocumentReader(options: standardOptions)
let sniffing: DocumentReader = {
    var options = standardOptions
    options.windows1252Fallback = true
    return DocumentReader(options: options, teiNotes: true)
}()
let standardError = StandardErrorCapture()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzEntry.bytes(data, size)
    for (reader, source) in [
        (asXML, SourceDocument(id: "fuzz/input.xml", content: .bytes(bytes), format: .xml)),
        (sniffing, SourceDocument(id: "fuzz/input.txt", content: .bytes(bytes), format: .text)),
    ] {
        let (result, written) = standardError.run { StageRun.outputs(of: reader, for: source) }
        Invariant.check(
            written.isEmpty, "reading \(source.id) wrote to standard error: \(String(decoding: written, as: UTF8.self))"
        )
        check(result)
    }
    return 0
}

func check(_ result: Result<[Document], any Error>) {
    switch result {
    case .success(let documents):
        Invariant.check(documents.count == 1, "the reader made \(documents.count) documents of one input")
        for document in documents { LayerChecks.checkDocument(document) }
    case .failure(let error):
        Invariant.check(
            error is StageError, "the reader failed with an error that is no StageError: \(type(of: error)): \(error)")
    }
}
