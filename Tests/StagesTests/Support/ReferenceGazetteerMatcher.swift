import Foundation
import Pipeline
import Stages

/// The gazetteer matcher as it was before it worked on bytes (commit fbd5150), kept as the
/// reference the fast ``GazetteerMatcher`` must agree with on real text; since then it also
/// indexes hyphenated names with spaces ("Nagorno Karabach") and reads tokens glued to numbers
/// by text extraction ("Staten-Generaal2"), written here the plain way.
final class ReferenceGazetteerMatcher: Sendable {
    /// A name that matched, before linking.
    struct Match: Hashable, Sendable {
        /// The text range matched.
        var span: Span
        /// The gazetteer entries the name may refer to, in gazetteer order.
        var entries: [Int]
        /// How the name refers to them.
        var form: MentionForm
    }

    private enum CaseRule: UInt8, Sendable {
        case exact, capitalized, any
    }

    private struct Alias: Sendable {
        var entry: Int32
        var form: MentionForm
        var rules: [CaseRule]
        var surface: [String]
    }

    /// The gazetteer searched.
    let gazetteer: Gazetteer
    private let tokenizer: Tokenizer
    private let vocabulary: [String: Int32]
    private let edges: [UInt64: Int32]
    private let aliasesAtNode: [Int32: [Alias]]

    /// The number of distinct names indexed.
    let aliasCount: Int

    /// Indexes a gazetteer.
    init(gazetteer: Gazetteer, tokenizer: Tokenizer = Tokenizer()) {
        var vocabulary: [String: Int32] = [:]
        var edges: [UInt64: Int32] = [:]
        var aliasesAtNode: [Int32: [Alias]] = [:]
        var nodeCount: Int32 = 1
        var seen = Set<String>()

        for (entryIndex, entry) in gazetteer.entries.enumerated() {
            var names: [(String, MentionForm)] = entry.labels.map { ($0.lexicalForm, .name) }
            names += entry.aliases.map { ($0, .name) }
            names += entry.adjectives.map { ($0, .adjectival) }
            names += names.compactMap { name, form in ReferenceGazetteerMatcher.spaced(name).map { ($0, form) } }
            var namesOfEntry = Set<String>()
            for (name, form) in names where namesOfEntry.insert(name).inserted {
                let tokens = tokenizer.tokenize(name)
                guard !tokens.isEmpty else { continue }
                let surface = tokens.map { token -> String in
                    let utf8 = Array(name.utf8)[token.span.start..<token.span.end]
                    return String(decoding: utf8, as: UTF8.self)
                }
                var node: Int32 = 0
                for word in surface {
                    let key = ReferenceGazetteerMatcher.normalize(word)
                    let id: Int32
                    if let existing = vocabulary[key] {
                        id = existing
                    } else {
                        id = Int32(vocabulary.count)
                        vocabulary[key] = id
                    }
                    let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                    if let child = edges[edge] {
                        node = child
                    } else {
                        edges[edge] = nodeCount
                        node = nodeCount
                        nodeCount += 1
                    }
                }
                aliasesAtNode[node, default: []].append(
                    Alias(
                        entry: Int32(entryIndex), form: form, rules: surface.map(ReferenceGazetteerMatcher.rule),
                        surface: surface)
                )
                seen.insert(surface.joined(separator: " "))
            }
        }
        self.gazetteer = gazetteer
        self.tokenizer = tokenizer
        self.vocabulary = vocabulary
        self.edges = edges
        self.aliasesAtNode = aliasesAtNode
        self.aliasCount = seen.count
    }

