/// The frame every page shares: doctype, head, navigation, footer.
enum PageTemplate {
    /// A whole page.
    /// - Parameters:
    ///   - title: The page title (plain text; escaped here).
    ///   - path: The page's path below the site root, to make relative links.
    ///   - siteTitle: The site's name, for the navigation.
    ///   - body: The page's main content (HTML).
    static func page(title: String, path: String, siteTitle: String, body: String) -> String {
        header(title: title, path: path, siteTitle: siteTitle) + body + footer
    }

    /// A page's beginning, up to and including `<main>`.
    static func header(title: String, path: String, siteTitle: String) -> String {
        let root = SiteLayout.relative(from: path, to: "")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title)) · \(HTMLText.escape(siteTitle))</title>
            <link rel="stylesheet" href="\(root)assets/style.css">
            </head>
            <body>
            <header class="site"><nav aria-label="Site"><a href="\(root)index.html">\(HTMLText.escape(siteTitle))</a></nav></header>
            <main>

            """
    }

    /// A page's end, from `</main>`.
    static let footer = """
        </main>
        <footer class="site"><p>Made by TextGraph from the graph of the corpus.</p></footer>
        </body>
        </html>

        """

    /// The legend of entity categories, as a list with a sample highlight each.
    static func legend() -> String {
        var html =
            "<section class=\"legend\" aria-labelledby=\"legend-heading\">\n<h2 id=\"legend-heading\">Legend</h2>\n<ul>\n"
        for category in EntityCategory.all {
            html += "<li><span class=\"m m-\(category.id)\">\(HTMLText.escape(category.name))</span></li>\n"
        }
        html +=
            "</ul>\n<p class=\"note\">Each kind has its own colour and underline. Hover a name for its class, what found it and how sure it is; "
        html += "sentences are set apart by a faint line and show on hover.</p>\n</section>\n"
        return html
    }

    /// A list of links joined by commas and "and".
    static func joined(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
