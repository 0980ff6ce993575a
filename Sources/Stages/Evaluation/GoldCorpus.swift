public import Pipeline

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

    /// The documents of a ParlaMint `.ana.xml` file: one per `<u>`, blocks from `<seg>`,
    /// sentences from `<s>`, tokens from `<w>`/`<pc>` with `join="right"`.
    ///
    /// - Important: TEI HOOK. The libxml2-based TEI reader is being written on another branch;
    ///   when it is merged, call it here and return its documents (it fills ``GoldSentences``
    ///   and ``GoldTokens``). Until then this throws, so `textgraph eval sentences` says plainly
    ///   that `.ana.xml` gold cannot be read yet.
    static func readTEIAna(path: String) throws -> [Document] {
        throw StageError(.unreadable, "\(path): TEI .ana gold needs the TEI reader, which is not merged yet; use the .conllu file of the same text")
    }
}
