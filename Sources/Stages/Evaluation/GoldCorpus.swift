public import Pipeline
import TextGraphInput
import TextGraphSupport

/// Reads documents with gold sentences and tokens for evaluation, choosing the reader by the
/// file's name.
///
/// | file | reader |
/// |---|---|
/// | `*.conllu` | ``CoNLLUCorpus`` (UD, ParlaMint CoNLL-U) |
/// | `*.ana.xml` | ParlaMint linguistically annotated TEI: see ``readTEIAna(path:)`` |
public enum GoldCorpus {
    /// The documents of a gold file, each with ``Blocks``, ``GoldSentences`` and ``GoldTokens``.
    ///
    /// - Throws: ``StageError``: ``StageError/Code/unreadable`` for a file of another kind or
    ///   one that cannot be read, ``StageError/Code/malformedInput`` for a broken file.
    public static func documents(atPath path: String) throws -> [Document] {
        let lowercased = path.lowercased()
        if lowercased.hasSuffix(".conllu") {
            return try CoNLLUCorpus(contentsOf: path).documents
        }
        if lowercased.hasSuffix(".ana.xml") {
            return try readTEIAna(path: path)
        }
        throw StageError(.unreadable, "\(path): not a gold file TextGraph reads (use .conllu or .ana.xml)")
    }

    /// The document of a ParlaMint `.ana.xml` file, read by ``TEIReader``: blocks from `<seg>`,
    /// sentences from `<s>`, tokens from `<w>`/`<pc>` with `join="right"`.
    static func readTEIAna(path: String) throws -> [Document] {
        let document = try TEIReader().read(SourceDocument(id: path, content: .file(path), format: .xml))
        guard document.has(GoldSentences.self) else {
            throw StageError(
                .malformedInput, "\(path): a TEI file without <s> sentences, not a linguistically annotated (.ana) file"
            )
        }
        return [document]
    }
}
