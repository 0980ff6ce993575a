import Foundation
import Pipeline
import Render
import Stages
import Testing

/// Pages of hand-built documents: markup, links, and hostile text shown as text.
@Suite struct DocumentPageTests {
    static let hostileText =
        "Zie <script>alert(\"x\")</script> en </textarea><img src=x onerror=alert(1)> bij \"Nuctech\" & 'China' \u{202E}cba\u{202C}."

    /// A document whose text and entity label are hostile, with one linked mention.
    static func hostileDocument() -> Document {
        var document = Document(id: "dir/<evil>\".txt", text: hostileText)
        let start =
            hostileText.utf8.count - String(hostileText[hostileText.range(of: "Nuctech")!.lowerBound...]).utf8.count
        let evil = IRI("https://w3id.org/textgraph/entity/org/evil\"><script>")
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: hostileText.utf8.count))]
        document[Mentions.self] = [
            Mention(
                span: Span(start: 4, end: 12), entityClass: .schema("Corporation"), entity: evil, confidence: 0.75,
                source: "GazetteerTagger"),
            Mention(
                span: Span(start: start, end: start + 7), entityClass: .schema("Corporation"), entity: evil,
                confidence: 1, source: "EntityRecognizer"),
        ]
        document[Entities.self] = [
            Entity(
                iri: evil, types: [.schema("Corporation")],
                labels: [Literal("</textarea><script>alert(2)</script>", language: "nl")])
        ]
        return document
    }

    @Test func hostileTextIsShownAsText() {
        let html = DocumentPage(view: DocumentView(Self.hostileDocument()), siteTitle: "<b>site</b>").html()
        let body = String(html[html.range(of: "<main>")!.lowerBound...])
        #expect(!body.contains("<script"))
        #expect(!body.contains("</textarea"))
        #expect(!body.contains("<img"))
        #expect(!html.contains("<b>site</b>"))
        #expect(body.contains(">&lt;script&gt;</a>alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(body.contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!body.unicodeScalars.contains("\u{202E}"))
        #expect(body.contains("⟦RLO⟧"))
        #expect(body.contains("href=\"../entities/org-evil___script_-069f2bd9.html\""))
    }

    @Test func mentionsAreLinksWithTheirClassOriginAndConfidence() {
        let html = DocumentPage(view: DocumentView(Self.hostileDocument()), siteTitle: "t").html()
        #expect(html.contains("class=\"m m-organization\" id=\"m-4-12\""))
        #expect(html.contains("data-class=\"Corporation\" data-origin=\"gazetteer\""))
        #expect(html.contains("data-confidence=\"0.75\""))
        #expect(html.contains("data-origin=\"model\""))
    }

    @Test func aHostileSiteIsWrittenAsText() throws {
        let directory = try Seeds.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let site = try SiteRenderer(directory: directory)
        try site.add(Self.hostileDocument())
        try site.finish()
        let files = try FileManager.default.subpathsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".html") || $0.hasSuffix(".js")
        }
        #expect(files.count == 5)  // index, the document, the entity, entities.js, search.js
        for file in files where !file.hasSuffix("search.js") {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            let scripts = text.components(separatedBy: "<script").count - 1
            #expect(scripts == (file == "index.html" ? 2 : 0), "\(file) holds \(scripts) script elements")
            #expect(!text.contains("</textarea"), "\(file) holds </textarea")
            #expect(!text.unicodeScalars.contains("\u{202E}"), "\(file) holds a raw RLO")
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: directory + "/.textgraph-render-\(ProcessInfo.processInfo.processIdentifier).tmp"))
    }

    @Test func overlappingMarkupStillNests() {
        var document = Document(id: "d", text: "Ministerie van Buitenlandse Zaken. Ja.")
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: 34)), Sentence(span: Span(start: 35, end: 38))]
        let ministry = IRI("https://w3id.org/textgraph/entity/ministry/bz")
        document[Mentions.self] = [
            Mention(
                span: Span(start: 0, end: 33), entityClass: .schema("GovernmentOrganization"), entity: ministry,
                confidence: 1, source: "GazetteerTagger"),
            Mention(
                span: Span(start: 15, end: 33), entityClass: .schema("Thing"),
                entity: IRI("https://w3id.org/textgraph/entity/x/bz"), confidence: 1, source: "GazetteerTagger"),
            // Crosses the sentence end: closed and opened again.
            Mention(span: Span(start: 28, end: 37), entityClass: .schema("Thing"), source: "CapitalizedSpanTagger"),
        ]
        let html = DocumentPage(view: DocumentView(document), siteTitle: "t").html()
        let from = html.range(of: "<div class=\"text\" lang=\"nl\">")!.upperBound
        let text = String(html[from..<html.range(of: "</div>", range: from..<html.endIndex)!.lowerBound])
        var depth = 0
        var scanner = Substring(text)
        while let open = scanner.firstIndex(of: "<") {
            let close = scanner[open...].firstIndex(of: ">")!
            let tag = scanner[open...close]
            depth += tag.hasPrefix("</") ? -1 : 1
            #expect(depth >= 0)
            scanner = scanner[scanner.index(after: close)...]
        }
        #expect(depth == 0)
        #expect(text.components(separatedBy: "<a ").count - 1 == 1)  // the inner mention is no link inside a link
    }
}
