/// The key of an annotation layer, used to declare what a stage requires and assigns.
///
/// Stages declare keys so that a pipeline can be checked before it runs: a stage that requires
/// ``AnnotationKey/sentences`` placed before the stage that assigns it is rejected with a message
/// naming both stages. A key belongs to one layer type: it is made from the type
/// (``init(_:for:)``), and two keys are equal only when both their names and their layer types
/// are. So two layers that happen to choose the same name never share a document's storage, and
/// a ``Pipeline`` whose stages use both is rejected with an error naming the two types
/// (``PipelineError/Code/conflictingLayerKeys``) instead of mixing them up silently.
public struct AnnotationKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The layer's name, as shown in error messages.
    public let name: String
    /// The name of the layer type the key belongs to, or `nil` for ``text``, which no layer holds.
    public let layerType: String?
    /// The identity of the layer type.
    private let layer: ObjectIdentifier?

    /// Creates the key of a layer type.
    ///
    /// ```swift
    /// enum Sentiment: AnnotationLayer {
    ///     typealias Value = [Double]
    ///     static let key = AnnotationKey("sentiment", for: Sentiment.self)
    /// }
    /// ```
    /// - Parameters:
    ///   - name: The name error messages show; unique among the layers of a pipeline.
    ///   - layer: The layer type the key belongs to (the type that declares it).
    public init<Layer: AnnotationLayer>(_ name: String, for layer: Layer.Type) {
        self.name = name
        self.layerType = String(reflecting: layer)
        self.layer = ObjectIdentifier(layer)
    }

    /// Creates a key that belongs to no layer type (only ``text``).
    private init(unowned name: String) {
        self.name = name
        self.layerType = nil
        self.layer = nil
    }

    /// Whether the key belongs to the given layer type.
    public func belongs<Layer: AnnotationLayer>(to layer: Layer.Type) -> Bool { self.layer == ObjectIdentifier(layer) }

    public var description: String { name }

    public static func == (lhs: AnnotationKey, rhs: AnnotationKey) -> Bool {
        lhs.layer == rhs.layer && lhs.name == rhs.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(layer)
        hasher.combine(name)
    }

    public static func < (lhs: AnnotationKey, rhs: AnnotationKey) -> Bool {
        lhs.name != rhs.name ? lhs.name < rhs.name : (lhs.layerType ?? "") < (rhs.layerType ?? "")
    }

    /// The document text (assigned by readers).
    public static let text = AnnotationKey(unowned: "text")
    /// Structural blocks: paragraphs, headings (``Blocks``).
    public static let blocks = AnnotationKey("blocks", for: Blocks.self)
    /// Tokens (``Tokens``).
    public static let tokens = AnnotationKey("tokens", for: Tokens.self)
    /// Sentences (``Sentences``).
    public static let sentences = AnnotationKey("sentences", for: Sentences.self)
    /// Entity mentions (``Mentions``).
    public static let mentions = AnnotationKey("mentions", for: Mentions.self)
    /// Links from mentions to canonical entities (``Mention/entity`` filled in, ``Entities``).
    public static let links = AnnotationKey("links", for: Entities.self)
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
///     static let key = AnnotationKey("sentiment", for: Sentiment.self)
/// }
/// ```
///
/// Make the key with the layer's own type: two layer types with the same key name are then kept
/// apart in a document, and a pipeline that uses both is rejected when it is built.
public protocol AnnotationLayer {
    /// The type of the annotations the layer holds.
    associatedtype Value: Sendable
    /// The key under which stages declare the layer, made with ``AnnotationKey/init(_:for:)``
    /// from the layer's own type.
    static var key: AnnotationKey { get }
}
