public import Pipeline

/// The standard TextGraph pipeline: read, tokenize, split sentences, tag and link entities,
/// build the graph.
///
/// ```
/// SourceDocument ─▶ DocumentReader ─▶ Tokenizer ─▶ SentenceSplitter ─▶ GazetteerTagger
///                 ─▶ EntityLinker ─▶ GraphBuilder ─▶ GraphFragment
/// ```
public enum TextGraphPipeline {
    /// What the standard pipeline can be told.
    public struct Options: Sendable {
        /// The namespace of document IRIs.
        public var documentBase = Document.defaultBase
        /// The largest document read, in bytes.
        public var maximumDocumentBytes = 64 << 20
        /// Whether sentences are written to the graph.
        public var includeSentences = true

        /// Creates the default options.
        public init() {}
    }

    /// Builds the standard pipeline over a gazetteer.
    public static func make(gazetteer: Gazetteer, options: Options = Options()) throws -> Pipeline<SourceDocument, GraphFragment> {
        let matcher = GazetteerMatcher(gazetteer: gazetteer)
        return try Pipeline {
            DocumentReader(text: TextReader(documentBase: options.documentBase, maximumBytes: options.maximumDocumentBytes))
            Tokenizer()
            SentenceSplitter()
            GazetteerTagger(matcher: matcher)
            EntityLinker(gazetteer: gazetteer)
            GraphBuilder(includeSentences: options.includeSentences)
        }
    }
}
