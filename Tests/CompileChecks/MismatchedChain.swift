// Must NOT compile: the second stage takes a Headline, but the first emits a WordCount.
// scripts/check_compile_errors.sh type-checks this file against the built Pipeline module, fails
// if it compiles, and checks that the error names both types. (Not part of any target.)
import Pipeline

struct WordCount: Sendable { var words: Int }
struct Headline: Sendable { var text: String }

struct CountWords: Stage {
    func process(_ input: Document, context: StageContext, emit: (WordCount) async throws -> Void) async throws {
        try await emit(WordCount(words: input.text.split(separator: " ").count))
    }
}

struct Shout: Stage {
    func process(_ input: Headline, context: StageContext, emit: (Headline) async throws -> Void) async throws {
        try await emit(Headline(text: input.text.uppercased()))
    }
}

func make() throws -> Pipeline<Document, Headline> {
    try Pipeline {
        CountWords()
        Shout()
    }
}
