public import Pipeline
import TextGraphEntities
import TextGraphInput
import TextGraphOutput
import TextGraphParliament
import TextGraphRelations
import TextGraphSegmentation
import TextGraphSupport

/// The standard TextGraph pipeline: read, tokenize, split sentences, tag and link entities,
/// find the parliamentary structure and relations, build the graph.
///
/// ```
/// SourceDocument ─▶ DocumentReader ─▶ Tokenizer ─▶ SentenceSplitter ─▶ DocumentNumberTagger
///   ─▶ DateTagger ─▶ GazetteerTagger ─▶ AbbreviationDefinitionTagger ─▶ EntityLinker ─▶ ArticleReferenceTagger
///   ─▶ EntityRecognizer ─▶ ParliamentaryStructureTagger
///   ─▶ CoOccurrenceExtractor ─▶ GraphBuilder ─▶ GraphFragment
/// ```
///
/// To change the stages (insert a stage of your own after the linker, replace or remove one),
/// start from ``standardStages(gazetteer:options:)`` and build with ``make(options:stages:)``.
public enum TextGraphPipeline {
    /// The language the standard stages analyse (Dutch): what the graph says of a document whose
    /// source names no language (``DocumentMetadata/language`` is `nil`).
    public static let language = StandardLanguage.code

    /// What the standard pipeline can be told.
    public struct Options: Sendable {
        /// What the readers are told: the namespace of document IRIs, the size limit, the
        /// Windows-1252 fallback and page furniture (by default that of Dutch parliamentary
        /// papers, ``PageFurniture/parliamentaryPapers``).
        public var reading = ReaderOptions(pageFurniture: .parliamentaryPapers)
        /// The namespace of document IRIs (``ReaderOptions/documentBase``).
        public var documentBase: String {
            get { reading.documentBase }
            set { reading.documentBase = newValue }
        }
        /// The largest document read, in bytes (``ReaderOptions/maximumBytes``).
        public var maximumDocumentBytes: Int {
            get { reading.maximumBytes }
            set { reading.maximumBytes = newValue }
        }
        /// Whether sentences are written to the graph.
        public var includeSentences = true
        /// Whether sentences carry their text (`nif:anchorOf`); see ``GraphBuilder/includeSentenceText``.
        public var includeSentenceText = false
        /// Speakers of TEI documents, from a TEI person list.
        public var teiPeople: [TEIPerson] = []
        /// Whether TEI notes (speaker labels, stage directions) are kept as text.
        public var teiNotes = false
        /// Whether text files that are not UTF-8 are read as Windows-1252, with a warning
        /// (``ReaderOptions/windows1252Fallback``).
        public var windows1252Fallback: Bool {
            get { reading.windows1252Fallback }
            set { reading.windows1252Fallback = newValue }
        }
        /// Whether capitalized names no tagger knows are kept as unlinked mentions (a fallback
        /// behind the ``EntityRecognizer``).
        public var unlinkedNames = false
        /// Whether the ``EntityRecognizer`` finds the names no gazetteer lists.
        public var recognizesNames = true
        /// The recognizer's model; `nil` for the bundled one (``NamedEntityModel/bundled()``).
        public var entityModel: NamedEntityModel? = nil
        /// Names the recognizer is less sure of are left out.
        public var minimumNameConfidence = EntityRecognizer.defaultMinimumConfidence

        /// What adds statements of its own to each document's graph (custom stages' layers),
        /// after the built-in ones, in every format.
        public var graphContributors: [any GraphContributor] = []
        /// Where a document's serialized graph goes when it is too large to keep in memory
        /// (see ``GraphEncoder/temporaryDirectory``): `nil` for `$TMPDIR`, else `/tmp`.
        public var temporaryDirectory: String? = nil

        /// Creates the default options.
        public init() {}
    }

    /// Builds the standard pipeline over a gazetteer.
    public static func make(gazetteer: Gazetteer, options: Options = Options()) throws -> Pipeline<
        SourceDocument, GraphFragment
    > {
        let recognizer = try recognizer(gazetteer: gazetteer, options: options)
        return try Pipeline {
            analysis(gazetteer: gazetteer, options: options, recognizer: recognizer)
            graphBuilder(options: options)
        }
    }

    /// Builds the standard pipeline over a gazetteer, ending in the graph serialized in `formats`
    /// (by a ``GraphEncoder``, which writes the statements ``GraphBuilder`` says straight to bytes).
    public static func make(
        gazetteer: Gazetteer,
        options: Options = Options(),
        encodingAs formats: Set<RDFFormat>
    ) throws -> Pipeline<SourceDocument, EncodedFragment> {
        let recognizer = try recognizer(gazetteer: gazetteer, options: options)
        return try Pipeline {
            analysis(gazetteer: gazetteer, options: options, recognizer: recognizer)
            graphEncoder(options: options, formats: formats)
        }
    }

    /// Builds the standard pipeline up to the annotated document, without the graph: for tools
    /// that look at documents rather than write RDF (`textgraph render`).
    public static func makeAnalysis(gazetteer: Gazetteer, options: Options = Options()) throws -> Pipeline<
        SourceDocument, Document
    > {
        let recognizer = try recognizer(gazetteer: gazetteer, options: options)
        return try Pipeline.checking(analysis(gazetteer: gazetteer, options: options, recognizer: recognizer))
    }

    /// The entity recognizer the options ask for, if any.
    static func recognizer(gazetteer: Gazetteer, options: Options) throws -> EntityRecognizer? {
        guard options.recognizesNames else { return nil }
        return EntityRecognizer(
            model: try options.entityModel ?? NamedEntityModel.bundled(), gazetteer: gazetteer,
            minimumConfidence: options.minimumNameConfidence)
    }

    /// The graph builder the options describe; the one place the standard pipelines make it.
    static func graphBuilder(options: Options) -> GraphBuilder {
        GraphBuilder(
            includeSentences: options.includeSentences,
            includeSentenceText: options.includeSentenceText,
            contributors: options.graphContributors
        )
    }

    /// The graph encoder the options describe; the one place the standard pipelines make it.
    static func graphEncoder(options: Options, formats: Set<RDFFormat>) -> GraphEncoder {
        GraphEncoder(
            builder: graphBuilder(options: options), formats: formats, temporaryDirectory: options.temporaryDirectory)
    }

    /// The stages before the graph is built: reading, segmentation, entities, structure, relations.
    ///
    /// The same stages as ``standardStages(gazetteer:options:)`` after the reader, as a chain the
    /// compiler sees whole: the standard pipeline stays one specialized chain, without a call
    /// through a type-erased stage per stage and document. `StandardStagesTests` checks that the
    /// two hold the same stages in the same order and write the same bytes.
    @StageBuilder
    static func analysis(gazetteer: Gazetteer, options: Options, recognizer: EntityRecognizer? = nil) -> some Stage<
        SourceDocument, Document
    > {
        let matcher = GazetteerMatcher(gazetteer: gazetteer)
        reader(options: options)
        Tokenizer()
        SentenceSplitter()
        DocumentNumberTagger()
        DateTagger()
        GazetteerTagger(matcher: matcher)
        AbbreviationDefinitionTagger()
        EntityLinker(gazetteer: gazetteer)
        ArticleReferenceTagger()
        if let recognizer { recognizer }
        if options.unlinkedNames { CapitalizedSpanTagger() }
        ParliamentaryStructureTagger()
        CoOccurrenceExtractor()
    }
}
