/// What is known about a document besides its text.
public struct DocumentMetadata: Hashable, Sendable {
    /// Where the document came from: a path relative to the corpus root, or a URL.
    public var source: String?
    /// The format the reader read (`txt`, `xml`, `tei`).
    public var format: String?
    /// The document's title.
    public var title: String?
    /// The document's date, `YYYY-MM-DD`.
    public var date: String?
    /// The document's official identifier, such as "2024Z01911".
    public var identifier: String?
    /// The language of the text as a BCP 47 tag (`nl`, `en-GB`), when the source says it; `nil`
    /// when it does not, and the stages assume the language they are made for.
    public var language: String?
    /// Further properties, by name.
    public var properties: [String: String]

    /// Creates metadata.
    public init(
        source: String? = nil,
        format: String? = nil,
        title: String? = nil,
        date: String? = nil,
        identifier: String? = nil,
        language: String? = nil,
        properties: [String: String] = [:]
    ) {
        self.source = source
        self.format = format
        self.title = title
        self.date = date
        self.identifier = identifier
        self.language = language
        self.properties = properties
    }
}
