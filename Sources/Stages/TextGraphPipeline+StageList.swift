public import Pipeline
import TextGraphEntities
import TextGraphInput
import TextGraphOutput
import TextGraphParliament
import TextGraphRelations
import TextGraphSegmentation

extension TextGraphPipeline {
    /// The standard analysis stages, in order: what the standard pipeline does to a document
    /// between the reader and the graph, as a list a user can change by stage type.
    ///
    /// ```
    /// Tokenizer ─▶ SentenceSplitter ─▶ DocumentNumberTagger ─▶ DateTagger ─▶ GazetteerTagger
    ///   ─▶ AbbreviationDefinitionTagger ─▶ EntityLinker ─▶ ArticleReferenceTagger
    ///   ─▶ EntityRecognizer (unless options.recognizesNames is off)
    ///   ─▶ CapitalizedSpanTagger (with options.unlinkedNames)
    ///   ─▶ ParliamentaryStructureTagger ─▶ CoOccurrenceExtractor
    /// ```
    ///
    /// Insert, replace or remove stages by type, then build the pipeline with
    /// ``make(options:stages:)``, ``make(options:stages:encodingAs:)`` or
    /// ``makeAnalysis(options:stages:)``, which check the order of the final list:
    ///
    /// ```swift
    /// let stages = try TextGraphPipeline.standardStages(gazetteer: gazetteer)
    ///     .inserting(CaseNumberTagger(), after: EntityLinker.self)
    /// let pipeline = try TextGraphPipeline.make(stages: stages, encodingAs: [.turtle])
    /// ```
    /// - Parameters:
    ///   - gazetteer: The entities the taggers, the linker and the recognizer know.
    ///   - options: Which optional stages are in the list, and how the recognizer is set.
    /// - Returns: The stages, each of its own type (none appears twice).
    /// - Throws: When the recognizer's model cannot be loaded.
    public static func standardStages(gazetteer: Gazetteer, options: Options = Options()) throws -> StageList<Document>
    {
        let matcher = GazetteerMatcher(gazetteer: gazetteer)
        var stages = StageList<Document>()
            .appending(Tokenizer())
            .appending(SentenceSplitter())
            .appending(DocumentNumberTagger())
            .appending(DateTagger())
            .appending(GazetteerTagger(matcher: matcher))
            .appending(AbbreviationDefinitionTagger())
            .appending(EntityLinker(gazetteer: gazetteer))
            .appending(ArticleReferenceTagger())
        if let recognizer = try recognizer(gazetteer: gazetteer, options: options) {
            stages = stages.appending(recognizer)
        }
        if options.unlinkedNames { stages = stages.appending(CapitalizedSpanTagger()) }
        return stages.appending(ParliamentaryStructureTagger()).appending(CoOccurrenceExtractor())
    }

    /// Builds the standard pipeline around a list of analysis stages: the reader, the stages,
    /// and the graph builder.
    /// - Parameters:
    ///   - options: The reader's and the graph's options (give those the list was made with).
    ///   - stages: The analysis stages, such as ``standardStages(gazetteer:options:)`` changed.
    /// - Throws: ``PipelineError`` when a stage requires a layer no stage before it assigns.
    public static func make(options: Options = Options(), stages: StageList<Document>) throws -> Pipeline<
        SourceDocument, GraphFragment
    > {
        try Pipeline {
            reader(options: options)
            stages
            graphBuilder(options: options)
        }
    }

    /// Builds the standard pipeline around a list of analysis stages, ending in the graph
    /// serialized in `formats` (by a ``GraphEncoder``).
    /// - Parameters:
    ///   - options: The reader's and the graph's options (give those the list was made with).
    ///   - stages: The analysis stages, such as ``standardStages(gazetteer:options:)`` changed.
    ///   - formats: The formats each document's graph is written in.
    /// - Throws: ``PipelineError`` when a stage requires a layer no stage before it assigns.
    public static func make(
        options: Options = Options(),
        stages: StageList<Document>,
        encodingAs formats: Set<RDFFormat>
    ) throws -> Pipeline<SourceDocument, EncodedFragment> {
        try Pipeline {
            reader(options: options)
            stages
            graphEncoder(options: options, formats: formats)
        }
    }

    /// Builds the reader and a list of analysis stages, without the graph: for tools that look
    /// at documents rather than write RDF.
    /// - Parameters:
    ///   - options: The reader's options (give those the list was made with).
    ///   - stages: The analysis stages, such as ``standardStages(gazetteer:options:)`` changed.
    /// - Throws: ``PipelineError`` when a stage requires a layer no stage before it assigns.
    public static func makeAnalysis(options: Options = Options(), stages: StageList<Document>) throws -> Pipeline<
        SourceDocument, Document
    > {
        try Pipeline {
            reader(options: options)
            stages
        }
    }

    /// The reader the options describe.
    static func reader(options: Options) -> DocumentReader {
        DocumentReader(options: options.reading, teiPeople: options.teiPeople, teiNotes: options.teiNotes)
    }
}
