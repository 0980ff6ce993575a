public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph gazetteer compile [FOLDER]`: compiles a bundled-gazetteer folder (curated `*.tsv`,
/// `Reference/*.tsv`) into the binary file that makes loading fast.
public struct GazetteerCompileCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile the bundled gazetteer's TSV files into the binary file a run loads quickly.",
        discussion: """
            Reads the folder as the bundled gazetteer is read (the curated *.tsv files, then \
            Reference/*.tsv), indexes it, and writes FOLDER/\(CompiledGazetteer.fileName): the \
            entries and the matcher's index, with a hash of the TSV files. A run uses the compiled \
            file only while that hash matches, so a TSV file edited by hand is read as it is until \
            the next compile. scripts/build-gazetteers.sh runs this.
            """
    )

    @Argument(help: "The gazetteer folder.")
    public var folder: String = "Sources/Stages/Entities/Resources/Gazetteer"

    public init() {}

    public func run() throws {
        do {
            let directory = URL(fileURLWithPath: folder)
            let gazetteer = try Gazetteer.bundled(in: directory, compiled: false)
            let matcher = GazetteerMatcher(gazetteer: gazetteer, tokenizer: Tokenizer())
            let hash = try Gazetteer.sourceHash(in: directory)
            let data = CompiledGazetteer.data(of: gazetteer, matcher: matcher, sourceHash: hash)
            let output = directory.appendingPathComponent(CompiledGazetteer.fileName)
            try data.write(to: output, options: .atomic)
            Console.info(
                "compiled \(gazetteer.count) entries and \(matcher.aliasCount) names into \(output.path) (\(data.count) bytes)"
            )
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as CocoaError {
            Console.error("cannot write the compiled gazetteer in \(folder): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
