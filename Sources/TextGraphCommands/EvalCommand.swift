public import ArgumentParser

/// `textgraph eval …`: measures TextGraph against gold annotations.
public struct EvalCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate TextGraph against gold annotations.",
        subcommands: [
            EvalSentencesCommand.self, EvalNERCommand.self, SegmentSpeedCommand.self, ReadSpeedCommand.self,
            StageSpeedCommand.self,
        ]
    )

    public init() {}
}
