import Foundation
import TextGraphSupport

/// Sentences with their names marked, read from the annotated corpora the recognizer learns from
/// and is evaluated on.
///
/// Reads, by content rather than by file name:
/// - CoNLL columns (CoNLL-2002, Europeana BIO, GLOBALISE): one token a line, the tag in the last
///   column, a blank line between sentences, `-DOCSTART-` or `# source` between documents. A file
///   without blank lines (Europeana, tokenized by white space) has its punctuation split off the
///   words, and is cut into sentences after `.`, `!` and `?` and into documents of 40 sentences.
///   Sentences longer than 60 tokens are cut after `.`, `!`, `?` or `;`.
/// - CoNLL-U with `NER=` in the MISC column (ParlaMint), documents at `# newdoc`.
/// - ParlaMint `.ana` TEI: `<s>` sentences of `<w>` and `<pc>` tokens, names as `<name type>`.
///
/// Tags are read as BIO (IOB1 is repaired: an I- that follows no name of its type begins one)
/// and their types mapped to PER, LOC, ORG and MISC (`PER_NAME`, `LOC_NAME`, `GPE`, …); other
/// types (dates, ships) are not names here and become O.
public struct NamedEntityCorpus: Sendable {
    /// One sentence: its tokens and a BIO tag for each ("O", "B-PER", "I-PER").
    public struct Sentence: Hashable, Sendable {
        /// The tokens.
        public var tokens: [String]
        /// The BIO tags, one per token.
        public var tags: [String]
        /// Creates a sentence.
        public init(tokens: [String], tags: [String]) {
            self.tokens = tokens
            self.tags = tags
        }
    }

    /// The documents, each a list of sentences.
    public var documents: [[Sentence]]

    /// Creates a corpus.
    public init(documents: [[Sentence]] = []) { self.documents = documents }

