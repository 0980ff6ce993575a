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
        // the parliamentary, gold and RDF types live in Stages.
        .target(name: "Pipeline", swiftSettings: upcomingFeatures),
        // libxml2, wrapped as ZIPFoundation wraps zlib. The shim header avoids the ICU clash (DESIGN.md).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // glibc's mallopt, for the command line's allocator settings.
        .systemLibrary(name: "CMallocTuning"),
        // The built-in stages: readers, segmentation, entities, graph building, RDF writers. Its folders are
        // roles in layers (README, "Products"; scripts/check_layers.py).
        .target(
            name: "Stages",
            dependencies: ["Pipeline", "CLibXML2"],
            exclude: ["Evaluation"],
            resources: [.copy("Resources")],
            swiftSettings: upcomingFeatures
        ),
        // The evaluation role of Stages as a module of its own: gold corpora and scores, for
        // `textgraph eval`. The first role split out of Stages (README, "Products").
        .target(
            name: "TextGraphEvaluation",
            dependencies: ["Pipeline", "Stages"],
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
            dependencies: ["Pipeline", "PipelineTesting", "Stages", "TextGraphEvaluation"],
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
