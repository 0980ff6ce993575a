// swift-tools-version:6.0
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "TextGraph",
    products: [
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Stages", targets: ["Stages"]),
        .library(name: "TextGraphSupport", targets: ["TextGraphSupport"]),
        .library(name: "TextGraphInput", targets: ["TextGraphInput"]),
        .library(name: "TextGraphSegmentation", targets: ["TextGraphSegmentation"]),
        .library(name: "TextGraphEntities", targets: ["TextGraphEntities"]),
        .library(name: "TextGraphRelations", targets: ["TextGraphRelations"]),
        .library(name: "TextGraphParliament", targets: ["TextGraphParliament"]),
        .library(name: "TextGraphOutput", targets: ["TextGraphOutput"]),
        .library(name: "TextGraphEvaluation", targets: ["TextGraphEvaluation"]),
        .library(name: "PipelineTesting", targets: ["PipelineTesting"]),
        .library(name: "Render", targets: ["Render"]),
        .executable(name: "textgraph", targets: ["textgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2")
    ],
    targets: [
        // The core: document model, stage protocol, composition, streaming runner. It knows no domain:
        // the parliamentary, gold and RDF types live in the role modules of Sources/Stages.
        .target(name: "Pipeline", swiftSettings: upcomingFeatures),
        // libxml2, wrapped as ZIPFoundation wraps zlib. The shim header avoids the ICU clash (DESIGN.md).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // glibc's mallopt, for the command line's allocator settings.
        .systemLibrary(name: "CMallocTuning"),
        // The built-in stages, one module per role, from the bottom up (README, "Products"): each
        // module uses only the roles below it, so the module graph is the data flow.
        // Support: errors, byte searches, RDF terms and the vocabulary, bundled resources.
        .target(
            name: "TextGraphSupport",
            dependencies: ["Pipeline"],
            path: "Sources/Stages/Support",
            swiftSettings: upcomingFeatures
        ),
        // Input: corpus sources, the readers of text and XML (libxml2), page furniture, gold layers.
        .target(
            name: "TextGraphInput",
            dependencies: ["Pipeline", "TextGraphSupport", "CLibXML2"],
            path: "Sources/Stages/Input",
            swiftSettings: upcomingFeatures
        ),
        // Text: sentences and tokens, with the abbreviation lists they need.
        .target(
            name: "TextGraphSegmentation",
            dependencies: ["Pipeline", "TextGraphSupport", "TextGraphInput"],
            path: "Sources/Stages/Segmentation",
            resources: [.copy("Resources")],
            swiftSettings: upcomingFeatures
        ),
        // Entities: taggers, the recognizer and its model, gazetteers and their importers, the linker.
        .target(
            name: "TextGraphEntities",
            dependencies: ["Pipeline", "TextGraphSupport", "TextGraphInput", "TextGraphSegmentation"],
            path: "Sources/Stages/Entities",
            resources: [.copy("Resources")],
            swiftSettings: upcomingFeatures
        ),
        // Relations between entities.
        .target(
            name: "TextGraphRelations",
            dependencies: ["Pipeline", "TextGraphSupport", "TextGraphEntities"],
            path: "Sources/Stages/Relations",
            swiftSettings: upcomingFeatures
        ),
        // The parliament domain: questions and answers, askers and offices, running heads.
        .target(
            name: "TextGraphParliament",
            dependencies: [
                "Pipeline", "TextGraphSupport", "TextGraphInput", "TextGraphEntities", "TextGraphRelations",
            ],
            path: "Sources/Stages/Parliament",
            swiftSettings: upcomingFeatures
        ),
        // Output: the graph contributors and the RDF serializations, files and graph stores.
        .target(
            name: "TextGraphOutput",
            dependencies: [
                "Pipeline", "TextGraphSupport", "TextGraphInput", "TextGraphEntities", "TextGraphRelations",
                "TextGraphParliament",
            ],
            path: "Sources/Stages/Output",
            swiftSettings: upcomingFeatures
        ),
        // The standard pipeline, and the one module a user imports to get every role (it re-exports them).
        .target(
            name: "Stages",
            dependencies: [
                "Pipeline", "TextGraphSupport", "TextGraphInput", "TextGraphSegmentation", "TextGraphEntities",
                "TextGraphRelations", "TextGraphParliament", "TextGraphOutput",
            ],
            exclude: [
                "Support", "Input", "Segmentation", "Entities", "Relations", "Parliament", "Output", "Evaluation",
            ],
            swiftSettings: upcomingFeatures
        ),
        // Evaluation: gold corpora and scores, for `textgraph eval`.
        .target(
            name: "TextGraphEvaluation",
            dependencies: ["Pipeline", "TextGraphSupport", "TextGraphInput"],
            path: "Sources/Stages/Evaluation",
            swiftSettings: upcomingFeatures
        ),
        // Pictures of the graph: static HTML pages of documents and entities, the entity network as
        // DOT and SVG. A module of its own: presentation is no stage of the pipeline, and it
        // needs no libxml2 of its own.
        .target(name: "Render", dependencies: ["Pipeline", "Stages"], swiftSettings: upcomingFeatures),
        // The test harness for one stage, the analogue of NIO's EmbeddedChannel.
        .target(name: "PipelineTesting", dependencies: ["Pipeline"], swiftSettings: upcomingFeatures),
        // The command-line interface, as a library so that its parsing can be unit-tested.
        .target(
            name: "TextGraphCommands",
            dependencies: [
                "Pipeline", "Stages", "Render", "TextGraphEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "textgraph",
            dependencies: ["TextGraphCommands", "CMallocTuning"],
            swiftSettings: upcomingFeatures
        ),
        // The README's program from files to Turtle, built and run by the tests
        // (LibraryExampleTests), so that the README's library section cannot drift.
        .executableTarget(
            name: "LibraryExample",
            dependencies: ["Pipeline", "Stages"],
            path: "Examples/LibraryExample",
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "PipelineTesting"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "StagesTests",
            dependencies: [
                "Pipeline", "PipelineTesting", "Stages", "TextGraphEvaluation", "TextGraphSupport", "TextGraphInput",
                "TextGraphSegmentation", "TextGraphEntities", "TextGraphRelations", "TextGraphParliament",
                "TextGraphOutput",
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "RenderTests",
            dependencies: ["Render", "Pipeline", "Stages", "TextGraphCommands"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TextGraphCommandsTests",
            dependencies: ["TextGraphCommands", "Pipeline", "Stages", "TextGraphEvaluation"],
            swiftSettings: upcomingFeatures
        ),
    ]
)
