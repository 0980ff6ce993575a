import Pipeline

/// The page of one entity: its kind, labels and same-as links, a picture of its neighbours,
/// every mention in context across documents, the entities it co-occurs with, and the
/// questions it appears in.
struct EntityPage {
    /// The entity.
    var record: EntityCatalog.Record
    /// Every entity, for names and kinds.
    var catalog: EntityCatalog
    /// The entity's neighbours in the network, with weights.
    var neighbours: [IRI: Int]
    /// The site's name.
    var siteTitle: String

    /// The page's path below the site root.
    var path: String { SiteLayout.entityPath(record.iri) }

    /// The page in three parts, around the rows gathered across documents: the mentions in
    /// context go between the first and the second, the question lines between the second and
    /// the third.
    func parts() -> (beforeContexts: String, beforeQuestions: String, end: String) {
        var body =
            "<h1><span class=\"swatch m-\(record.category.id)\" aria-hidden=\"true\"></span>\(HTMLText.escape(record.name))</h1>\n"
        body += description()
        if !neighbours.isEmpty {
            body += "<section aria-labelledby=\"picture-heading\">\n<h2 id=\"picture-heading\">Neighbourhood</h2>\n"
            body += NetworkPicture(center: record.iri, weights: neighbours).svg(catalog: catalog) {
                SiteLayout.relative(from: path, to: SiteLayout.entityPath($0))
            }
            body += "</section>\n"
        }
        body += "<section aria-labelledby=\"mentions-heading\">\n<h2 id=\"mentions-heading\">Mentions in context</h2>\n"
        body +=
            "<p>\(record.mentionCount) mention\(record.mentionCount == 1 ? "" : "s") in \(record.documentCount) document\(record.documentCount == 1 ? "" : "s").</p>\n"
        var middle = ""
        if !record.contexts.isEmpty {
            body +=
                "<table class=\"kwic\">\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\" class=\"left\">Before</th>"
            body += "<th scope=\"col\">Mention</th><th scope=\"col\">After</th></tr></thead>\n<tbody>\n"
            middle += "</tbody>\n</table>\n"
        }
        middle += "</section>\n" + coOccurrences()
        var end = ""
        if !record.questions.isEmpty {
            middle +=
                "<section aria-labelledby=\"questions-heading\">\n<h2 id=\"questions-heading\">Questions it appears in</h2>\n<ul class=\"entity-questions\">\n"
            end += "</ul>\n</section>\n"
        }
        return (
            PageTemplate.header(title: record.name, path: path, siteTitle: siteTitle) + body, middle,
            end + PageTemplate.footer
        )
    }

    /// Kind, IRI, labels, same-as links, identifiers.
    func description() -> String {
        var items = [
            "<dt>Kind</dt><dd>\(HTMLText.escape(record.mainClassName)) (\(HTMLText.escape(record.category.name)))</dd>"
        ]
        let classes = record.classes.map { "<code>\(HTMLText.escape(EntityCategory.localName($0)))</code>" }
        if classes.count > 1 { items.append("<dt>Classes</dt><dd>\(classes.joined(separator: ", "))</dd>") }
        items.append("<dt>IRI</dt><dd><code class=\"iri\">\(HTMLText.escape(record.iri.value))</code></dd>")
        let entity = record.description
        let labels = (entity?.labels ?? []).map { label in
            "<span class=\"label\">\(HTMLText.escape(label.lexicalForm))</span>"
                + (label.language.map { " <small>@\(HTMLText.escape($0))</small>" } ?? "")
        }
        if !labels.isEmpty { items.append("<dt>Labels</dt><dd>\(labels.joined(separator: "; "))</dd>") }
        let sameAs = (entity?.sameAs ?? []).map(externalLink)
        if !sameAs.isEmpty { items.append("<dt>Same as</dt><dd>\(sameAs.joined(separator: ", "))</dd>") }
        let identifiers = (entity?.identifiers ?? []).map { "<code>\(HTMLText.escape($0))</code>" }
        if !identifiers.isEmpty { items.append("<dt>Identifiers</dt><dd>\(identifiers.joined(separator: ", "))</dd>") }
        let pages = (entity?.pages ?? []).map(externalLink)
        if !pages.isEmpty { items.append("<dt>See also</dt><dd>\(pages.joined(separator: ", "))</dd>") }
        let memberOf = record.memberships.union(entity?.memberOf ?? []).sorted().map(entityLink)
        if !memberOf.isEmpty { items.append("<dt>Member of</dt><dd>\(memberOf.joined(separator: ", "))</dd>") }
        let sources = (entity?.sources ?? []).map { "<code>\(HTMLText.escape(EntityCategory.localName($0)))</code>" }
        if !sources.isEmpty { items.append("<dt>Described by</dt><dd>\(sources.joined(separator: ", "))</dd>") }
        return "<dl class=\"meta\">" + items.joined() + "</dl>\n"
    }

    /// A link to a page outside the site (http and https only; anything else is shown as text).
    func externalLink(_ iri: IRI) -> String {
        guard iri.value.hasPrefix("http://") || iri.value.hasPrefix("https://") else {
            return "<code>\(HTMLText.escape(iri.value))</code>"
        }
        return "<a class=\"external\" href=\"\(HTMLText.attribute(iri.value))\">\(HTMLText.escape(iri.value))</a>"
    }

    /// A link to another entity's page.
    func entityLink(_ iri: IRI) -> String {
        guard let other = catalog.records[iri] else { return "<code>\(HTMLText.escape(iri.value))</code>" }
        let href = SiteLayout.relative(from: path, to: SiteLayout.entityPath(iri))
        return "<a href=\"\(HTMLText.attribute(href))\">\(HTMLText.escape(other.name))</a>"
    }

    /// The entities it co-occurs with, most often first.
    func coOccurrences() -> String {
        guard !record.coOccurrences.isEmpty else { return "" }
        let sorted = record.coOccurrences.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var html =
            "<section aria-labelledby=\"cooccurrence-heading\">\n<h2 id=\"cooccurrence-heading\">Co-occurs with</h2>\n"
        html +=
            "<table class=\"cooccurrences\">\n<thead><tr><th scope=\"col\">Entity</th><th scope=\"col\">Kind</th><th scope=\"col\">Sentences</th></tr></thead>\n<tbody>\n"
        for (iri, count) in sorted {
            let kind = catalog.records[iri]?.mainClassName ?? ""
            let category = catalog.records[iri]?.category ?? .other
            html +=
                "<tr><td><span class=\"swatch m-\(category.id)\" aria-hidden=\"true\"></span>\(entityLink(iri))</td><td>\(HTMLText.escape(kind))</td><td>\(count)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
