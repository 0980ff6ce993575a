public import Pipeline

/// The standard TextGraph pipeline: read, tokenize, split sentences, tag and link entities,
/// find the parliamentary structure and relations, build the graph.
///
/// ```
/// SourceDocument ─▶ DocumentReader ─▶ Tokenizer ─▶ SentenceSplitter ─▶ DocumentNumberTagger
///   ─▶ DateTagger ─▶ GazetteerTagger ─▶ AbbreviationDefinitionTagger ─▶ EntityLinker ─▶ ArticleReferenceTagger ─▶ ParliamentaryStructureTagger
///   ─▶ CoOccurrenceExtractor ─▶ GraphBuilder ─▶ GraphFragment
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
        /// Whether sentences carry their text (`nif:anchorOf`); see ``GraphBuilder/includeSentenceText``.
        public var includeSentenceText = false
        /// Speakers of TEI documents, from a TEI person list.
        public var teiPeople: [TEIPerson] = []
        /// Whether TEI notes (speaker labels, stage directions) are kept as text.
        public var teiNotes = false
        /// Whether text files that are not UTF-8 are read as Windows-1252, with a warning.
        public var windows1252Fallback = false
        /// Whether capitalized names no tagger knows are kept as unlinked mentions.
        public var unlinkedNames = false

        /// Creates the default options.
        public init() {}
    }

    /// Builds the standard pipeline over a gazetteer.
    public static func make(gazetteer: Gazetteer, options: Options = Options()) throws -> Pipeline<SourceDocument, GraphFragment> {
        try Pipeline {
            analysis(gazetteer: gazetteer, options: options)
            GraphBuilder(includeSentences: options.includeSentences, includeSentenceText: options.includeSentenceText)
        }
    }

    /// Builds the standard pipeline over a gazetteer, ending in the graph serialized in `formats`
    /// (by a ``GraphEncoder``, which makes the same bytes as ``GraphBuilder`` and
    /// ``RDFFragmentEncoder`` in a fraction of the time).
    public static func make(
        gazetteer: Gazetteer,
        options: Options = Options(),
        encodingAs formats: Set<RDFFormat>
    ) throws -> Pipeline<SourceDocument, EncodedFragment> {
        try Pipeline {
            analysis(gazetteer: gazetteer, options: options)
            GraphEncoder(
                builder: GraphBuilder(includeSentences: options.includeSentences, includeSentenceText: options.includeSentenceText),
                formats: formats
            )
        }
    }

    /// The stages before the graph is built: reading, segmentation, entities, structure, relations.
    @StageBuilder
    static func analysis(gazetteer: Gazetteer, options: Options) -> some Stage<SourceDocument, Document> {
        let matcher = GazetteerMatcher(gazetteer: gazetteer)
        DocumentReader(
            documentBase: options.documentBase,
            maximumBytes: options.maximumDocumentBytes,
            teiPeople: options.teiPeople,
            teiNotes: options.teiNotes,
            windows1252Fallback: options.windows1252Fallback
        )
        Tokenizer()
        SentenceSplitter()
        DocumentNumberTagger()
        DateTagger()
        GazetteerTagger(matcher: matcher)
        AbbreviationDefinitionTagger()
        EntityLinker(gazetteer: gazetteer)
        ArticleReferenceTagger()
        if options.unlinkedNames { CapitalizedSpanTagger() }
        ParliamentaryStructureTagger()
        CoOccurrenceExtractor()
    }
}
