import Foundation
public import Pipeline
import TextGraphInput
import TextGraphSupport

/// Gold sentences and tokens read from a CoNLL-U file, as documents of running text.
///
/// CoNLL-U holds one sentence after another; to evaluate a sentence splitter on running text
/// the documents must be rebuilt. A document comes from `# newdoc id` lines where the file has
/// them (ParlaMint), and otherwise from the document part of `# sent_id`, in either UD Dutch
/// style:
///
/// ```
/// wiki-135.p.100.s.1                                    LassySmall: document wiki-135, ¶ 100, sentence 1
/// WR-P-E-I-0000004258.p.1.s.1.10                        LassySmall: a sentence split in parts (1.10)
/// WR-P-P-H-0000000005\WR-P-P-H-0000000005.p.1.s.1      Alpino: corpus folder, backslash, document
/// ```
///
/// Paragraphs come from `# newpar id` or from the `p.N` part; paragraphs and sentences are
/// ordered numerically (files list `p.100` before `p.2`). The text is rebuilt so that each
/// system under evaluation sees what a reader of the source saw:
///
/// - tokens are joined by a space, or by nothing after `SpaceAfter=No`;
/// - sentences of a paragraph are joined by a space, except that a sentence without final
///   punctuation (a heading, a list item, a line ending in a colon) ends its line with `\n`,
///   as it stood in the source;
/// - paragraphs are separated by a blank line (`\n\n`).
///
/// Each document gets ``Blocks`` (its paragraphs), ``GoldSentences`` and ``GoldTokens`` with
/// exact UTF-8 spans. Multiword tokens (`3-4`) count as one token with their surface form;
/// empty nodes (`3.1`) are skipped.
public struct CoNLLUCorpus: Sendable {
    /// The documents, in the order their first sentence appears in the file.
    public var documents: [Document]

