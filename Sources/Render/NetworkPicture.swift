import Foundation
public import Pipeline

/// A small picture of one entity and its strongest neighbours, as inline SVG for its page.
///
/// The entity sits in the middle, its neighbours on a circle around it, ordered by weight (the
/// heaviest at the top, going clockwise); a line's width grows with the weight, and each
/// neighbour is a link to its page. Drawn without Graphviz, so that every entity page has its
/// picture however large the corpus; `textgraph render --svg` draws the same network with
/// Graphviz's layout.
public struct NetworkPicture: Sendable {
    /// The entity in the middle.
    public var center: IRI
    /// Its neighbours with their weights, heaviest first.
    public var neighbours: [(iri: IRI, weight: Int)]

    /// At most this many neighbours are drawn.
    public static let maximumNeighbours = 16

    /// Creates the picture of an entity from the network's neighbour weights.
    public init(center: IRI, weights: [IRI: Int]) {
        self.center = center
        neighbours = weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(Self.maximumNeighbours).map { ($0.key, $0.value) }
    }

    /// The SVG element.
    /// - Parameters:
    ///   - catalog: Names and kinds of the entities.
    ///   - link: The href of an entity's page, from the page that shows the picture.
    public func svg(catalog: EntityCatalog, link: (IRI) -> String) -> String {
        // An ellipse, wider than high, since names are wider than high.
        let width = 820.0
        let height = neighbours.count > 8 ? 540.0 : 420.0
        let (cx, cy) = (width / 2, height / 2)
        let (radiusX, radiusY) = (width / 2 - 120, height / 2 - 30)
        let name = catalog.records[center]?.name ?? EntityCategory.localName(center)
        var svg =
            "<svg class=\"network\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-labelledby=\"network-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg +=
            "<title id=\"network-title\">\(HTMLText.attribute(name)) and the \(neighbours.count) entities it is most often related to</title>\n"
        let maxWeight = Double(neighbours.first?.weight ?? 1)
        var positions: [(Double, Double)] = []
        for index in neighbours.indices {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(1, neighbours.count))
            positions.append((cx + radiusX * cos(angle), cy + radiusY * sin(angle)))
        }
        for (index, neighbour) in neighbours.enumerated() {
            let stroke = 1 + 5 * log2(1 + Double(neighbour.weight)) / log2(1 + maxWeight)
            svg +=
                "<line x1=\"\(f(cx))\" y1=\"\(f(cy))\" x2=\"\(f(positions[index].0))\" y2=\"\(f(positions[index].1))\" stroke=\"#777777\" stroke-width=\"\(f(stroke))\"><title>weight \(neighbour.weight)</title></line>\n"
        }
        svg += node(center, at: (cx, cy), catalog: catalog, href: nil, emphasized: true)
        for (index, neighbour) in neighbours.enumerated() {
            svg += node(
                neighbour.iri, at: positions[index], catalog: catalog, href: link(neighbour.iri), emphasized: false)
        }
        return svg + "</svg>\n"
    }

    /// One entity: a rounded box in its kind's tint and colour, with its name.
    private func node(_ iri: IRI, at point: (Double, Double), catalog: EntityCatalog, href: String?, emphasized: Bool)
        -> String
    {
        let record = catalog.records[iri]
        let category = record?.category ?? .other
        var name = record?.name ?? EntityCategory.localName(iri)
        if name.count > 26 { name = String(name.prefix(25)) + "…" }
        let boxWidth = Double(max(40, name.count * 7 + 16))
        let strokeWidth = emphasized ? 3.5 : 1.5
        var svg =
            "<rect x=\"\(f(point.0 - boxWidth / 2))\" y=\"\(f(point.1 - 13))\" width=\"\(f(boxWidth))\" height=\"26\" rx=\"6\" "
        svg += "fill=\"\(category.tint)\" stroke=\"\(category.color)\" stroke-width=\"\(f(strokeWidth))\"/>"
        svg +=
            "<text x=\"\(f(point.0))\" y=\"\(f(point.1 + 4))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#000000\">\(HTMLText.attribute(name))</text>"
        guard let href else { return "<g>" + svg + "</g>\n" }
        return "<a href=\"\(HTMLText.attribute(href))\"><title>\(HTMLText.attribute(record?.name ?? iri.value))</title>"
            + svg + "</a>\n"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
