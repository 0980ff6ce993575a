// swift-tools-version:6.0
import PackageDescription

// A user's own package: a custom layer, a stage that fills it, and the statements it adds to the
// graph, inserted into TextGraph's standard pipeline. It depends on TextGraph by path, as a
// package in another repository would by URL (`.package(url: …, from: "0.1.0")`).
let package = Package(
    name: "CustomStage",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "TextGraph", path: "../..")],
    targets: [
        .executableTarget(
            name: "custom-stage",
            dependencies: [
                .product(name: "Pipeline", package: "TextGraph"),
                .product(name: "Stages", package: "TextGraph"),
            ],
            path: "Sources/CustomStage"
        )
    ]
)
