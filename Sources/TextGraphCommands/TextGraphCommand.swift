public import ArgumentParser

/// The `textgraph` command: turns document corpora into knowledge graphs.
public struct TextGraphCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "textgraph",
        abstract: "Turn document corpora into knowledge graphs (RDF).",
        discussion: """
            Reads TXT documents, splits Dutch sentences and tokens, tags and links entities, and \
            writes a NIF 2.0 knowledge graph as N-Triples, N-Quads or Turtle.
            """,
        subcommands: [
            RunCommand.self, PipeCommand.self, RenderCommand.self, EvalCommand.self, GazetteerCommand.self,
            TrainCommand.self,
        ],
        defaultSubcommand: nil
    )

    public init() {}
}

extension TextGraphCommand {
    /// Parses the arguments, runs the chosen command, and returns the exit status: 0 for success,
    /// 2 when some documents failed, 1 for usage errors and fatal errors (where ArgumentParser
    /// would say 64). Messages go to standard error, help to standard output.
    public static func execute(_ arguments: [String]? = nil) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { Console.plain(message) }
            return code == .validationFailure ? 1 : code.rawValue
        }
    }
}
