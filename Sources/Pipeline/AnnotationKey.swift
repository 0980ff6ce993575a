/// The name of an annotation layer, used to declare what a stage requires and assigns.
///
/// Stages declare keys so that a pipeline can be checked before it runs: a stage that requires
/// ``AnnotationKey/sentences`` placed before the stage that assigns it is rejected with a message
/// naming both stages. The built-in layers have static keys; a custom layer gets its own key
/// from ``AnnotationLayer/key``.
public struct AnnotationKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The layer's name, as shown in error messages.
    public let name: String

    /// Creates a key with the given name.
    public init(_ name: String) { self.name = name }

    public var description: String { name }

    public static func < (lhs: AnnotationKey, rhs: AnnotationKey) -> Bool { lhs.name < rhs.name }

    /// The document text (assigned by readers).
    public static let text = AnnotationKey("text")
    /// Structural blocks: paragraphs, headings (``Blocks``).
    public static let blocks = AnnotationKey("blocks")
    /// Tokens (``Tokens``).
    public static let tokens = AnnotationKey("tokens")
    /// Sentences (``Sentences``).
    public static let sentences = AnnotationKey("sentences")
    /// Entity mentions (``Mentions``).
    public static let mentions = AnnotationKey("mentions")
    /// Links from mentions to canonical entities (``Mention/entity`` filled in, ``Entities``).
    public static let links = AnnotationKey("links")
}

/// A typed layer of annotations on a ``Document``.
///
/// A layer is a type used as a key: `doc[Sentences.self]` reads the sentences, and
/// `doc[Sentences.self] = [...]` writes them. Define your own layer to carry the results of a
/// custom stage:
///
/// ```swift
/// enum Sentiment: AnnotationLayer {
///     typealias Value = [Double]
///     static let key = AnnotationKey("sentiment")
/// }
/// ```
public protocol AnnotationLayer {
    /// The type of the annotations the layer holds.
    associatedtype Value: Sendable
    /// The key under which stages declare the layer.
    static var key: AnnotationKey { get }
}
