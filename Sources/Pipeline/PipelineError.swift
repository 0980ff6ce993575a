/// The error of the Pipeline module: what went wrong, where, and why.
///
/// ```swift
/// do { _ = try Pipeline { SentenceSplitter(); Tokenizer() } }
/// catch let error as PipelineError where error.code == .misorderedPipeline {
///     print(error.message)  // "'SentenceSplitter' requires tokens, which 'Tokenizer' assigns, but ..."
/// }
/// ```
public struct PipelineError: Error, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case misorderedPipeline, missingRequirement, stageFailed, invalidInput, cancelled, overMemoryBudget
            case stageNotFound, conflictingLayerKeys
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A stage requires a layer that a later stage assigns.
        public static let misorderedPipeline = Code(.misorderedPipeline)
        /// A stage requires a layer that nothing assigns, or a document lacks it at run time.
        public static let missingRequirement = Code(.missingRequirement)
        /// A stage failed on a document; ``PipelineError/cause`` holds the stage's own error.
        public static let stageFailed = Code(.stageFailed)
        /// The input given to a stage or the runner is not usable.
        public static let invalidInput = Code(.invalidInput)
        /// The run was cancelled.
        public static let cancelled = Code(.cancelled)
        /// An item would need more memory than the runner's ``MemoryBudget`` allows.
        public static let overMemoryBudget = Code(.overMemoryBudget)
        /// A ``StageList`` was edited by a stage type it does not hold (or holds more than once).
        public static let stageNotFound = Code(.stageNotFound)
        /// Two different layer types use the same key name in one pipeline.
        public static let conflictingLayerKeys = Code(.conflictingLayerKeys)

        public var description: String { String(describing: base) }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for a person: what went wrong and, where it helps, what to do.
    public var message: String
    /// The stage that failed, when one did.
    public var stage: String?
    /// The document the failure concerns, when one does.
    public var documentID: String?
    /// The underlying error.
    public var cause: (any Error)?
    /// Where in TextGraph's source the error was raised.
    public var location: SourceLocation

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        stage: String? = nil,
        documentID: String? = nil,
        cause: (any Error)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.stage = stage
        self.documentID = documentID
        self.cause = cause
        self.location = SourceLocation(file: file, line: line)
    }

    public var description: String {
        var parts: [String] = []
        if let documentID { parts.append(documentID) }
        if let stage { parts.append(stage) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    /// Wraps an error thrown by `stage` so that the runner can say which stage failed; an error that
    /// already names its stage is returned as it is.
    public static func attributing(_ error: any Error, to stage: String) -> PipelineError {
        if let error = error as? PipelineError, error.stage != nil { return error }
        if error is CancellationError { return PipelineError(.cancelled, "cancelled", stage: stage, cause: error) }
        if var error = error as? PipelineError {
            error.stage = stage
            return error
        }
        return PipelineError(.stageFailed, String(describing: error), stage: stage, cause: error)
    }
}

/// A place in source code.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file, as `#fileID` gives it.
    public var file: String
    /// The line.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
