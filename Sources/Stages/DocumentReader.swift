public import Pipeline

/// Reads a source document with the reader for its format.
///
/// Plain text goes to ``TextReader``. XML is not read yet (the libxml2 reader is the next step,
/// see the project's issues); such documents fail with a clear error and the run goes on.
public struct DocumentReader: Stage {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// The reader for plain text.
    public var text: TextReader

    /// Creates a reader.
    public init(text: TextReader = TextReader()) {
        self.text = text
    }

    public var assigns: Set<AnnotationKey> { text.assigns }

    public func process(_ input: SourceDocument, context: StageContext, emit: (Document) async throws -> Void) async throws {
        switch input.format {
        case .text:
            try await text.process(input, context: context.entering(text.name), emit: emit)
        default:
            throw StageError(.malformedInput, "no reader for the \(input.format) format yet; only plain text is read")
        }
    }
}
