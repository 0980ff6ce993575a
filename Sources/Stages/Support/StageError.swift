public import Pipeline

/// The error of the built-in stages, every role module of them: a stage could not handle its input.
///
/// Every message names what is wrong in words a user can act on; the runner adds the document
/// and the stage, so a failure reads like
/// `corpus/bad.txt: TextReader: invalid UTF-8 at byte 1042 (0xFF)`.
public struct StageError: Error, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case unreadable, emptyDocument, binaryContent, invalidEncoding, tooLarge, malformedInput, invalidData
            case output
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input could not be read (missing, a directory, no permission).
        public static let unreadable = Code(.unreadable)
        /// The document holds no text.
        public static let emptyDocument = Code(.emptyDocument)
        /// The document is binary, not text.
        public static let binaryContent = Code(.binaryContent)
        /// The bytes are not valid in the document's encoding.
        public static let invalidEncoding = Code(.invalidEncoding)
        /// The document is larger than the configured maximum.
        public static let tooLarge = Code(.tooLarge)
        /// The document's structure is broken (malformed XML, say).
        public static let malformedInput = Code(.malformedInput)
        /// A data file a stage loads (a gazetteer, an abbreviation list) is not valid.
        public static let invalidData = Code(.invalidData)
        /// Output could not be written.
        public static let output = Code(.output)

        public var description: String { String(describing: base) }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, for a person.
    public var message: String
    /// The underlying error.
    public var cause: (any Error)?
    /// Where in TextGraph's source the error was raised.
    public var location: SourceLocation

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.cause = cause
        self.location = SourceLocation(file: file, line: line)
    }

    public var description: String { message }
}

extension StageError {
    /// The outcome of loading a resource bundled with TextGraph, kept in a `static let` so that
    /// it is loaded once per process: the value, or a ``StageError`` (another error becomes one
    /// naming `resource`).
    package static func loadingOnce<Value>(_ resource: String, _ load: () throws -> Value) -> Result<Value, StageError>
    {
        Result { () throws(StageError) -> Value in
            do {
                return try load()
            } catch let error as StageError {
                throw error
            } catch {
                throw StageError(.invalidData, "\(resource): \(error)")
            }
        }
    }
}
