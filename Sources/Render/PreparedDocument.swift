public import Pipeline
import Stages

/// A document made ready for a site: its page and the rows its entities' pages will show.
///
/// Preparing is the costly part of rendering (escaping, laying markup over the text), and
/// depends on the document alone, so the pipeline does it in parallel (``PagePreparer``); the
/// ``SiteRenderer`` then only writes bytes and counts, one document at a time, in input order.
public struct PreparedDocument: Sendable {
    /// What the pages show of the document.
    public var view: DocumentView
    /// The document's page, if pages are written.
    public var page: String?
    /// For each linked mention, in order, its line in context (a table row of the entity page).
    public var contexts: [String]
    /// For each question that mentions entities, its line and the entities.
    public var questions: [(line: String, entities: [IRI])]

    /// Prepares a document.
    /// - Parameters:
    ///   - document: The document.
    ///   - options: The site's options.
    ///   - pages: Whether the page and the lines are made (not for pictures alone).
    public init(_ document: Document, options: SiteRenderer.Options, pages: Bool = true) {
        view = DocumentView(document)
        guard pages else {
            page = nil
            contexts = []
            questions = []
            return
        }
        page = DocumentPage(view: view, siteTitle: options.title).html()
        let view = view
        contexts = view.mentions.filter { $0.mention.entity != nil }.map {
            Self.contextRow($0, in: view, width: options.contextWidth)
        }
        questions = Self.questionLines(view)
    }

    /// A mention in context, as a row of an entity page's table: the document, the text before,
    /// the mention, the text after (at most `width` characters each, on one line).
    static func contextRow(_ shown: DocumentView.ShownMention, in view: DocumentView, width: Int) -> String {
        let span = shown.mention.span
        let text = view.text
        var start = span.start
        var count = 0
        while start > 0, count < width {
            start -= 1
            if text[start] & 0xC0 != 0x80 { count += 1 }
        }
        var end = span.end
        count = 0
        while end < text.count, count < width || text[end] & 0xC0 == 0x80 {
            if text[end] & 0xC0 != 0x80 { count += 1 }
            end += 1
        }
        let href = "../" + view.path + "#m-\(span.start)-\(span.end)"
        var row: [UInt8] = []
        row +=
            "<tr><td><a href=\"\(HTMLText.attribute(href))\">\(HTMLText.escape(view.title))</a></td><td class=\"left\">"
            .utf8
        HTMLText.escape(
            utf8: text[start..<span.start].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, into: &row, marksBidi: true)
        row += "</td><td class=\"kw\"><mark>".utf8
        HTMLText.escape(utf8: text[span.start..<span.end], into: &row, marksBidi: true)
        row += "</mark></td><td>".utf8
        HTMLText.escape(
            utf8: text[span.end..<end].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, into: &row, marksBidi: true)
        row += "</td></tr>\n".utf8
        return String(decoding: row, as: UTF8.self)
    }

    /// For each question that mentions entities: a line that links to it, and the entities.
    static func questionLines(_ view: DocumentView) -> [(line: String, entities: [IRI])] {
        guard let set = view.questions else { return [] }
        var lines: [(line: String, entities: [IRI])] = []
        for question in set.questions {
            let inside = Set(
                view.mentions.filter { question.span.contains($0.mention.span) }.compactMap(\.mention.entity))
            guard !inside.isEmpty else { continue }
            var text = view.text(of: question.span).split(whereSeparator: \.isNewline).joined(separator: " ")
            if text.count > 200 { text = String(text.prefix(200)) + "…" }
            let href = "../" + view.path + "#q-\(question.number)"
            let line =
                "<li><a href=\"\(HTMLText.attribute(href))\">\(HTMLText.escape(view.title)), question \(question.number)</a>: <q>\(HTMLText.escape(text))</q></li>\n"
            lines.append((line, inside.sorted()))
        }
        return lines
    }
}

/// The stage that prepares documents for a site, in parallel: `Document` in,
/// ``PreparedDocument`` out.
public struct PagePreparer: Stage {
    public typealias Input = Document
    public typealias Output = PreparedDocument

    /// The site's options.
    public var options: SiteRenderer.Options
    /// Whether pages are made (not for pictures alone).
    public var pages: Bool

    /// Creates the stage.
    public init(options: SiteRenderer.Options, pages: Bool) {
        self.options = options
        self.pages = pages
    }

    public func process(_ input: Document, context: StageContext, emit: (PreparedDocument) async throws -> Void)
        async throws
    {
        try await emit(PreparedDocument(input, options: options, pages: pages))
    }
}
