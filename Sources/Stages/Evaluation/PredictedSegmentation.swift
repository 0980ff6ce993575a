import Foundation
public import Pipeline
import TextGraphSupport

/// Sentences and tokens another system found, read from JSON lines, to be scored with the
/// same rules as TextGraph's own.
///
/// One line per document:
///
/// ```json
/// {"document": "nl_lassysmall-ud-test.conllu/wiki-135", "sentences": [[0, 2], [3, 152]], "tokens": [[0, 1], [1, 2]]}
/// ```
///
/// Offsets count Unicode code points of the document text (as Python's `str` does, and NIF),
/// start inclusive, end exclusive; `tokens` may be left out. `textgraph eval sentences
/// --dump-text DIR` writes the texts the offsets refer to.
public struct PredictedSegmentation: Sendable {
    /// What a system found in one document, in code point offsets.
    public struct Entry: Codable, Sendable, Hashable {
        /// The document's id.
        public var document: String
        /// Sentence spans as `[start, end]` pairs.
        public var sentences: [[Int]]
        /// Token spans as `[start, end]` pairs, when the system gives tokens.
        public var tokens: [[Int]]?

        /// Creates an entry.
        public init(document: String, sentences: [[Int]], tokens: [[Int]]? = nil) {
            self.document = document
            self.sentences = sentences
            self.tokens = tokens
        }
    }

    /// The entries by document id.
    public var entries: [String: Entry]

    /// Parses JSON lines.
    ///
    /// - Throws: ``StageError`` with ``StageError/Code/malformedInput`` naming the bad line.
    public init(jsonLines: String, source: String = "predictions") throws {
        entries = [:]
        let decoder = JSONDecoder()
        for (number, line) in jsonLines.split(separator: "\n").enumerated()
        where !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            do {
                let entry = try decoder.decode(Entry.self, from: Data(line.utf8))
                entries[entry.document] = entry
            } catch {
                throw StageError(
                    .malformedInput, "\(source):\(number + 1): not a prediction line: \(error)", cause: error)
            }
        }
    }

    /// Reads JSON lines from a file.
    public init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
        }
        try self.init(jsonLines: text, source: path)
    }

    /// The predicted sentences and tokens of a document as UTF-8 spans of its text.
    ///
    /// - Throws: ``StageError`` with ``StageError/Code/invalidData`` when the document has no
    ///   entry or an offset lies outside its text.
    public func spans(for document: Document) throws -> (sentences: [Span], tokens: [Span]?) {
        guard let entry = entries[document.id] else {
            throw StageError(.invalidData, "the predictions have no entry for \(document.id)")
        }
        // UTF-8 offset of every code point offset, and of the end.
        var utf8Offsets: [Int] = []
        utf8Offsets.reserveCapacity(document.utf8Count + 1)
        var offset = 0
        for scalar in document.text.unicodeScalars {
            utf8Offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        utf8Offsets.append(offset)
        func convert(_ pairs: [[Int]], _ what: String) throws -> [Span] {
            try pairs.map { pair in
                guard pair.count == 2, pair[0] >= 0, pair[0] <= pair[1], pair[1] < utf8Offsets.count else {
                    throw StageError(
                        .invalidData,
                        "\(document.id): \(what) \(pair) is not a span of the text (\(utf8Offsets.count - 1) code points)"
                    )
                }
                return Span(start: utf8Offsets[pair[0]], end: utf8Offsets[pair[1]])
            }
        }
        return (try convert(entry.sentences, "sentence"), try entry.tokens.map { try convert($0, "token") })
    }
}
