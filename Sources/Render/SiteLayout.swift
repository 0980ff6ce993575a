public import Pipeline
import Stages

/// Where each page of a site lies, relative to the site's root folder.
///
/// ```
/// index.html                      documents, entities by type, the search box
/// documents/<name>-<hash>.html    one page per document
/// entities/<path>.html            one page per entity (org-nuctech.html for …/entity/org/nuctech)
/// assets/style.css, search.js, entities.js
/// ```
///
/// File names are derived from identifiers, never from run order, so the same corpus always gives
/// the same site. A document's page is named after the last part of its id and a short hash of
/// the whole id (two folders may hold files of the same name); an entity's page after its path
/// below the entity namespace, with a hash where that path had to be changed to be a safe name.
public enum SiteLayout {
    /// The namespace TextGraph's entity IRIs live under.
    public static let entityBase = "https://w3id.org/textgraph/entity/"

    /// The page of a document, relative to the site root.
    public static func documentPath(id: String) -> String {
        var name = id
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return "documents/" + safeName(name, limit: 80) + "-" + hash(id).prefix(8) + ".html"
    }

    /// The page of an entity, relative to the site root.
    public static func entityPath(_ iri: IRI) -> String {
        let value = iri.value
        let local = value.hasPrefix(entityBase) ? String(value.dropFirst(entityBase.count)) : value
        let flattened = local.replacingSlashes()
        let safe = safeName(flattened, limit: 100)
        let clean = value.hasPrefix(entityBase) && safe == flattened && !safe.isEmpty
        return "entities/" + (clean ? safe : safe + "-" + hash(value).prefix(8)) + ".html"
    }

    /// A name with only ASCII letters, digits, `-`, `_` and `.` (not first), at most `limit` long.
    static func safeName(_ name: String, limit: Int) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let keep =
                (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x2D
                || v == 0x5F
                || (v == 0x2E && !result.isEmpty)
            result.unicodeScalars.append(keep ? scalar : "_")
            if result.unicodeScalars.count >= limit { break }
        }
        return result.isEmpty ? "_" : result
    }

    /// A stable 64-bit FNV-1a hash of a string, as 16 hex digits (``GraphBuilder/stableHash(_:)``).
    public static func hash(_ string: String) -> String { GraphBuilder.stableHash(string) }

    /// The path from a page at `from` to the page at `to`, both relative to the site root.
    public static func relative(from: String, to: String) -> String {
        let depth = from.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + to
    }
}

extension String {
    /// The string with each `/` replaced by `-`.
    func replacingSlashes() -> String { String(map { $0 == "/" ? "-" : $0 }) }
}
