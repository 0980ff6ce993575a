public import ArgumentParser
import Foundation
import Pipeline
public import Render
import Stages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `textgraph render INPUT... --html DIR --dot FILE --svg FILE`: draws the graph of a corpus.
///
/// The inputs are what `run` reads (files, folders, `-`), run through the same pipeline with the
/// same options, or graph files TextGraph wrote (`.nq`, `.nt`), read back with the project's
/// own N-Quads reader. `--html` writes a static site (a page per document and per entity, an
/// index with a search box), one document at a time; `--dot` and `--svg` draw the entity
/// network, whole or filtered by kind, by document or around one entity.
public struct RenderCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph: a static site of documents and entities, and pictures of the entity network.",
        discussion: """
            Inputs are what 'run' reads (with the same options), or graph files TextGraph wrote \
            (.nq, .nt). --html DIR writes a site that opens from the file system; --dot FILE and \
            --svg FILE draw the entity network (co-occurrence and structure relations, weighted by \
            count); --svg needs Graphviz's dot (Debian: apt install graphviz). --type, --document \
            and --around/--depth filter the picture. Exit status: 0 when every document went \
            through, 2 when some failed (the others are drawn), 1 for usage or fatal errors.
            """
    )

    @Argument(help: "Files and directories to read, or graph files (.nq, .nt) TextGraph wrote.")
    public var inputs: [String]

    @Option(name: .long, help: "Write a static HTML site into this folder.")
    public var html: String?

    @Option(name: .long, help: "Write the entity network as Graphviz DOT to this file.")
    public var dot: String?

    @Option(name: .long, help: "Draw the entity network as SVG into this file (needs Graphviz's dot).")
    public var svg: String?

    @Option(name: .long, help: "The site's and the picture's title.")
    public var title: String = "TextGraph"

    @Option(
        name: .long,
        help:
            "Picture only entities of this kind (person, party, government, organization, place, legislation, value, other, or a class such as Country); repeatable."
    )
    public var type: [String] = []

    @Option(name: .long, help: "Picture only the relations found in documents whose id matches this glob; repeatable.")
    public var document: [String] = []

    @Option(
        name: .long,
        help: "Picture only the neighbourhood of this entity (entity/org/nuctech, org/nuctech or a full IRI).")
    public var around: String?

    @Option(name: .long, help: "How many steps from --around the picture reaches.")
    public var depth: Int = 1

    @Option(name: .long, help: "Leave out of the picture the relations seen fewer times than this.")
    public var minWeight: Int = 1

    @OptionGroup public var options: PipelineOptions

    @Option(name: .long, help: "Only read files matching this glob; repeatable.")
    public var include: [String] = []

    @Option(name: .long, help: "Skip files matching this glob; repeatable; wins over --include.")
    public var exclude: [String] = []

    public init() {}

    public func validate() throws {
        if html == nil && dot == nil && svg == nil {
            throw ValidationError("give --html DIR, --dot FILE or --svg FILE")
        }
        if depth < 0 { throw ValidationError("--depth must be at least 0") }
        if minWeight < 1 { throw ValidationError("--min-weight must be at least 1") }
        let graphs = inputs.filter(Self.isGraphFile)
        if !graphs.isEmpty && graphs.count != inputs.count {
            throw ValidationError("give either graph files (.nq, .nt) or documents, not both")
        }
    }

    /// Whether an input is a graph file TextGraph wrote.
    static func isGraphFile(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".nq") || lowered.hasSuffix(".nt")
    }

    /// The picture's filter, from the options.
    public var filter: EntityNetwork.Filter {
        var filter = EntityNetwork.Filter()
        filter.types = type
        filter.around = around.map(EntityNetwork.resolve)
        filter.depth = depth
        filter.minimumWeight = minWeight
        return filter
    }

    /// Whether a document's relations count in the picture.
    func picturesDocument(_ id: String) -> Bool {
        document.isEmpty || document.contains { fnmatch($0, id, 0) == 0 }
    }

    public func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        var siteOptions = SiteRenderer.Options()
        siteOptions.title = title
        var failed = 0
        let site: SiteRenderer
        do {
            site = try SiteRenderer(directory: html, options: siteOptions)
            if inputs.allSatisfy(Self.isGraphFile) {
                for input in inputs {
                    let entities = try GraphDocumentReader(path: input).read {
                        try site.add($0, inNetwork: picturesDocument($0.id))
                    }
                    for entity in entities { site.describe(entity) }
                }
            } else {
                failed = try await renderDocuments(into: site)
            }
            let summary = try site.finish()
            try drawNetwork(of: site)
            if !options.quiet {
                let seconds =
                    Double((clock.now - started).components.seconds) + Double(
                        (clock.now - started).components.attoseconds) / 1e18
                var line =
                    "rendered \(summary.documents) documents and \(summary.entities) entities in \(String(format: "%.2f", seconds)) s"
                if let html { line += "; wrote \(summary.pages) files into \(html)" }
                Console.info(
                    line
                        + ([dot, svg].compactMap { $0 }.isEmpty
                            ? "" : "; drew " + [dot, svg].compactMap { $0 }.joined(separator: " and ")))
            }
        } catch let error as RenderError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as PipelineError {
            Console.error(error.description)
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(2) }
    }

    /// Runs the documents through the pipeline into the site, in input order; returns how many failed.
    func renderDocuments(into site: SiteRenderer) async throws -> Int {
        let analysis = try options.analysisPipeline()
        // Pages are made in the pipeline, in parallel; the site only writes them, in input order.
        let preparer = PagePreparer(options: site.options, pages: site.directory != nil)
        let pipeline = try Pipeline {
            analysis
            preparer
        }
        let sources = try options.corpus(inputs, include: include, exclude: exclude)
        let runner = PipelineRunner(configuration: .init(jobs: options.jobCount, memoryBudget: options.memoryBudget))
        let summary = try await runner.run(sources, through: pipeline) { prepared in
            try site.add(prepared, inNetwork: picturesDocument(prepared.view.id))
        } completed: { item, _ in
            if let failure = item.failure { Console.error(failure.description) }
        }
        return summary.failures.count
    }

    /// Writes the DOT and the SVG of the (filtered) network.
    func drawNetwork(of site: SiteRenderer) throws {
        guard dot != nil || svg != nil else { return }
        let filter = filter
        let network = try site.network.filtered(filter, catalog: site.catalog)
        var pictureTitle = title
        if let center = filter.around {
            pictureTitle +=
                ": around \(site.catalog.records[center]?.name ?? center.value), \(filter.depth) step\(filter.depth == 1 ? "" : "s")"
        }
        func source(for file: String) -> String {
            network.dot(
                catalog: site.catalog, title: pictureTitle,
                link: { iri in
                    html.map { Self.relativePath(from: file, to: $0 + "/" + SiteLayout.entityPath(iri)) }
                }, highlight: filter.around.map { [$0] } ?? [])
        }
        if let dot { try write(Data(source(for: dot).utf8), to: dot) }
        if let svg { try write(try Graphviz.svg(dot: source(for: svg)), to: svg) }
    }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw RenderError(.output, "cannot write \(path): \(error.localizedDescription)", cause: error)
        }
    }

    /// The path of `target` as seen from the folder of the file `from`.
    static func relativePath(from file: String, to target: String) -> String {
        let base = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().pathComponents
        let goal = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < base.count, common < goal.count, base[common] == goal[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + goal[common...]).joined(separator: "/")
    }
}
