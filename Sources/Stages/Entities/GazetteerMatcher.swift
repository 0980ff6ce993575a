public import Pipeline
public import TextGraphSegmentation

/// Finds gazetteer names in tokenized text: a trie over normalized tokens, longest match first.
///
/// Tokens are compared case- and diacritics-insensitively ("Belgie" finds "België"), then each
/// alias token's case rule is checked against the text: an all-caps alias token ("AIVD", "VVD")
/// must match exactly; one that starts with a capital must be capitalized in the text; one
/// that starts in lowercase matches either way ("dual-useverordening", "Dual-useverordening").
/// A hyphenated token may match on its first part ("Nuctech-scanners" mentions Nuctech).
///
/// Built for speed on large gazetteers (100,000 names and more) without a `String` per token:
///
/// - Tokens are folded on their UTF-8 bytes by ``TextFolding`` (ASCII lowercase, a table for
///   Latin-1 and Latin Extended-A, typographic apostrophes and hyphens) into one reused buffer.
/// - The folded bytes are hashed and looked up in an open-addressing table of the vocabulary
///   (the distinct folded alias tokens, stored back to back in one byte array), giving a token
///   id; a token the gazetteer does not know ends every match at once.
/// - The trie's edges are one open-addressing table keyed by (node, token id); the aliases
///   that end at a node are a range of one flat array, and each alias's case rules and surface
///   tokens are ranges of flat arrays too. Nothing is allocated per node or per alias.
///
/// Case rules and surfaces are only looked at where a name ends, so the common path for a
/// token is: fold, hash, one or two probes.
public final class GazetteerMatcher: Sendable {
    /// A name that matched, before linking.
    public struct Match: Hashable, Sendable {
        /// The text range matched.
        public var span: Span
        /// The gazetteer entries the name may refer to, in gazetteer order.
        public var entries: [Int]
        /// How the name refers to them.
        public var form: MentionForm
    }

    /// A name that several entities go by.
    public struct SharedName: Hashable, Sendable {
        /// The name, as the first entity that has it writes it.
        public var name: String
        /// The entries (indices into the gazetteer) it names, in gazetteer order.
        public var entries: [Int]

        /// Creates a shared name.
        public init(name: String, entries: [Int]) {
            self.name = name
            self.entries = entries
        }
    }

    enum CaseRule: UInt8, Sendable {
        case exact, capitalized, any
    }

    /// One name of one entry, ending at a trie node.
    struct Alias: Sendable {
        /// The entry's index in the gazetteer.
        var entry: Int32
        /// Where the alias's tokens start in ``Index/tokenRules`` and ``Index/tokenSurfaces``.
        var firstToken: Int32
        /// How many tokens the alias has.
        var tokenCount: Int32
        /// Whether the alias is an adjective.
        var isAdjective: Bool
        /// Whether one of its tokens must match in capitals exactly.
        var hasExactRule: Bool
    }

    /// The gazetteer searched.
    public let gazetteer: Gazetteer
    /// The number of distinct names indexed.
    public let aliasCount: Int
    let index: Index
    private let folding = TextFolding.shared
    /// The ids of the tokens that are one scalar from U+2000 to U+20CF (dashes, quotes, bullets,
    /// currency signs; index: scalar − 0x2000). These fold only through Foundation, which is
    /// slow: each is folded and looked up once, here, as ``tokenID`` would.
    private let punctuationIDs: [Int32]

    /// Indexes a gazetteer, or takes its compiled index when it has one (the bundled gazetteer
    /// loaded from its compiled file, see ``CompiledGazetteer``).
    public convenience init(gazetteer: Gazetteer) {
        if let compiled = gazetteer.compiledIndex {
            self.init(gazetteer: gazetteer, index: compiled)
        } else {
            self.init(gazetteer: gazetteer, tokenizer: Tokenizer())
        }
    }

    /// Indexes a gazetteer, its names tokenized by `tokenizer`.
    public init(gazetteer: Gazetteer, tokenizer: Tokenizer) {
        var builder = Index.Builder()
        for (entryIndex, entry) in gazetteer.entries.enumerated() {
            var names: [(String, Bool)] = entry.labels.map { ($0.lexicalForm, false) }
            names += entry.aliases.map { ($0, false) }
            names += entry.adjectives.map { ($0, true) }
            var namesOfEntry = Set<String>()
            names += names.compactMap { name, isAdjective in Self.spacedVariant(of: name).map { ($0, isAdjective) } }
            for (name, isAdjective) in names where namesOfEntry.insert(name).inserted {
                builder.add(
                    name, entry: Int32(entryIndex), isAdjective: isAdjective, tokenizer: tokenizer,
                    folding: TextFolding.shared)
            }
        }
        self.gazetteer = gazetteer
        let index = builder.build()
        self.index = index
        self.punctuationIDs = (Self.punctuationScalars).map { value in
            let word = String(Unicode.Scalar(value)!)
            let folded = TextFolding.shared.fold(word)
            return index.id(of: folded)
        }
        self.aliasCount = index.distinctNameCount()
    }

