// Must compile: the control for MismatchedChain.swift and MismatchedChainUntyped.swift (each
// stage takes what the one before emits), in both forms.
import Pipeline

struct WordCount: Sendable { var words: Int }
struct Headline: Sendable { var text: String }

struct CountWords: Stage {
    func process(_ input: Document, context: StageContext, emit: (WordCount) async throws -> Void) async throws {
        try await emit(WordCount(words: input.text.split(separator: " ").count))
    }
}

struct Describe: Stage {
    func process(_ input: WordCount, context: StageContext, emit: (Headline) async throws -> Void) async throws {
        try await emit(Headline(text: "\(input.words) words"))
    }
}

func make() throws -> Pipeline<Document, Headline> {
    try Pipeline {
        CountWords()
        Describe()
    }
}

func makeUntyped() throws {
    let pipeline = try Pipeline {
        CountWords()
        Describe()
    }
    _ = pipeline
}
