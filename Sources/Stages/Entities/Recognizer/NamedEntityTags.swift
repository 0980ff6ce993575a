/// The tags a ``NamedEntityModel`` predicts: O, and B(egin), I(nside), L(ast) and U(nit) for
/// each entity type (BILOU), with the transitions between them that make a well-formed tagging.
///
/// Tag 0 is O; the tags of type `k` are `1 + 4k` (B), `2 + 4k` (I), `3 + 4k` (L), `4 + 4k` (U).
/// A name begins with B and ends with L, or is one U; I only follows B or I of the same type.
public struct NamedEntityTags: Hashable, Sendable {
    /// The entity types, such as `["LOC", "MISC", "ORG", "PER"]`.
    public let types: [String]

    /// Creates the tag set of the given types.
    public init(types: [String]) { self.types = types }

    /// The number of tags.
    public var count: Int { 1 + 4 * types.count }

    /// The type index of a tag, or `nil` for O.
    @inline(__always) static func type(of tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 4 }
    /// The position of a tag in its name: 0 B, 1 I, 2 L, 3 U.
    @inline(__always) static func position(of tag: Int) -> Int { (tag - 1) % 4 }

    /// Whether `next` may follow `previous` (`nil`: the start of a sentence).
    func allows(_ previous: Int?, _ next: Int) -> Bool {
        let opens = previous.map { $0 != 0 && Self.position(of: $0) < 2 } ?? false
        if next == 0 { return !opens }
        let position = Self.position(of: next)
        if position == 0 || position == 3 { return !opens }
        guard let previous, opens else { return false }
        return Self.type(of: previous) == Self.type(of: next)
    }

    /// Whether a sentence may end with `tag`.
    func mayEnd(with tag: Int) -> Bool { tag == 0 || Self.position(of: tag) >= 2 }

    /// The tags of names given as spans of token indices.
    func tags(of names: [NamedEntitySpan], count tokenCount: Int) -> [Int] {
        var tags = [Int](repeating: 0, count: tokenCount)
        for name in names {
            let base = 1 + 4 * name.type
            if name.end - name.start == 1 {
                tags[name.start] = base + 3
            } else {
                tags[name.start] = base
                for k in (name.start + 1)..<(name.end - 1) { tags[k] = base + 1 }
                tags[name.end - 1] = base + 2
            }
        }
        return tags
    }

    /// The names a well-formed tagging marks.
    func names(in tags: [Int]) -> [NamedEntitySpan] {
        var names: [NamedEntitySpan] = []
        var start = -1
        for (k, tag) in tags.enumerated() where tag != 0 {
            switch Self.position(of: tag) {
            case 0: start = k
            case 2 where start >= 0:
                names.append(NamedEntitySpan(start: start, end: k + 1, type: Self.type(of: tag)!))
                start = -1
            case 3: names.append(NamedEntitySpan(start: k, end: k + 1, type: Self.type(of: tag)!))
            default: break
            }
        }
        return names
    }
}

/// A name in a sentence: a range of token indices and a type index.
public struct NamedEntitySpan: Hashable, Sendable {
    /// The first token.
    public var start: Int
    /// The token after the last.
    public var end: Int
    /// The index of the type in the tag set's ``NamedEntityTags/types``.
    public var type: Int

    /// Creates a name span.
    public init(start: Int, end: Int, type: Int) {
        self.start = start
        self.end = end
        self.type = type
    }
}
