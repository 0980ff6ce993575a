public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph gazetteer merge --curated FILE... --output-dir DIR LAYER...`: reconciles gazetteers
/// from several sources into one set of entities, the curated lists winning.
public struct GazetteerMergeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Reconcile gazetteer layers beneath curated lists, so that each real-world entity is one node.",
        discussion: """
            The layers are taken in order, each beneath the curated files and the layers before it \
            (Gazetteer.reconciling): an entry whose label is the name of exactly one entity of the \
            same kind above it takes that entity's IRI, so the two combine into one node when \
            loaded. Each layer is written to DIR under its own file name, to be loaded after the \
            curated files in that order (the bundled gazetteer loads Resources/Gazetteer/Reference \
            in name order). A layer named with --noisy loses the names that layers above it \
            already use, instead of sharing them.
            """
    )

    @Option(name: .long, help: "The curated gazetteers, which win (repeatable).")
    public var curated: [String] = []

    @Option(name: .long, help: "The folder the reconciled layers are written to.")
    public var outputDir: String

    @Option(name: .long, help: "A layer whose names already used above it are dropped (repeatable).")
    public var noisy: [String] = []

    @Argument(help: "The layers, highest first.")
    public var layers: [String]

    public init() {}

    public func run() throws {
        do {
            var above = try curated.reduce(Gazetteer()) { $0.combining(try Gazetteer.load(path: $1)) }
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            for layer in layers {
                let loaded = try Gazetteer.load(path: layer)
                let reconciled = above.reconciling(loaded, collidingNames: noisy.contains(layer) ? .drop : .keep)
                let name = URL(fileURLWithPath: layer).lastPathComponent
                let comments =
                    try Self.comments(of: layer) + [
                        "Reconciled by textgraph gazetteer merge beneath \(curated.count) curated file(s) and the layers before it."
                    ]
                try Data(try reconciled.tsv(comments: comments).utf8)
                    .write(to: URL(fileURLWithPath: outputDir).appendingPathComponent(name), options: .atomic)
                Console.info("\(name): \(loaded.count) entries, \(reconciled.count) after reconciling")
                above = above.combining(reconciled)
            }
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as CocoaError {
            Console.error("cannot write to \(outputDir): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    /// The `#` comment lines at the top of a gazetteer file, without their `# `.
    static func comments(of path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").prefix { $0.hasPrefix("#") }.map {
            String($0.dropFirst().drop(while: { $0 == " " }))
        }
    }
}
