import Foundation
import Pipeline
import Stages

/// The page of one document: its text with every mention highlighted by kind and linked to its
/// entity, its sentences set apart, its questions and answers, and the entities it mentions.
///
/// ```html
/// <span class="s" id="s-4">Hoeveel <a class="m m-organization" id="m-427-434" href="../entities/org-nuctech.html"
///   data-class="Corporation" data-origin="gazetteer" data-confidence="1.0"
///   title="Corporation · gazetteer · confidence 1.0">Nuctech</a> veiligheidsscanners …</span>
/// ```
public struct DocumentPage: Sendable {
    /// The document.
    public var view: DocumentView
    /// The site's name, for the navigation.
    public var siteTitle: String

    /// Creates the page of a document.
    public init(view: DocumentView, siteTitle: String) {
        self.view = view
        self.siteTitle = siteTitle
    }

    /// The whole page.
    public func html() -> String {
        var body = "<h1>\(HTMLText.escape(view.title))</h1>\n" + metadata()
        body += PageTemplate.legend()
        body += "<section aria-labelledby=\"text-heading\">\n<h2 id=\"text-heading\">Text</h2>\n"
        body +=
            "<div class=\"text\" lang=\"\(HTMLText.attribute(view.metadata.language ?? TextGraphPipeline.language))\">"
            + markedText() + "</div>\n</section>\n"
        body += questions()
        body += entityList()
        return PageTemplate.page(title: view.title, path: view.path, siteTitle: siteTitle, body: body)
    }

    /// The document's identifier, source and date.
    func metadata() -> String {
        var items = ["<dt>Identifier</dt><dd><code>\(HTMLText.escape(view.id))</code></dd>"]
        if let identifier = view.metadata.identifier {
            items.append("<dt>Number</dt><dd>\(HTMLText.escape(identifier))</dd>")
        }
        if let date = view.metadata.date { items.append("<dt>Date</dt><dd>\(HTMLText.escape(date))</dd>") }
        if let source = view.metadata.source {
            items.append("<dt>Source</dt><dd><code>\(HTMLText.escape(source))</code></dd>")
        }
        let counts = view.counts
        items.append(
            "<dt>Found</dt><dd>\(counts.mentions) mentions of \(counts.entities) entities, \(counts.questions) questions</dd>"
        )
        return "<dl class=\"meta\">" + items.joined() + "</dl>\n"
    }

    /// The text with sentences and mentions laid over it.
    func markedText() -> String {
        var markup = TextMarkup()
        for (index, sentence) in view.sentences.enumerated() {
            markup.ranges.append(
                .init(
                    start: sentence.start, end: sentence.end, level: 0, open: "<span class=\"s\" id=\"s-\(index)\">",
                    close: "</span>"))
        }
        var linked: [Span] = []  // outer mentions, which are links; a mention inside one is not
        for shown in view.mentions {
            let span = shown.mention.span
            let isInner = linked.contains { $0.overlaps(span) }
            let link = shown.mention.entity.map { SiteLayout.relative(from: view.path, to: SiteLayout.entityPath($0)) }
            let tag = !isInner && link != nil ? "a" : "span"
            if !isInner { linked.append(span) }
            let open = "<\(tag) " + attributes(of: shown, href: tag == "a" ? link : nil) + ">"
            markup.ranges.append(
                .init(start: span.start, end: span.end, level: isInner ? 2 : 1, open: open, close: "</\(tag)>"))
        }
        return markup.html(of: view.text)
    }

    /// The attributes of a mention's element.
    func attributes(of shown: DocumentView.ShownMention, href: String?) -> String {
        let mention = shown.mention
        let className = mention.entityClass.map(EntityCategory.localName) ?? "unknown"
        var title = [className, shown.origin.description]
        var attributes = "class=\"m m-\(shown.category.id)\" id=\"m-\(mention.span.start)-\(mention.span.end)\""
        if let href { attributes += " href=\"\(HTMLText.attribute(href))\"" }
        attributes += " data-class=\"\(HTMLText.attribute(className))\" data-origin=\"\(shown.origin.id)\""
        if let entity = mention.entity { attributes += " data-entity=\"\(HTMLText.attribute(entity.value))\"" }
        if let confidence = mention.confidence {
            let text = Literal.decimal(confidence).lexicalForm
            attributes += " data-confidence=\"\(text)\""
            title.append("confidence \(text)")
        }
        if let value = mention.value { title.append("value \(value.lexicalForm)") }
        return attributes + " title=\"\(HTMLText.attribute(title.joined(separator: " · ")))\""
    }

    /// A link to an entity's page, named as the document names it.
    func entityLink(_ entity: IRI, className: String = "") -> String {
        let href = SiteLayout.relative(from: view.path, to: SiteLayout.entityPath(entity))
        let classAttribute = className.isEmpty ? "" : " class=\"\(className)\""
        return "<a\(classAttribute) href=\"\(HTMLText.attribute(href))\">\(HTMLText.escape(view.name(of: entity)))</a>"
    }

    /// A short excerpt of a span's text, on one line.
    func excerpt(_ span: Span, limit: Int = 240) -> String {
        let text = view.text(of: span).split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The entities the document mentions, with how often, most mentioned first.
    func entityList() -> String {
        var counts: [IRI: (count: Int, category: EntityCategory, className: String)] = [:]
        for shown in view.mentions {
            guard let entity = shown.mention.entity else { continue }
            let className = shown.mention.entityClass.map(EntityCategory.localName) ?? ""
            counts[entity, default: (0, shown.category, className)].count += 1
        }
        guard !counts.isEmpty else { return "" }
        let sorted = counts.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }
        var html =
            "<section aria-labelledby=\"entities-heading\">\n<h2 id=\"entities-heading\">Entities in this document</h2>\n"
        html +=
            "<table class=\"entities\">\n<thead><tr><th scope=\"col\">Entity</th><th scope=\"col\">Class</th><th scope=\"col\">Mentions</th></tr></thead>\n<tbody>\n"
        for (entity, info) in sorted {
            html +=
                "<tr><td><span class=\"swatch m-\(info.category.id)\" aria-hidden=\"true\"></span>\(entityLink(entity))</td>"
            html += "<td>\(HTMLText.escape(info.className))</td><td>\(info.count)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
