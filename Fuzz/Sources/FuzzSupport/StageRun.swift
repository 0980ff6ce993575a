public import Pipeline
import Stages

/// Runs one stage (or pipeline) on one input, as the CLI's runner does for one document.
public enum StageRun {
    /// The outputs of `stage` for `input`, then those of its `finish`, or the error it threw.
    public static func outputs<S: Stage>(of stage: S, for input: S.Input, documentID: String = "fuzz") -> Result<
        [S.Output], any Error
    > {
        Blocking.run {
            var outputs: [S.Output] = []
            let context = StageContext(documentID: documentID)
            try await stage.process(input, context: context) { outputs.append($0) }
            try await stage.finish(context: context) { outputs.append($0) }
            return outputs
        }
    }
}
