public import ArgumentParser

/// `textgraph gazetteer …`: makes, checks and measures gazetteers.
public struct GazetteerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Import, check and measure gazetteers (the TSV entity lists).",
        subcommands: [
            GazetteerImportCommand.self, GazetteerMergeCommand.self, GazetteerCompileCommand.self,
            GazetteerCheckCommand.self, GazetteerBenchCommand.self,
        ]
    )

    public init() {}
}
