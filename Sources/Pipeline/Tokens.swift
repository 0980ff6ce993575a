/// The broad class of a token.
public enum TokenKind: UInt8, Hashable, Sendable {
    /// Letters, possibly with digits, hyphens and apostrophes inside ("Michon-Derkzen", "auto's").
    case word
    /// A number, possibly with separators ("5.4.4", "1.000.000", "3,5").
    case number
    /// A word with digits and letters mixed ("2024Z01911").
    case alphanumeric
    /// An abbreviation with its period ("o.a.", "art.", "A.M.").
    case abbreviation
    /// A web address, e-mail address or domain name ("volkskrant.nl").
    case url
    /// Punctuation ("." "," "«" "…").
    case punctuation
    /// Any other symbol ("%", "€", "*").
    case symbol
}

/// A token: a span of the text and its kind.
public struct Token: Hashable, Sendable {
    /// The token's text range.
    public var span: Span
    /// The token's class.
    public var kind: TokenKind

    /// Creates a token.
    public init(span: Span, kind: TokenKind) {
        self.span = span
        self.kind = kind
    }
}

/// The layer of tokens, in text order, not overlapping.
public enum Tokens: AnnotationLayer {
    public typealias Value = [Token]
    public static let key = AnnotationKey.tokens
}
