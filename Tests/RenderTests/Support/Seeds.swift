import Foundation
import Pipeline
import Render
import Stages

/// The seed documents of `corpus/`, run once through the standard pipeline.
enum Seeds {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus folder.
    static var corpus: String { packageRoot.appendingPathComponent("corpus").path }

    /// The seed documents, annotated as `textgraph render corpus` annotates them.
    static func documents() async throws -> [Document] {
        let pipeline = try TextGraphPipeline.makeAnalysis(gazetteer: try Gazetteer.bundled())
        var documents: [Document] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: 2)).run(
            try CorpusSource(inputs: [corpus]), through: pipeline
        ) {
            documents.append($0)
        }
        precondition(summary.isClean, "the seeds did not go through: \(summary)")
        return documents
    }

    /// A site gatherer (no pages) that has seen the seeds.
    static func gathered() async throws -> SiteRenderer {
        let site = try SiteRenderer(directory: nil)
        for document in try await documents() { try site.add(document) }
        try site.finish()
        return site
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textgraph-render-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// Entity IRIs of the seeds.
enum SeedEntities {
    static let nuctech = IRI("https://w3id.org/textgraph/entity/org/nuctech")
    static let china = IRI("https://w3id.org/textgraph/entity/country/cn")
    static let belgium = IRI("https://w3id.org/textgraph/entity/country/be")
    static let kaag = IRI("https://w3id.org/textgraph/entity/person/sigrid-kaag")
}