    /// Reads a CoNLL-U file.
    ///
    /// - Parameter path: The file to read.
    /// - Throws: ``StageError`` with ``StageError/Code/unreadable`` when the file cannot be read,
    ///   ``StageError/Code/malformedInput`` when a token line is broken.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StageError(.invalidEncoding, "\(path) is not valid UTF-8")
        }
        try self.init(parsing: text, source: path)
    }

    /// Parses CoNLL-U text.
    ///
    /// - Parameters:
    ///   - text: The CoNLL-U content.
    ///   - source: The file it came from; document ids are `NAME/DOCUMENT`, where `NAME` is the
    ///     last path component of `source`.
    /// - Throws: ``StageError`` with ``StageError/Code/malformedInput`` for a token line with
    ///   fewer than ten columns or a bad id, naming the line.
    public init(parsing text: String, source: String) throws {
        let sentences = try Self.sentences(in: text, source: source)
        let name = source.split(separator: "/").last.map(String.init) ?? source
        documents = Self.group(sentences).map { group in
            Self.document(id: name + "/" + group.id, source: source, paragraphs: group.paragraphs)
        }
    }

    // MARK: Reading sentences

    /// One token of a sentence: its surface form and whether a space follows it.
    struct RawToken {
        var form: String
        var spaceAfter: Bool
    }

    /// One sentence as the file gives it.
    struct RawSentence {
        var id: String?
        var newDocument: String?
        var newParagraph: String?
        var tokens: [RawToken] = []
    }

    static func sentences(in text: String, source: String) throws -> [RawSentence] {
        var sentences: [RawSentence] = []
        var current = RawSentence()
        var hasContent = false
        var skipThrough = 0  // the last word id covered by a multiword token
        var lineNumber = 0
        func flush() {
            if !current.tokens.isEmpty { sentences.append(current) }
            current = RawSentence()
            hasContent = false
            skipThrough = 0
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                continue
            }
            if line.hasPrefix("#") {
                if hasContent { flush() }  // a comment after tokens starts a new sentence
                if let value = commentValue(line, key: "sent_id") { current.id = value }
                if let value = commentValue(line, key: "newdoc id") { current.newDocument = value }
                if let value = commentValue(line, key: "newdoc") { current.newDocument = current.newDocument ?? value }
                if let value = commentValue(line, key: "newpar id") { current.newParagraph = value }
                if let value = commentValue(line, key: "newpar") {
                    current.newParagraph = current.newParagraph ?? value
                }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 10 else {
                throw StageError(
                    .malformedInput,
                    "\(source):\(lineNumber): a token line needs 10 tab-separated columns, found \(columns.count)")
            }
            hasContent = true
            let id = columns[0]
            if id.contains(".") { continue }  // an empty node: no surface text
            let spaceAfter = !columns[9].split(separator: "|").contains("SpaceAfter=No")
            if let dash = id.firstIndex(of: "-") {
                guard let last = Int(id[id.index(after: dash)...]) else {
                    throw StageError(.malformedInput, "\(source):\(lineNumber): bad multiword token id '\(id)'")
                }
                skipThrough = last
                current.tokens.append(RawToken(form: String(columns[1]), spaceAfter: spaceAfter))
                continue
            }
            guard let number = Int(id) else {
                throw StageError(.malformedInput, "\(source):\(lineNumber): bad token id '\(id)'")
            }
            if number <= skipThrough { continue }  // a word inside a multiword token
            current.tokens.append(RawToken(form: String(columns[1]), spaceAfter: spaceAfter))
        }
        flush()
        return sentences
    }

    /// The value of a comment `# key = value`, or `nil` when the line holds another key.
    private static func commentValue(_ line: Substring, key: String) -> String? {
        var rest = line.dropFirst().drop { $0 == " " }
        guard rest.hasPrefix(key) else { return nil }
        rest = rest.dropFirst(key.count).drop { $0 == " " }
        if rest.isEmpty { return key.hasSuffix(" id") ? nil : "" }  // "# newdoc" without an id
        guard rest.first == "=" else { return nil }
        return String(rest.dropFirst().drop { $0 == " " }).trimmingCharacters(in: .whitespaces)
    }

    // MARK: Grouping into documents

    /// A document's paragraphs, each a list of sentences, in reading order.
    struct DocumentGroup {
        var id: String
        var paragraphs: [[RawSentence]]
    }

    /// Where a sentence id puts a sentence: document, paragraph number, sentence numbers.
    struct SentencePosition {
        var document: String
        var paragraph: Int
        var sentence: [Int]
    }

    /// Reads `DOC.p.N.s.M[.K…]`, with `DOC` optionally prefixed by `FOLDER\`. The sentence
    /// part may hold further numbers after `.` or `_` (`s.1.10`, `s.1_2`: parts of a sentence).
    static func position(of sentenceID: String) -> SentencePosition? {
        let parts = sentenceID.split(separator: ".", omittingEmptySubsequences: false)
        func numbers(_ part: Substring) -> [Int]? {
            let pieces = part.split(separator: "_", omittingEmptySubsequences: false).map { Int($0) }
            return pieces.allSatisfy { $0 != nil } ? pieces.map { $0! } : nil
        }
        // The last "p", number, "s" run that only numbers follow.
        var k = parts.count - 2
        while k >= 3 {
            if parts[k] == "s", parts[k - 2] == "p", Int(parts[k - 1]) != nil,
                parts[(k + 1)...].allSatisfy({ numbers($0) != nil })
            {
                break
            }
            k -= 1
        }
        guard k >= 3, let paragraph = Int(parts[k - 1]) else { return nil }
        let sentence = parts[(k + 1)...].flatMap { numbers($0) ?? [] }
        var document = parts[..<(k - 2)].joined(separator: ".")
        if let slash = document.lastIndex(of: "\\") { document = String(document[document.index(after: slash)...]) }
        guard !document.isEmpty else { return nil }
        return SentencePosition(document: document, paragraph: paragraph, sentence: sentence)
    }

    static func group(_ sentences: [RawSentence]) -> [DocumentGroup] {
        if sentences.contains(where: { $0.newDocument != nil }) {
            return groupByComments(sentences)
        }
        // A sentence whose id says nothing of its place stands alone as a document of one
        // paragraph, so no boundary is scored around it.
        let positions = sentences.enumerated().map { index, sentence in
            sentence.id.flatMap(position(of:))
                ?? SentencePosition(document: sentence.id ?? "sentence-\(index + 1)", paragraph: 1, sentence: [index])
        }
        return groupBySentenceIDs(sentences, positions: positions)
    }

    /// Groups by `# newdoc` and `# newpar` lines, in file order.
    private static func groupByComments(_ sentences: [RawSentence]) -> [DocumentGroup] {
        var groups: [DocumentGroup] = []
        for sentence in sentences {
            if let document = sentence.newDocument ?? (groups.isEmpty ? "document" : nil) {
                let id = document.isEmpty ? "document-\(groups.count + 1)" : document
                groups.append(DocumentGroup(id: id, paragraphs: [[sentence]]))
            } else if sentence.newParagraph != nil || groups[groups.count - 1].paragraphs.isEmpty {
                groups[groups.count - 1].paragraphs.append([sentence])
            } else {
                groups[groups.count - 1].paragraphs[groups[groups.count - 1].paragraphs.count - 1].append(sentence)
            }
        }
        return groups
    }

    /// Groups by the document, paragraph and sentence numbers in `# sent_id`, sorting
    /// numerically; documents keep the order of their first sentence.
    private static func groupBySentenceIDs(_ sentences: [RawSentence], positions: [SentencePosition]) -> [DocumentGroup]
    {
        var order: [String] = []
        var byDocument: [String: [Int]] = [:]
        for (index, position) in positions.enumerated() {
            if byDocument[position.document] == nil { order.append(position.document) }
            byDocument[position.document, default: []].append(index)
        }
        return order.map { document in
            let indices = byDocument[document]!.sorted { a, b in
                let pa = positions[a]
                let pb = positions[b]
                if pa.paragraph != pb.paragraph { return pa.paragraph < pb.paragraph }
                return pa.sentence.lexicographicallyPrecedes(pb.sentence)
            }
            var paragraphs: [[RawSentence]] = []
            var lastParagraph: Int? = nil
            for index in indices {
                if positions[index].paragraph != lastParagraph {
                    paragraphs.append([])
                    lastParagraph = positions[index].paragraph
                }
                paragraphs[paragraphs.count - 1].append(sentences[index])
            }
            return DocumentGroup(id: document, paragraphs: paragraphs)
        }
    }

    // MARK: Rebuilding the text

    /// Builds a document's text and its gold layers from its paragraphs.
    static func document(id: String, source: String, paragraphs: [[RawSentence]]) -> Document {
        var text = ""
        var blocks: [Block] = []
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        var offset = 0
        func add(_ string: String) {
            text += string
            offset += string.utf8.count
        }
        for (p, paragraph) in paragraphs.enumerated() {
            if p > 0 { add("\n\n") }
            let paragraphStart = offset
            for (s, sentence) in paragraph.enumerated() {
                if s > 0 {
                    let previous = paragraph[s - 1]
                    if !endsWithFinalPunctuation(previous) {
                        add("\n")
                    } else if previous.tokens.last!.spaceAfter {
                        add(" ")
                    }
                }
                let sentenceStart = offset
                for (t, token) in sentence.tokens.enumerated() {
                    if t > 0 && sentence.tokens[t - 1].spaceAfter { add(" ") }
                    let start = offset
                    add(token.form)
                    tokens.append(Token(span: Span(start: start, end: offset), kind: kind(of: token.form)))
                }
                sentences.append(Sentence(span: Span(start: sentenceStart, end: offset)))
            }
            blocks.append(Block(span: Span(start: paragraphStart, end: offset)))
        }
        var document = Document(id: id, text: text, metadata: DocumentMetadata(source: source, format: "conllu"))
        document[Blocks.self] = blocks
        document[GoldSentences.self] = sentences
        document[GoldTokens.self] = tokens
        return document
    }

    /// Whether a sentence ends as a sentence of running text does: with `.`, `!`, `?` or `…`,
    /// possibly followed by closing quotes and brackets ("… gaat." ") .").
    static func endsWithFinalPunctuation(_ sentence: RawSentence) -> Bool {
        for token in sentence.tokens.reversed() {
            let scalars = token.form.unicodeScalars
            if scalars.allSatisfy({ closers.contains($0.value) }) { continue }
            guard let last = scalars.last?.value else { return false }
            return last == 0x2E || last == 0x21 || last == 0x3F || last == 0x2026
        }
        return false
    }

    /// Closing quotes and brackets: `)` `]` `"` `'` `»` `”` `’` `›`.
    private static let closers: Set<UInt32> = [0x29, 0x5D, 0x22, 0x27, 0xBB, 0x201D, 0x2019, 0x203A]

    /// A rough kind for a gold token (scoring compares spans only).
    private static func kind(of form: String) -> TokenKind {
        let scalars = form.unicodeScalars
        if scalars.contains(where: { $0.properties.numericType != nil }),
            scalars.allSatisfy({ $0.properties.numericType != nil || $0 == "." || $0 == "," })
        {
            return .number
        }
        if scalars.allSatisfy({ !$0.properties.isAlphabetic && $0.properties.numericType == nil }) {
            return .punctuation
        }
        return .word
    }
}
