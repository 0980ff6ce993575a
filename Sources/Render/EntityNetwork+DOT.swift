import Foundation
public import Pipeline

extension EntityNetwork {
    /// The network as Graphviz DOT: entities as boxes coloured by kind, co-occurrences as lines
    /// whose width grows with the number of sentences, structure relations as labelled arrows.
    ///
    /// ```dot
    /// digraph "entities" {
    ///   "https://w3id.org/textgraph/entity/org/nuctech" [label="Nuctech", fillcolor="#BFE9DC", color="#009E73", …];
    ///   "…/country/cn" -> "…/org/nuctech" [dir=none, penwidth=2.58, weight=3, tooltip="co-occur in 3 sentences"];
    /// }
    /// ```
    ///
    /// Nodes and edges are written sorted by IRI, so the same graph gives the same bytes.
    /// - Parameters:
    ///   - catalog: Names and classes of the entities.
    ///   - title: The picture's title.
    ///   - link: The URL a node links to (its entity page), if any.
    ///   - highlight: Entities drawn with a thick outline (the centre of a neighbourhood); they
    ///     are drawn even without edges.
    public func dot(
        catalog: EntityCatalog, title: String, link: (IRI) -> String? = { _ in nil }, highlight: Set<IRI> = []
    ) -> String {
        var lines = ["digraph \(Self.quoted("entities")) {"]
        lines.append(
            "  graph [layout=neato, overlap=false, splines=true, sep=\"+12\", fontname=\"Helvetica\", label=\(Self.quoted(title)), labelloc=t];"
        )
        lines.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, penwidth=1.5];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", arrowsize=0.7];")
        for iri in nodes.union(highlight).sorted() {
            let record = catalog.records[iri]
            let category = record?.category ?? .other
            var attributes = [
                "label=" + Self.quoted(record?.name ?? EntityCategory.localName(iri)),
                "fillcolor=" + Self.quoted(category.tint), "color=" + Self.quoted(category.color),
                "tooltip=" + Self.quoted("\(record?.mainClassName ?? "Thing") · \(record?.mentionCount ?? 0) mentions"),
            ]
            if highlight.contains(iri) { attributes.append("penwidth=3.5") }
            if let url = link(iri) { attributes.append("URL=" + Self.quoted(url)) }
            lines.append("  \(Self.quoted(iri.value)) [\(attributes.joined(separator: ", "))];")
        }
        for (edge, weight) in edges.sorted(by: { $0.key < $1.key }) {
            let width = String(format: "%.2f", 1 + log2(Double(weight)))
            var attributes = ["penwidth=\(width)", "weight=\(weight)"]
            if edge.isUndirected {
                attributes.insert("dir=none", at: 0)
                attributes.append("tooltip=" + Self.quoted("co-occur in \(weight) sentence\(weight == 1 ? "" : "s")"))
            } else {
                attributes.append(
                    "label=" + Self.quoted(Self.relationName(edge.predicate) + (weight > 1 ? " (\(weight))" : "")))
            }
            lines.append(
                "  \(Self.quoted(edge.from.value)) -> \(Self.quoted(edge.to.value)) [\(attributes.joined(separator: ", "))];"
            )
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a picture names a relation.
    public static func relationName(_ predicate: IRI) -> String {
        switch predicate {
        case coOccursWith: "co-occurs with"
        case askedOf: "asked"
        case answered: "answered"
        case memberOf: "member of"
        default:
            EntityCategory.localName(predicate).unicodeScalars.reduce(into: "") { result, scalar in
                if scalar.properties.isUppercase, !result.isEmpty { result += " " }
                result += String(scalar).lowercased()
            }
        }
    }

    /// A DOT string in double quotes: `"` and `\` escaped, line ends as `\n`, control characters
    /// and bidirectional marks left out.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value >= 0x20, !(scalar.value >= 0x7F && scalar.value < 0xA0), !HTMLText.isBidiControl(scalar)
                {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
