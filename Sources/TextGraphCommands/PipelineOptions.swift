public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// The options that shape the pipeline, shared by `run` and `pipe`.
public struct PipelineOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "How many documents to process at once (default: the number of cores).")
    public var jobs: Int?

    @Option(name: .long, help: "A gazetteer file (TSV) to use besides the bundled one; repeatable.")
    public var gazetteer: [String] = []

    @Flag(name: .long, help: "Do not load the bundled gazetteer.")
    public var noDefaultGazetteer = false

    @Flag(name: .long, help: "Do not write sentences to the graph.")
    public var noSentences = false

    @Flag(name: .long, help: "Give sentences their text (nif:anchorOf) besides their offsets.")
    public var sentenceText = false

    @Option(name: .long, help: "The namespace of document IRIs.")
    public var base: String = Document.defaultBase

    @Option(name: .long, help: "The largest document to read, in bytes.")
    public var maxDocumentSize: Int = 64 << 20

    @Option(name: .long, help: "A TEI person list (listPerson) that names the speakers of TEI documents.")
    public var teiPersons: String?

    @Flag(name: .long, help: "Keep TEI notes (speaker labels, stage directions, times) as text.")
    public var teiNotes = false

    @Flag(
        name: .long,
        help: "Read text files that are not UTF-8 as Windows-1252 (with a warning) instead of failing them.")
    public var windows1252Fallback = false

    @Flag(
        name: .long,
        help: "Keep capitalized names that neither a gazetteer nor the entity model knows as unlinked mentions.")
    public var unlinkedNames = false

    @Flag(name: .long, help: "Do not recognize names with the trained entity model (only gazetteers find entities).")
    public var noModel = false

    @Option(name: .long, help: "An entity model file to use instead of the bundled one.")
    public var model: String?

    @Option(name: .long, help: "Leave out names the entity model is less sure of (0 to 1).")
    public var minNameConfidence: Double = EntityRecognizer.defaultMinimumConfidence

    @Flag(
        name: .long,
        help: "Follow symbolic links inside the named directories (a link back to a directory being walked is refused)."
    )
    public var followSymlinks = false

    @Option(
        name: .long,
        help:
            "The directory that files named by JSON lines on standard input (\"path\") are read from; without it such lines fail."
    )
    public var root: String?

    @Option(
        name: .long,
        help:
            "The memory the documents in flight may take together, such as 2G or 800M, or 'off'; a document that needs more fails alone, with the reason (default: four fifths of what physical memory, the cgroup and ulimit -v leave)."
    )
    public var maxMemory: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    public var quiet = false

    public init() {}

    public func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxDocumentSize < 1 { throw ValidationError("--max-document-size must be at least 1") }
        if let problem = Self.problem(withBase: base) {
            throw ValidationError("--base \(base.debugDescription): \(problem)")
        }
        if !(0...1).contains(minNameConfidence) {
            throw ValidationError("--min-name-confidence must be between 0 and 1")
        }
        if noModel && model != nil { throw ValidationError("--no-model and --model exclude each other") }
        if let maxMemory, maxMemory != "off", SystemMemory.parseSize(maxMemory) == nil {
            throw ValidationError(
                "--max-memory \(maxMemory.debugDescription): give a size such as 800M, 2G or 1.5G, or 'off'")
        }
    }

    /// The number of documents processed at once.
    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The memory budget of a run: `--max-memory`, else what the system's limits leave (call it
    /// after the pipeline is made, so that what the gazetteer and model take is counted).
    var memoryBudget: MemoryBudget? {
        switch maxMemory {
        case "off": nil
        case let size?: SystemMemory.parseSize(size).map(SystemMemory.budget(bytes:))
        case nil: SystemMemory.defaultBudget()
        }
    }

    /// The standard pipeline these options describe, ending in RDF encoded in `formats`; a
    /// document's graph too large to keep in memory goes to a temporary file in
    /// `temporaryDirectory` (`nil`: `$TMPDIR`, else `/tmp`).
    func pipeline(formats: Set<RDFFormat>, temporaryDirectory: String? = nil) throws -> Pipeline<
        SourceDocument, EncodedFragment
    > {
        var (gazetteer, options) = try standardOptions()
        options.temporaryDirectory = temporaryDirectory
        // Serializing happens in the pipeline, in parallel; the writers only copy bytes.
        return try TextGraphPipeline.make(gazetteer: gazetteer, options: options, encodingAs: formats)
    }

    /// The standard pipeline these options describe, up to the annotated documents (for `render`).
    func analysisPipeline() throws -> Pipeline<SourceDocument, Document> {
        let (gazetteer, options) = try standardOptions()
        return try TextGraphPipeline.makeAnalysis(gazetteer: gazetteer, options: options)
    }

    /// The gazetteer and the pipeline's options these options describe.
    private func standardOptions() throws -> (Gazetteer, TextGraphPipeline.Options) {
        var gazetteerData = noDefaultGazetteer ? Gazetteer() : try Gazetteer.bundled()
        for path in gazetteer { gazetteerData = gazetteerData.combining(try Gazetteer.load(path: path)) }
        var options = TextGraphPipeline.Options()
        options.documentBase = base
        options.maximumDocumentBytes = maxDocumentSize
        options.includeSentences = !noSentences
        options.includeSentenceText = sentenceText
        options.teiNotes = teiNotes
        options.windows1252Fallback = windows1252Fallback
        options.unlinkedNames = unlinkedNames
        options.recognizesNames = !noModel
        options.entityModel = try model.map(NamedEntityModel.load(path:))
        options.minimumNameConfidence = minNameConfidence
        if let teiPersons { options.teiPeople = try TEIPersonList.load(path: teiPersons) }
        return (gazetteerData, options)
    }

    /// A fingerprint of the options that change the graph, for resuming only what is the same run.
    var fingerprint: String {
        [
            gazetteer.joined(separator: ","), String(noDefaultGazetteer), String(noSentences), String(sentenceText),
            base,
            String(maxDocumentSize),
            teiPersons ?? "", String(teiNotes), String(windows1252Fallback), String(unlinkedNames),
            String(noModel), model ?? "", String(minNameConfidence), String(followSymlinks), root ?? "",
        ].joined(separator: "|")
    }

    /// What is wrong with a namespace for document IRIs, or `nil`: it must be an absolute IRI
    /// ending in `/` or `#` (``IRI/problem(in:absolute:)``), so that every IRI made from it is valid RDF.
    static func problem(withBase base: String) -> String? {
        if let problem = IRI.problem(in: base, absolute: true) { return problem }
        guard base.hasSuffix("/") || base.hasSuffix("#") else {
            return "must end in / or #, so that document ids append to it"
        }
        return nil
    }

    /// The documents of the inputs, walked as these options say.
    func corpus(_ inputs: [String], include: [String], exclude: [String]) throws -> CorpusSource {
        // A JSON line may escape every byte of its text as \uXXXX: six bytes each, and some room.
        let (longest, overflow) = maxDocumentSize.multipliedReportingOverflow(by: 6)
        return try CorpusSource(
            inputs: inputs, include: include, exclude: exclude, followSymlinks: followSymlinks, root: root,
            maximumLineLength: overflow ? Int.max / 2 : longest + 4096
        )
    }
}
