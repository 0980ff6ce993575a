/// Which XML elements make blocks, which are headings, and which are skipped, for ``XMLReader``.
///
/// Element names are local names (without namespace prefix). A block element starts and ends a
/// block (a paragraph of the document's text); a heading element does too, and its block is a
/// heading; a skipped element is left out with everything inside it. With `textElements` set,
/// only text inside one of those elements is kept (outside them, elements are walked but their
/// text is dropped).
///
/// ```swift
/// var rules = XMLReadingRules.generic
/// rules.skipElements.insert("note")      // leave footnotes out
/// let reader = XMLReader(rules: rules)
/// ```
public struct XMLReadingRules: Hashable, Sendable {
    /// Elements whose content is a block of its own.
    public var blockElements: Set<String>
    /// Elements whose content is a heading block.
    public var headingElements: Set<String>
    /// Elements left out with their content.
    public var skipElements: Set<String>
    /// When set, only text inside these elements is kept.
    public var textElements: Set<String>?
    /// Elements that are headings inside the given parents, even where they are skipped elsewhere:
    /// `["nr": ["vraag", "antwoord"]]` keeps the number of an official publication's question
    /// ("<vraag><nr>Vraag 1</nr>…") and leaves out the number of an agenda item.
    public var headingElementsInside: [String: Set<String>] = [:]

    /// Creates rules.
    public init(
        blockElements: Set<String>, headingElements: Set<String>, skipElements: Set<String>,
        textElements: Set<String>? = nil
    ) {
        self.blockElements = blockElements
        self.headingElements = headingElements
        self.skipElements = skipElements
        self.textElements = textElements
    }

    /// Rules that suit most document XML: TEI, DocBook, JATS, XHTML, and the Dutch
    /// official-publication schema (`al`, `kop`, `titel`).
    public static let generic = XMLReadingRules(
        blockElements: [
            "p", "para", "paragraph", "seg", "al", "li", "item", "listitem", "td", "th", "caption", "quote",
            "blockquote", "l", "lg", "u", "sp", "speech", "note", "footnote", "div", "section", "sec", "abstract",
            "spreekbeurt", "vraag", "antwoord", "tekst", "entry", "dd", "dt", "pre", "address",
        ],
        headingElements: [
            "head", "title", "h1", "h2", "h3", "h4", "h5", "h6", "kop", "titel", "item-titel", "spreker", "label",
        ],
        skipElements: [
            "teiHeader", "metadata", "meta", "script", "style", "linkGrp", "fw", "facsimile", "standOff", "head-meta",
            "front-matter", "colophon",
        ]
    )
}