    /// A matcher over an index built before (see ``CompiledGazetteer``).
    init(gazetteer: Gazetteer, index: Index) {
        self.gazetteer = gazetteer
        self.index = index
        self.punctuationIDs = Self.punctuationScalars.map { value in
            index.id(of: TextFolding.shared.fold(String(Unicode.Scalar(value)!)))
        }
        self.aliasCount = index.distinctNameCount()
    }

    /// A name with its hyphens between capitalized parts made spaces ("Nagorno-Karabach" →
    /// "Nagorno Karabach"), as texts write such names both ways; `nil` when it has none.
    static func spacedVariant(of name: String) -> String? {
        var scalars = Array(name.unicodeScalars)
        var changed = false
        for k in scalars.indices.dropFirst().dropLast() where scalars[k] == "-" {
            let before = scalars[..<k].lastIndex(where: { !$0.properties.isAlphabetic }).map { $0 + 1 } ?? 0
            guard before < k, scalars[before].properties.isUppercase, scalars[k + 1].properties.isUppercase else {
                continue
            }
            scalars[k] = " "
            changed = true
        }
        return changed ? String(String.UnicodeScalarView(scalars)) : nil
    }

    /// Where a token that is unknown as a whole holds a name, and the name's vocabulary id: a
    /// token glued to a number by text extraction ("Staten-Generaal2", "7398’s-Gravenhage",
    /// "2024Tweede"), a genitive ("Rutte's", "China’s"), or a compound whose lowercase first part
    /// qualifies a name ("kabinet-Rutte", "oud-minister" has no name).
    struct Glue {
        var id: Int32
        var start: Int
        var end: Int
    }

    /// The part of a token that may be a name when the whole is not (see ``Glue``), or `nil`.
    @inline(__always)
    static func innerName(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, mayHaveHyphen: Bool) -> (
        start: Int, end: Int
    )? {
        let span = token.span
        if token.kind == .alphanumeric { return gluedLetters(bytes, span) }
        guard token.kind == .word, span.length >= 4 else { return nil }
        // A genitive: "Rutte's", "China’s".
        if bytes[span.end - 1] == 0x73 {
            if bytes[span.end - 2] == 0x27 { return (span.start, span.end - 2) }
            if span.length >= 6, bytes[span.end - 4] == 0xE2, bytes[span.end - 3] == 0x80, bytes[span.end - 2] == 0x99 {
                return (span.start, span.end - 4)
            }
        }
        // "kabinet-Rutte": a lowercase word, a hyphen, a capitalized name.
        guard mayHaveHyphen, bytes[span.start] >= 0x61, bytes[span.start] <= 0x7A else { return nil }
        var k = span.end - 2
        while k > span.start, bytes[k] != 0x2D { k -= 1 }
        guard k > span.start, bytes[k + 1] >= 0x41, bytes[k + 1] <= 0x5A else { return nil }
        return (k + 1, span.end)
    }

