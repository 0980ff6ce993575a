import Pipeline

/// The site's front page: the documents with their counts, the entities by kind with their
/// counts, and a search box over entity names.
struct IndexPage {
    /// One document's line.
    struct DocumentRow: Sendable {
        var title: String
        var id: String
        var path: String
        var questions: Int
        var mentions: Int
        var entities: Int
    }

    var siteTitle: String
    var documents: [DocumentRow]
    var catalog: EntityCatalog

    func html() -> String {
        var body = "<h1>\(HTMLText.escape(siteTitle))</h1>\n"
        body +=
            "<p>\(documents.count) document\(documents.count == 1 ? "" : "s"), \(catalog.records.count) entities.</p>\n"
        body += """
            <section aria-labelledby="search-heading">
            <h2 id="search-heading">Find an entity</h2>
            <form role="search" action="#" onsubmit="return false;">
            <label for="entity-search">Entity name</label>
            <input type="search" id="entity-search" name="q" autocomplete="off" placeholder="e.g. Nuctech">
            </form>
            <p id="search-status" aria-live="polite"></p>
            <ul id="search-results"></ul>
            </section>

            """
        body += documentTable() + entitiesByKind()
        body += "<script src=\"assets/entities.js\"></script>\n<script src=\"assets/search.js\"></script>\n"
        return PageTemplate.page(title: "Index", path: "index.html", siteTitle: siteTitle, body: body)
    }

    func documentTable() -> String {
        var html = "<section aria-labelledby=\"documents-heading\">\n<h2 id=\"documents-heading\">Documents</h2>\n"
        html +=
            "<table class=\"documents\">\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Questions</th>"
        html += "<th scope=\"col\">Mentions</th><th scope=\"col\">Entities</th></tr></thead>\n<tbody>\n"
        for row in documents {
            html += "<tr><td><a href=\"\(HTMLText.attribute(row.path))\">\(HTMLText.escape(row.title))</a>"
            if row.title != row.id { html += " <small><code>\(HTMLText.escape(row.id))</code></small>" }
            html += "</td><td>\(row.questions)</td><td>\(row.mentions)</td><td>\(row.entities)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    func entitiesByKind() -> String {
        var groups: [String: [EntityCatalog.Record]] = [:]
        for record in catalog.records.values { groups[record.mainClassName, default: []].append(record) }
        var html = "<section aria-labelledby=\"kinds-heading\">\n<h2 id=\"kinds-heading\">Entities by kind</h2>\n"
        for (kind, records) in groups.sorted(by: {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }) {
            let sorted = records.sorted {
                $0.mentionCount != $1.mentionCount ? $0.mentionCount > $1.mentionCount : $0.iri < $1.iri
            }
            let category = sorted.first?.category ?? .other
            let id = "kind-" + SiteLayout.safeName(kind, limit: 60)
            html +=
                "<details open>\n<summary id=\"\(id)\"><span class=\"swatch m-\(category.id)\" aria-hidden=\"true\"></span>"
            html +=
                "\(HTMLText.escape(kind)) (\(records.count))</summary>\n<ul class=\"entity-list\" aria-labelledby=\"\(id)\">\n"
            for record in sorted {
                html +=
                    "<li><a href=\"\(HTMLText.attribute(SiteLayout.entityPath(record.iri)))\">\(HTMLText.escape(record.name))</a> "
                html += "<span class=\"count\">\(record.mentionCount)</span></li>\n"
            }
            html += "</ul>\n</details>\n"
        }
        return html + "</section>\n"
    }

    /// The search index: each name of each entity, most mentioned first, as a script that sets
    /// `window.TEXTGRAPH_ENTITIES` (a script, not JSON to fetch, so that the site works from the
    /// file system).
    func searchIndex() -> String {
        let sorted = catalog.records.values.sorted {
            $0.mentionCount != $1.mentionCount ? $0.mentionCount > $1.mentionCount : $0.iri < $1.iri
        }
        var lines: [String] = []
        for record in sorted {
            var names = [record.name]
            for label in record.description?.labels ?? [] where !names.contains(label.lexicalForm) {
                names.append(label.lexicalForm)
            }
            if let anchor = record.firstAnchor, !names.contains(anchor) { names.append(anchor) }
            for name in names {
                let fields = [name, record.mainClassName, SiteLayout.entityPath(record.iri)].map(
                    HTMLText.javaScriptString)
                lines.append("[" + fields.joined(separator: ",") + ",\(record.mentionCount)]")
            }
        }
        return "window.TEXTGRAPH_ENTITIES = [\n" + lines.joined(separator: ",\n") + "\n];\n"
    }
}
