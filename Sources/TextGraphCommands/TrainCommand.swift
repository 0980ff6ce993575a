public import ArgumentParser

/// `textgraph train …`: trains the models TextGraph uses.
public struct TrainCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the models TextGraph uses.",
        subcommands: [TrainNERCommand.self, TrainClustersCommand.self]
    )

    public init() {}
}
