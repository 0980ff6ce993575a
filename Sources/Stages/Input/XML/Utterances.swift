public import Pipeline

/// A stretch of a debate spoken by one speaker (a TEI `<u>`, a Handelingen `<spreekbeurt>`).
public struct Utterance: Hashable, Sendable {
    /// The utterance's text range.
    public var span: Span
    /// The speaker's identifier in the source (`#KhadijaArib`), when it has one.
    public var speakerID: String?
    /// The speaker's name as the source or its person list gives it ("Khadija Arib", "De voorzitter").
    public var speakerName: String?
    /// The speaker's role in the debate, as the source says it (`chair`, `regular`).
    public var role: String?
    /// The speaker as an entity, once linked.
    public var speaker: IRI?

    /// Creates an utterance.
    public init(
        span: Span, speakerID: String? = nil, speakerName: String? = nil, role: String? = nil, speaker: IRI? = nil
    ) {
        self.span = span
        self.speakerID = speakerID
        self.speakerName = speakerName
        self.role = role
        self.speaker = speaker
    }
}

/// The layer of utterances, in text order; assigned by readers of debates.
public enum Utterances: AnnotationLayer {
    public typealias Value = [Utterance]
    public static let key = AnnotationKey("utterances", for: Utterances.self)
}
