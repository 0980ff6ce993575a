// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for TextGraph: a package of its own, so that the main package's build and
// products stay untouched. Build it instrumented (see README.md):
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
// The main package is a path dependency; its identity is the name of its folder (a checkout may
// be called anything), so it is read from the folder this manifest is in.
let mainPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "TextGraph"

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// One fuzz target: an executable whose entry (`<name>_main`) hands libFuzzer the test function.
///
/// In a release build SwiftPM compiles an executable module on Linux with its entry point renamed
/// to `<name>_main` and links it with `main` defined as that symbol. Without `-parse-as-library`
/// the file's top-level declarations would make the compiler write that entry itself; with it,
/// the target defines `<name>_main` with `@_cdecl` and calls `LLVMFuzzerRunDriver`. A debug build
/// links libFuzzer's own `main`, which calls `LLVMFuzzerTestOneInput`; each target defines that
/// too.
func fuzzer(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + dependencies,
        swiftSettings: upcomingFeatures + [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "TextGraphFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // The libFuzzer driver's entry point (libclang_rt.fuzzer ships with the Swift toolchain).
        .systemLibrary(name: "CLibFuzzer"),
        // What the targets share: running a stage synchronously, invariant checks, and strict
        // parsers of the RDF TextGraph writes (test support, not a product).
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CLibFuzzer",
                .product(name: "Pipeline", package: mainPackage),
                .product(name: "Stages", package: mainPackage),
            ],
            swiftSettings: upcomingFeatures
        ),
        fuzzer(
            "XMLReaderFuzzer",
            [.product(name: "Stages", package: mainPackage), .product(name: "Pipeline", package: mainPackage)]),
        fuzzer(
            "TextDecoderFuzzer",
            [.product(name: "Stages", package: mainPackage), .product(name: "Pipeline", package: mainPackage)]),
        fuzzer(
            "TokenizerFuzzer",
            [.product(name: "Stages", package: mainPackage), .product(name: "Pipeline", package: mainPackage)]),
        fuzzer(
            "GazetteerFuzzer",
            [.product(name: "Stages", package: mainPackage), .product(name: "Pipeline", package: mainPackage)]),
        fuzzer(
            "RDFWriterFuzzer",
            [.product(name: "Stages", package: mainPackage), .product(name: "Pipeline", package: mainPackage)]),
    ]
)