    /// The number of tokens.
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.reduce(0) { $0 + $1.tokens.count } } }

    /// The number of sentences.
    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.count } }

    /// Reads an annotated file.
    /// - Throws: ``StageError`` (`unreadable`, `malformedInput`) naming the file.
    public static func load(path: String) throws -> NamedEntityCorpus {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "\(path): cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let corpus = text.contains("<s ") && text.contains("</w>") ? parseTEI(text) : parse(columns: text)
        guard corpus.tokenCount > 0 else { throw StageError(.malformedInput, "\(path): no annotated tokens found") }
        return corpus
    }

    /// The canonical type of a tag's type name, or `nil` when it is not a name type.
    static func canonicalType(_ name: some StringProtocol) -> String? {
        switch name.uppercased() {
        case "PER", "PERSON", "PER_NAME": "PER"
        case "LOC", "LOC_NAME", "GPE", "LOCATION": "LOC"
        case "ORG", "ORGANIZATION", "ORGANISATION": "ORG"
        case "MISC": "MISC"
        default: nil
        }
    }

    /// BIO tags with canonical types, IOB1 repaired to IOB2.
    static func normalized(_ raw: [String]) -> [String] {
        var tags: [String] = []
        var previousType: String? = nil
        for tag in raw {
            let parts = tag.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let type = canonicalType(parts[1]), parts[0] == "B" || parts[0] == "I" else {
                tags.append("O")
                previousType = nil
                continue
            }
            tags.append((parts[0] == "I" && previousType == type ? "I-" : "B-") + type)
            previousType = type
        }
        return tags
    }

    /// Parses CoNLL columns or CoNLL-U.
    static func parse(columns text: String) -> NamedEntityCorpus {
        var documents: [[Sentence]] = []
        var sentences: [Sentence] = []
        var tokens: [String] = []
        var raw: [String] = []
        let sawBlank = text.contains("\n\n") || text.contains("\n\r\n")
        func endSentence() {
            guard !tokens.isEmpty else { return }
            sentences.append(Sentence(tokens: tokens, tags: normalized(raw)))
            tokens = []
            raw = []
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(sentences) }
            sentences = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                endSentence()
                continue
            }
            if trimmed.hasPrefix("-DOCSTART-") || trimmed.hasPrefix("# newdoc") || trimmed.hasPrefix("# source") {
                endDocument()
                continue
            }
            if trimmed.hasPrefix("#") && !trimmed.contains("\t") && trimmed.contains(" = ") { continue }
            let columns = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard columns.count >= 2 else { continue }
            if columns.count >= 10, line.contains("\t") {
                // CoNLL-U: the form in column 2, the name in MISC (NER=B-ORG); no range tokens.
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 10, !fields[0].contains("-"), !fields[0].contains(".") else { continue }
                let ner = fields[9].split(separator: "|").first { $0.hasPrefix("NER=") }.map { String($0.dropFirst(4)) }
                tokens.append(String(fields[1]))
                raw.append(ner ?? "O")
            } else {
                tokens.append(String(columns[0]))
                raw.append(String(columns[columns.count - 1]))
            }
            if tokens.count >= (sawBlank ? 60 : 5), [".", "!", "?", ";"].contains(tokens.last!), raw.last == "O" {
                endSentence()
            }
        }
        endDocument()
        guard !sawBlank else { return NamedEntityCorpus(documents: documents) }
        // Raw text: one sentence list per file, cut into documents of article size, so that what
        // the features say of a word's other occurrences stays local.
        let all = documents.flatMap(detachingPunctuation)
        return NamedEntityCorpus(
            documents: stride(from: 0, to: all.count, by: 40).map { Array(all[$0..<min($0 + 40, all.count)]) })
    }

    /// Sentences of text tokenized by white space only (Europeana: "Amsterdam," one token),
    /// with punctuation split off the words as the ``Tokenizer`` splits it, and cut after `.`,
    /// `!` and `?`. A short word with its period ("Mr.", "J.") stays one token.
    static func detachingPunctuation(_ sentences: [Sentence]) -> [Sentence] {
        let punctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "(", ")", "\"", "«", "»"]
        var result: [Sentence] = []
        var tokens: [String] = []
        var tags: [String] = []
        for sentence in sentences {
            for (token, tag) in zip(sentence.tokens, sentence.tags) {
                var word = Substring(token)
                var leading: [String] = []
                var trailing: [String] = []
                while word.count > 1, let first = word.first, punctuation.contains(first) {
                    leading.append(String(first))
                    word = word.dropFirst()
                }
                while word.count > 1, let last = word.last, punctuation.contains(last),
                    !(last == "." && word.count <= 3)
                {
                    trailing.insert(String(last), at: 0)
                    word = word.dropLast()
                }
                tokens += leading
                tags += leading.map { _ in "O" }
                tokens.append(String(word))
                tags.append(tag)
                // The name goes on after the punctuation only if the next token continues it; the
                // punctuation itself is O, so an I- after it would begin a new name: keep it whole.
                for mark in trailing {
                    tokens.append(mark)
                    tags.append("O")
                    if [".", "!", "?"].contains(mark), tokens.count >= 5 {
                        result.append(Sentence(tokens: tokens, tags: normalized(tags)))
                        tokens = []
                        tags = []
                    }
                }
            }
        }
        if !tokens.isEmpty { result.append(Sentence(tokens: tokens, tags: normalized(tags))) }
        return result
    }

    /// Parses ParlaMint `.ana` TEI: one document, `<s>` sentences, `<name type>` names.
    static func parseTEI(_ text: String) -> NamedEntityCorpus {
        var sentences: [Sentence] = []
        var tokens: [String] = []
        var raw: [String] = []
        var nameType: String? = nil
        var nameStarted = false
        var scanner = Substring(text)
        while let open = scanner.firstIndex(of: "<") {
            guard let close = scanner[open...].firstIndex(of: ">") else { break }
            let tag = scanner[scanner.index(after: open)..<close]
            scanner = scanner[scanner.index(after: close)...]
            if tag.hasPrefix("s ") || tag == "s" {
                tokens = []
                raw = []
            } else if tag == "/s" {
                if !tokens.isEmpty { sentences.append(Sentence(tokens: tokens, tags: normalized(raw))) }
            } else if tag.hasPrefix("name") {
                nameType = attribute("type", in: tag).flatMap(canonicalType)
                nameStarted = false
            } else if tag == "/name" {
                nameType = nil
            } else if tag.hasPrefix("w ") || tag == "w" || tag.hasPrefix("pc ") || tag == "pc" {
                guard let end = scanner.firstIndex(of: "<") else { break }
                tokens.append(unescaped(String(scanner[..<end])))
                if let nameType {
                    raw.append((nameStarted ? "I-" : "B-") + nameType)
                    nameStarted = true
                } else {
                    raw.append("O")
                }
            }
        }
        return NamedEntityCorpus(documents: sentences.isEmpty ? [] : [sentences])
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: name + "=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