    /// The names found in a text, given its tokens: longest first, not overlapping, in text order.
    func matches(in text: String, tokens: [Token]) -> [Match] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            matches(bytes, tokens)
        } ?? []
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [Match] {
        func surface(_ span: Span) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        }
        var ids = [Int32](repeating: -1, count: tokens.count)
        var words = [String](repeating: "", count: tokens.count)
        for (k, token) in tokens.enumerated() where token.kind != .punctuation || token.span.length <= 3 {
            let word = surface(token.span)
            words[k] = word
            ids[k] = vocabulary[ReferenceGazetteerMatcher.normalize(word)] ?? -1
        }
        // Alphanumeric tokens glued to numbers: the letters between leading and trailing digits.
        // Also genitives ("Rutte's") and compounds with a lowercase first part ("kabinet-Rutte").
        var glued: [Int: (id: Int32, start: Int, end: Int)] = [:]
        var judged = words  // what case rules and surfaces are checked on: a glued token's name
        for (k, token) in tokens.enumerated() where ids[k] < 0 {
            let bytes = Array(words[k].utf8)
            var start = 0
            var end = bytes.count
            if token.kind == .alphanumeric {
                while start < end, (0x30...0x39).contains(bytes[start]) { start += 1 }
                while end > start, (0x30...0x39).contains(bytes[end - 1]) { end -= 1 }
                guard end - start >= 3, start > 0 || end < bytes.count,
                    !bytes[start..<end].contains(where: { (0x30...0x39).contains($0) })
                else { continue }
            } else if token.kind == .word, bytes.count >= 4,
                words[k].hasSuffix("'s") || (bytes.count >= 6 && words[k].hasSuffix("\u{2019}s"))
            {
                end -= words[k].hasSuffix("'s") ? 2 : 4
            } else if token.kind == .word, bytes.count >= 4, let first = words[k].first, first.isASCII,
                first.isLowercase, let hyphen = words[k].lastIndex(of: "-"),
                let next = words[k][words[k].index(after: hyphen)...].first, next.isASCII, next.isUppercase
            {
                start = words[k].utf8.distance(from: words[k].startIndex, to: hyphen) + 1
            } else {
                continue
            }
            let letters = String(decoding: bytes[start..<end], as: UTF8.self)
            if let id = vocabulary[ReferenceGazetteerMatcher.normalize(letters)] {
                glued[k] = (id, token.span.start + start, token.span.start + end)
                judged[k] = letters
            }
        }
        var found: [Match] = []
        var i = 0
        while i < tokens.count {
            var node: Int32 = 0
            var best: (end: Int, aliases: [Alias], spanEnd: Int)? = nil
            var j = i
            let start = ids[i] < 0 ? glued[i]?.start ?? tokens[i].span.start : tokens[i].span.start
            while j < tokens.count {
                // A glued token: first only if digits lead, last only if digits trail.
                var id = ids[j]
                var end = tokens[j].span.end
                var isLast = false
                if id < 0 {
                    guard let glue = glued[j], j == i || glue.start == tokens[j].span.start else { break }
                    id = glue.id
                    end = glue.end
                    isLast = glue.end < tokens[j].span.end
                }
                let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                guard let child = edges[edge] else { break }
                node = child
                j += 1
                if let candidates = aliasesAtNode[node] {
                    let passing = candidates.filter { alias in
                        zip(alias.rules, judged[i..<j]).allSatisfy { ReferenceGazetteerMatcher.accepts($0, $1) }
                    }
                    let exactCase = passing.filter { alias in
                        alias.rules.contains(.exact) || alias.surface == Array(judged[i..<j])
                    }
                    if !passing.isEmpty { best = (j, exactCase.isEmpty ? passing : exactCase, end) }
                }
                if isLast { break }
            }
            if let best {
                found.append(match(Span(start: start, end: best.spanEnd), best.aliases))
                i = best.end
                continue
            }
            // "Nuctech-scanners": the first part of a hyphenated token.
            if tokens[i].kind == .word || tokens[i].kind == .alphanumeric, let hyphen = words[i].firstIndex(of: "-") {
                let part = String(words[i][..<hyphen])
                if let id = vocabulary[ReferenceGazetteerMatcher.normalize(part)],
                    let child = edges[UInt64(UInt32(id))],
                    let candidates = aliasesAtNode[child]?.filter({
                        $0.rules.count == 1 && ReferenceGazetteerMatcher.accepts($0.rules[0], part)
                    }),
                    !candidates.isEmpty
                {
                    let start = tokens[i].span.start
                    found.append(match(Span(start: start, end: start + part.utf8.count), candidates))
                }
            }
            i += 1
        }
        return found
    }

    private func match(_ span: Span, _ aliases: [Alias]) -> Match {
        var entries: [Int] = []
        for alias in aliases where !entries.contains(Int(alias.entry)) { entries.append(Int(alias.entry)) }
        let form: MentionForm = aliases.allSatisfy { $0.form == .adjectival } ? .adjectival : .name
        return Match(span: span, entries: entries.sorted(), form: form)
    }

    /// A name with each hyphen between capitalized parts made a space, or `nil` when it has none.
    static func spaced(_ name: String) -> String? {
        let characters = Array(name)
        var out = characters
        var changed = false
        for k in characters.indices.dropFirst().dropLast() where characters[k] == "-" {
            var partStart = k
            while partStart > 0, characters[partStart - 1].isLetter { partStart -= 1 }
            guard partStart < k, characters[partStart].isUppercase, characters[k + 1].isUppercase else { continue }
            out[k] = " "
            changed = true
        }
        return changed ? String(out) : nil
    }

    // MARK: Normalization and case

    /// The key a token is indexed under: lowercase, without diacritics, with typographic
    /// apostrophes and hyphens made plain.
    static func normalize(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        var folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        folded = folded.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        folded = folded.replacingOccurrences(of: "\u{2010}", with: "-").replacingOccurrences(of: "\u{2011}", with: "-")
        return folded.lowercased()
    }

    private static func rule(_ word: String) -> CaseRule {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first else { return .any }
        if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase }) { return .exact }
        return first.properties.isUppercase ? .capitalized : .any
    }

    private static func accepts(_ rule: CaseRule, _ word: String) -> Bool {
        switch rule {
        case .any: return true
        case .capitalized:
            guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return false }
            return first.properties.isUppercase
        case .exact:
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.allSatisfy { $0.properties.isUppercase }
        }
    }
}
