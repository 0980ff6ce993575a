/// A document flowing through a pipeline: its text, metadata, and typed annotation layers.
///
/// A document is a value. Stages receive it, add or replace layers, and pass it on; nothing is
/// shared between documents. Layers hold standoff annotations: spans of UTF-8 offsets into
/// ``text``.
///
/// ```swift
/// var doc = Document(id: "kv-1", text: "Vraag 1\n\nKent u het bericht?")
/// doc[Sentences.self] = [Sentence(span: Span(start: 0, end: 7))]
/// doc.text(of: doc[Sentences.self]![0].span)  // "Vraag 1"
/// doc.has(Tokens.self)                         // false
/// ```
public struct Document: Sendable, DocumentIdentified {
    /// The document's identifier, unique in a run: its path relative to the corpus root, or the
    /// `id` given on standard input.
    public var id: String
    /// The document's IRI, derived from ``id``; its named graph and the base of its NIF IRIs.
    public var iri: IRI
    /// The document's text, as the reader decoded and normalized it (line ends are `\n`).
    public var text: String
    /// What is known about the document besides its text.
    public var metadata: DocumentMetadata
    /// The layers by key. Internal but usable from inlinable code, so that the layer subscript
    /// is specialized for each layer type where stages use it (no generic metadata lookups).
    @usableFromInline internal var layers: [AnnotationKey: any Sendable]

    /// The namespace of document IRIs when no other is given.
    public static let defaultBase = "https://w3id.org/textgraph/doc/"

    /// Creates a document. Without an `iri`, one is derived from `id` under ``defaultBase``.
    public init(id: String, text: String, iri: IRI? = nil, metadata: DocumentMetadata = DocumentMetadata()) {
        self.id = id
        self.text = text
        self.iri = iri ?? Document.iri(forID: id, base: Document.defaultBase)
        self.metadata = metadata
        self.layers = [:]
    }

    /// The IRI of the document with the given id under `base`: the id percent-encoded as an IRI path.
    public static func iri(forID id: String, base: String) -> IRI {
        IRI(base + IRI.percentEncodedPath(id))
    }

    public var documentID: String { id }

    public var byteCount: Int? { text.utf8.count }

    /// The annotations of a layer, or `nil` when no stage has assigned it.
    @inlinable
    public subscript<Layer: AnnotationLayer>(layer: Layer.Type) -> Layer.Value? {
        get { layers[Layer.key] as? Layer.Value }
        set {
            assert(
                Layer.key.belongs(to: Layer.self),
                "\(Layer.self).key is made for another layer type; use AnnotationKey(_:for: \(Layer.self).self)")
            layers[Layer.key] = newValue
        }
    }

    /// Whether a stage has assigned the layer.
    public func has<Layer: AnnotationLayer>(_ layer: Layer.Type) -> Bool { layers[Layer.key] is Layer.Value }

    /// The keys of the layers assigned so far, sorted.
    public var assignedKeys: [AnnotationKey] { layers.keys.sorted() }

    /// The text a span covers.
    public func text(of span: Span) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: span.start)
        let end = utf8.index(start, offsetBy: span.length)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The length of the text in UTF-8 code units.
    public var utf8Count: Int { text.utf8.count }

    /// Checks the model's invariants and describes each violation; an empty array means the
    /// document is well formed. Tests call it after every stage.
    ///
    /// The invariants: every span lies inside the text and on Unicode scalar boundaries; tokens
    /// and sentences are sorted and do not overlap; mentions are sorted; every linked mention's
    /// entity is described in ``Entities``.
    public func _checkInvariants() -> [String] {
        var problems: [String] = []
        let bytes = Array(text.utf8)
        func check(_ span: Span, _ what: String) {
            if span.end > bytes.count {
                problems.append("\(what) \(span) ends past the text (\(bytes.count) bytes)")
                return
            }
            for offset in [span.start, span.end] where offset < bytes.count && bytes[offset] & 0xC0 == 0x80 {
                problems.append("\(what) \(span) cuts a character at \(offset)")
            }
        }
        func checkOrdered(_ spans: [Span], _ what: String) {
            for (previous, next) in zip(spans, spans.dropFirst()) where next.start < previous.end {
                problems.append("\(what) \(previous) and \(next) overlap or are out of order")
            }
        }
        if let blocks = self[Blocks.self] {
            blocks.forEach { check($0.span, "block") }
            checkOrdered(blocks.map(\.span), "blocks")
        }
        if let tokens = self[Tokens.self] {
            tokens.forEach { check($0.span, "token") }
            checkOrdered(tokens.map(\.span), "tokens")
            for token in tokens where token.span.isEmpty { problems.append("empty token at \(token.span)") }
        }
        if let sentences = self[Sentences.self] {
            sentences.forEach { check($0.span, "sentence") }
            checkOrdered(sentences.map(\.span), "sentences")
        }
        if let mentions = self[Mentions.self] {
            mentions.forEach { check($0.span, "mention") }
            for (previous, next) in zip(mentions, mentions.dropFirst()) where next.span < previous.span {
                problems.append("mentions \(previous.span) and \(next.span) are out of order")
            }
            let described = Set((self[Entities.self] ?? []).map(\.iri))
            for mention in mentions {
                if let entity = mention.entity, !described.contains(entity) {
                    problems.append("mention \(mention.span) links to \(entity), which Entities does not describe")
                }
            }
        }
        return problems
    }
}

/// Something that belongs to one document, so that a failure can name it.
public protocol DocumentIdentified: Sendable {
    /// The identifier of the document, as error messages and run reports show it.
    var documentID: String { get }
    /// The document's size in bytes, when known before it is read (for progress reports).
    var byteCount: Int? { get }
}

extension DocumentIdentified {
    public var byteCount: Int? { nil }
}

extension IRI {
    /// Percent-encodes a path for use inside an IRI: unreserved characters and `/` stay, and so do
    /// letters outside ASCII (IRIs allow them); everything else becomes `%XX` of its UTF-8 bytes.
    public static func percentEncodedPath(_ path: String) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            let v = scalar.value
            let isUnreserved =
                (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || v == 0x2D || v == 0x2E || v == 0x5F || v == 0x7E || v == 0x2F
            if isUnreserved || (v >= 0xA0 && scalar.properties.isAlphabetic) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
        }
        return result
    }
}
