public import Pipeline

/// A reader of documents from their bytes: the TXT, TEI, official-publication and generic XML
/// readers.
///
/// As a stage, a reader reads the source's bytes (a file, a string or bytes in memory, at most
/// its options' ``ReaderOptions/maximumBytes``) and hands them to ``read(_:of:context:)``.
/// ``DocumentReader`` reads the bytes once, tells the format from them, and hands them to the
/// reader it picks, with its own options: the input is never put back together for a second
/// reader.
///
/// ```swift
/// let bytes = Array("Vragen van het lid …".utf8)
/// let document = try TextReader().read(bytes, of: SourceDocument(id: "q1", content: .bytes(bytes)), context: context)
/// ```
public protocol BytesReader: Stage where Input == SourceDocument, Output == Document {
    /// What it is told, shared by all readers: the namespace of document IRIs, the size limit, …
    var options: ReaderOptions { get set }

    /// The document whose content is `bytes`, the content of `source` (whose `id` and `format`
    /// it keeps).
    /// - Throws: ``StageError`` naming what is wrong with the bytes.
    func read(_ bytes: [UInt8], of source: SourceDocument, context: StageContext) throws -> Document
}

extension BytesReader {
    /// Reads the source's bytes and then the document in them.
    public func process(_ input: SourceDocument, context: StageContext, emit: (Document) async throws -> Void)
        async throws
    {
        try await emit(
            try read(try SourceBytes.read(input, maximumBytes: options.maximumBytes), of: input, context: context))
    }

    /// The namespace under which document IRIs are made (``ReaderOptions/documentBase``).
    public var documentBase: String {
        get { options.documentBase }
        set { options.documentBase = newValue }
    }

    /// The largest source it reads, in bytes (``ReaderOptions/maximumBytes``); a larger one is an
    /// error naming the limit.
    public var maximumBytes: Int {
        get { options.maximumBytes }
        set { options.maximumBytes = newValue }
    }
}