    /// The letters of an alphanumeric token after its leading and before its trailing ASCII
    /// digits, when there are such digits and at least three bytes of something else, none a digit.
    static func gluedLetters(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> (start: Int, end: Int)? {
        var start = span.start
        var end = span.end
        while start < end, bytes[start] >= 0x30, bytes[start] <= 0x39 { start += 1 }
        while end > start, bytes[end - 1] >= 0x30, bytes[end - 1] <= 0x39 { end -= 1 }
        guard end - start >= 3, start > span.start || end < span.end else { return nil }
        for k in start..<end where bytes[k] >= 0x30 && bytes[k] <= 0x39 { return nil }
        return (start, end)
    }

    // MARK: Matching

    /// The names found in a text, given its tokens: longest first, not overlapping, in text order.
    public func matches(in text: String, tokens: [Token]) -> [Match] {
        var text = text
        return text.withUTF8 { bytes in
            tokens.withUnsafeBufferPointer { matches(bytes, $0) }
        }
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>) -> [Match] {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        let (ids, mayHaveHyphen, firstNodes, glues) = tokenIDs(bytes, tokens, scratch: &scratch)
        var found: [Match] = []
        // The aliases of the longest match from token `i`; read only where this `i` found one
        // (declared once, not per token).
        var bestAliases: [Alias] = []
        var i = 0
        while i < tokens.count {
            var bestEnd = -1
            // The walk down the trie from the root; its first step is `firstNodes[i]`.
            let first = firstNodes[i]
            var node: Int32 = 0
            var j = i
            // A glued first token starts the match at its letters, and ends it if digits follow them.
            // (Glues are rare: no dictionary lookup, which hashes, for the many tokens of a text without any.)
            let firstGlue = ids[i] < 0 && !glues.isEmpty ? glues[i] : nil
            if first >= 0 {
                node = first
                j = i + 1
                if index.hasAliases(node) {
                    let chosen = choose(index.aliases(at: node), bytes, tokens, from: i, glues: glues)
                    if !chosen.isEmpty {
                        bestEnd = j
                        bestAliases = chosen
                    }
                }
            }
            var lastGlue: Glue? = nil
            while first >= 0, j < tokens.count, firstGlue.map({ $0.end == tokens[i].span.end }) ?? true {
                // A token glued to digits at its end may end a match ("Staten-Generaal2").
                var id = ids[j]
                var glue: Glue? = nil
                if id < 0 {
                    guard !glues.isEmpty, let g = glues[j], g.start == tokens[j].span.start else { break }
                    glue = g
                    id = g.id
                }
                let child = index.child(of: node, token: id)
                guard child >= 0 else { break }
                node = child
                j += 1
                if index.hasAliases(node) {
                    let chosen = choose(index.aliases(at: node), bytes, tokens, from: i, glues: glues)
                    if !chosen.isEmpty {
                        bestEnd = j
                        bestAliases = chosen
                        lastGlue = glue
                    }
                }
                if glue != nil { break }
            }
            if bestEnd > 0 {
                let start = firstGlue?.start ?? tokens[i].span.start
                let end =
                    bestEnd == i + 1
                    ? (firstGlue?.end ?? lastGlue?.end ?? tokens[i].span.end)
                    : (lastGlue?.end ?? tokens[bestEnd - 1].span.end)
                found.append(match(Span(start: start, end: end), bestAliases))
                i = bestEnd
                continue
            }
            // "Nuctech-scanners": the first part of a hyphenated token.
            if mayHaveHyphen[i], let found1 = firstPartMatch(bytes, tokens[i], scratch: &scratch) {
                found.append(found1)
            }
            i += 1
        }
        return found
    }

    /// A name that is the first part of a hyphenated word or code ("Nuctech" of
    /// "Nuctech-scanners"), when the gazetteer lists it as one token.
    private func firstPartMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, scratch: inout [UInt8]) -> Match? {
        guard token.kind == .word || token.kind == .alphanumeric, let hyphen = firstHyphen(bytes, token.span) else {
            return nil
        }
        var ignored = true
        let id = tokenID(bytes, token.span.start, hyphen, &scratch, mayHaveHyphen: &ignored)
        let child = id >= 0 ? index.child(of: 0, token: id) : -1
        guard child >= 0 else { return nil }
        let candidates = index.aliases(at: child).filter { alias in
            alias.tokenCount == 1 && accepts(index.tokenRules[Int(alias.firstToken)], bytes, token.span.start, hyphen)
        }
        return candidates.isEmpty ? nil : match(Span(start: token.span.start, end: hyphen), candidates)
    }

