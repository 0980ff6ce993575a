import Synchronization

/// What a stage knows about the item it is processing, and where it reports warnings.
///
/// The runner makes one context per input item. Stages use it to report problems that do not
/// stop the document (a byte-order mark repaired, an unknown element skipped).
public struct StageContext: Sendable {
    /// The identifier of the item being processed.
    public var documentID: String
    /// The name of the stage being called; set by composition before each stage runs.
    public var stageName: String
    private let diagnostics: DiagnosticLog

    /// Creates a context for one item.
    public init(documentID: String, stageName: String = "", diagnostics: DiagnosticLog = DiagnosticLog()) {
        self.documentID = documentID
        self.stageName = stageName
        self.diagnostics = diagnostics
    }

    /// Reports a problem that does not stop the document.
    public func warn(_ message: String) {
        diagnostics.append(Diagnostic(documentID: documentID, stage: stageName, message: message))
    }

    /// The warnings reported through this context and the others that share its log.
    public var warnings: [Diagnostic] { diagnostics.entries }

    /// This context with ``stageName`` set to `name`.
    public func entering(_ name: String) -> StageContext {
        var copy = self
        copy.stageName = name
        return copy
    }
}

/// A warning about one document.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The document concerned.
    public var documentID: String
    /// The stage that reported it.
    public var stage: String
    /// What happened.
    public var message: String

    /// Creates a diagnostic.
    public init(documentID: String, stage: String, message: String) {
        self.documentID = documentID
        self.stage = stage
        self.message = message
    }

    public var description: String { "\(documentID): \(stage): \(message)" }
}

/// A thread-safe list of diagnostics, shared by the contexts of one item.
public final class DiagnosticLog: Sendable {
    private let storage = Mutex<[Diagnostic]>([])

    /// Creates an empty log.
    public init() {}

    /// Adds a diagnostic.
    public func append(_ diagnostic: Diagnostic) { storage.withLock { $0.append(diagnostic) } }

    /// The diagnostics so far, in the order they were added.
    public var entries: [Diagnostic] { storage.withLock { $0 } }
}