    /// Each token's id in the gazetteer's token table (-1 where it has none), whether it may
    /// hold a hyphen, the trie node it leads to from the root (-1 where none), and the tokens
    /// glued to numbers whose letters have an id (see `Glue`).
    private func tokenIDs(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, scratch: inout [UInt8]
    ) -> (ids: [Int32], mayHaveHyphen: [Bool], firstNodes: [Int32], glues: [Int: Glue]) {
        var ids = [Int32](repeating: -1, count: tokens.count)
        // Whether a token may hold a hyphen: `false` only where the fast path of `tokenID` saw
        // all its bytes and no hyphen among them.
        var mayHaveHyphen = [Bool](repeating: true, count: tokens.count)
        // The trie node each token leads to from the root, or -1: few tokens start a name, so
        // the search below tests this once per token instead of walking from every known token.
        var firstNodes = [Int32](repeating: -1, count: tokens.count)
        // Tokens glued to numbers, by index: rare, so kept aside (see `Glue`).
        var glues: [Int: Glue] = [:]
        // Written through buffer pointers: no uniqueness check per token.
        ids.withUnsafeMutableBufferPointer { ids in
            mayHaveHyphen.withUnsafeMutableBufferPointer { mayHaveHyphen in
                firstNodes.withUnsafeMutableBufferPointer { firstNodes in
                    for k in 0..<tokens.count {
                        let token = tokens[k]
                        if token.kind == .punctuation && token.span.length > 3 { continue }
                        let id = tokenID(
                            bytes, token.span.start, token.span.end, &scratch, mayHaveHyphen: &mayHaveHyphen[k])
                        ids[k] = id
                        if id >= 0 {
                            firstNodes[k] = index.child(of: 0, token: id)
                        } else if let letters = Self.innerName(bytes, token, mayHaveHyphen: mayHaveHyphen[k]) {
                            var ignored = true
                            let glued = tokenID(bytes, letters.start, letters.end, &scratch, mayHaveHyphen: &ignored)
                            if glued >= 0 {
                                glues[k] = Glue(id: glued, start: letters.start, end: letters.end)
                                firstNodes[k] = index.child(of: 0, token: glued)
                            }
                        }
                    }
                }
            }
        }
        return (ids, mayHaveHyphen, firstNodes, glues)
    }

    /// The aliases ending at a node whose case rules the text passes, from the text's token
    /// `start` on; those written exactly as the text (or with an all-caps rule) when there are any.
    private func choose(
        _ aliases: ArraySlice<Alias>,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ tokens: UnsafeBufferPointer<Token>,
        from start: Int,
        glues: [Int: Glue] = [:]
    ) -> [Alias] {
        var passing: [Alias] = []
        var exactCase: [Alias] = []
        for alias in aliases {
            var passes = true
            var sameSurface = true
            for t in 0..<Int(alias.tokenCount) {
                // A token read through its glue is judged on the name inside it.
                var span = tokens[start + t].span
                if !glues.isEmpty, let glue = glues[start + t] { span = Span(start: glue.start, end: glue.end) }
                let k = Int(alias.firstToken) + t
                if !accepts(index.tokenRules[k], bytes, span.start, span.end) {
                    passes = false
                    break
                }
                if sameSurface && !index.surface(k, equals: bytes, span.start, span.end) { sameSurface = false }
            }
            guard passes else { continue }
            passing.append(alias)
            if alias.hasExactRule || sameSurface { exactCase.append(alias) }
        }
        return exactCase.isEmpty ? passing : exactCase
    }

    private func match(_ span: Span, _ aliases: [Alias]) -> Match {
        var entries: [Int] = []
        for alias in aliases where !entries.contains(Int(alias.entry)) { entries.append(Int(alias.entry)) }
        let form: MentionForm = aliases.allSatisfy(\.isAdjective) ? .adjectival : .name
        return Match(span: span, entries: entries.sorted(), form: form)
    }

    /// The vocabulary id of the text's bytes `start..<end`, folded; -1 when unknown. Sets
    /// `mayHaveHyphen` to `false` when it saw every byte and no `-` (other hyphens are not ASCII).
    @inline(__always)
    private func tokenID(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ scratch: inout [UInt8],
        mayHaveHyphen: inout Bool
    ) -> Int32 {
        // ASCII tokens of up to sixteen bytes, most tokens: two eight-byte loads, folded
        // (lowercased) and hashed a word at a time, compared with the vocabulary a word at a time.
        let length = end - start
        if length <= 16, start + 16 <= bytes.count, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let w0 =
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) & Index.lowBytes(length)
            let w1 =
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
                & Index.lowBytes(length - 8)
            if (w0 | w1) & 0x8080_8080_8080_8080 == 0 {
                mayHaveHyphen = Self.hasByte(0x2D, w0) || Self.hasByte(0x2D, w1)
                let f0 = Self.asciiLowercased(w0)
                let f1 = Self.asciiLowercased(w1)
                let h = Index.hash(words: f0, f1, length: length)
                // The filter here, inline, turns most tokens away without a call.
                guard index.mayContain(h) else { return -1 }
                return index.id(ofWords: f0, f1, length: length, hash: h)
            }
        }
        if length == 3 && bytes[start] == 0xE2 {
            let value = 0x2000 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
            if Self.punctuationScalars.contains(value) { return punctuationIDs[Int(value) - 0x2000] }
        }
        scratch.removeAll(keepingCapacity: true)
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !folding.fold(word, into: &scratch) {
            scratch = folding.slowFold(String(decoding: word, as: UTF8.self))
        }
        return index.id(of: scratch)
    }

    /// The scalars of ``punctuationIDs``.
    private static var punctuationScalars: Range<UInt32> { 0x2000..<0x20D0 }

    /// A word of ASCII bytes (all below 0x80) with its capitals made lowercase, eight at a time:
    /// a byte from 0x41 to 0x5A gets its 0x20 bit. No byte carries into the next, as every
    /// byte plus 0x3F stays below 0x100.
    @inline(__always)
    private static func asciiLowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set from 0x41 on
        let pastZ = word &+ 0x2525_2525_2525_2525  // high bit set from 0x5B on
        return word | (atLeastA & ~pastZ & 0x8080_8080_8080_8080) >> 2
    }

    /// Whether a word of ASCII bytes holds `byte` (the classic test for a zero byte in `word ^ byte…`).
    @inline(__always)
    private static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The offset of the first hyphen (`-`, U+2010, U+2011) inside a token, if any.
    private func firstHyphen(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Int? {
        var k = span.start
        while k < span.end {
            let b = bytes[k]
            if b == 0x2D { return k }
            if b == 0xE2, k + 2 < span.end, bytes[k + 1] == 0x80, bytes[k + 2] == 0x90 || bytes[k + 2] == 0x91 {
                return k
            }
            k += 1
        }
        return nil
    }

    // MARK: Case rules

    /// The rule of an alias token: all capitals (two letters or more), capitalized, or any.
    static func rule(_ word: UnsafeBufferPointer<UInt8>) -> CaseRule {
        var letters = 0
        var allUpper = true
        var firstUpper = false
        var k = 0
        while k < word.count {
            let (scalar, length) = scalar(word, k)
            k += length
            let isLetter: Bool
            let isUpper: Bool
            if scalar.isASCII {
                isUpper = scalar.value >= 0x41 && scalar.value <= 0x5A
                isLetter = isUpper || (scalar.value >= 0x61 && scalar.value <= 0x7A)
            } else {
                isLetter = scalar.properties.isAlphabetic
                isUpper = isLetter && scalar.properties.isUppercase
            }
            guard isLetter else { continue }
            if letters == 0 { firstUpper = isUpper }
            letters += 1
            if !isUpper { allUpper = false }
        }
        guard letters > 0 else { return .any }
        if letters >= 2 && allUpper { return .exact }
        return firstUpper ? .capitalized : .any
    }

    /// Whether the text's bytes `start..<end` pass a case rule.
    private func accepts(_ rule: CaseRule, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch rule {
        case .any:
            return true
        case .capitalized:
            var k = start
            while k < end {
                let (scalar, length) = Self.scalar(bytes, k)
                if scalar.isASCII {
                    let b = UInt8(scalar.value)
                    if b >= 0x41 && b <= 0x5A { return true }
                    if b >= 0x61 && b <= 0x7A { return false }
                } else if scalar.properties.isAlphabetic {
                    return scalar.properties.isUppercase
                }
                k += length
            }
            return false
        case .exact:
            var k = start
            while k < end {
                let (scalar, length) = Self.scalar(bytes, k)
                if scalar.isASCII {
                    let b = UInt8(scalar.value)
                    if b >= 0x61 && b <= 0x7A { return false }
                } else if scalar.properties.isAlphabetic && !scalar.properties.isUppercase {
                    return false
                }
                k += length
            }
            return true
        }
    }

    /// The scalar at `offset` of valid UTF-8, and its length.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        if b0 < 0xE0 { return (Unicode.Scalar(UInt32(b0 & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)) ?? "?", 2) }
        if b0 < 0xF0 {
            let v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "?", 3)
        }
        let v =
            UInt32(b0 & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "?", 4)
    }

    // MARK: Shared names

    /// The names (compared as the matcher compares them, case aside) that name more than one
    /// entity: most entities first, then by name.
    public func sharedNames() -> [SharedName] {
        var shared: [SharedName] = []
        for node in 0..<index.nodeCount {
            let aliases = index.aliases(at: Int32(node))
            guard aliases.count > 1 else { continue }
            var entries: [Int] = []
            for alias in aliases where !entries.contains(Int(alias.entry)) { entries.append(Int(alias.entry)) }
            guard entries.count > 1, let first = aliases.first else { continue }
            let words = (0..<Int(first.tokenCount)).map { index.surfaceString(Int(first.firstToken) + $0) }
            shared.append(SharedName(name: words.joined(separator: " "), entries: entries.sorted()))
        }
        return shared.sorted { ($1.entries.count, $0.name) < ($0.entries.count, $1.name) }
    }
}
