// Must NOT compile: `try Pipeline { … }` with nothing to say its types (no return type, no
// annotation), and stages that do not fit: the second takes a Headline, the first emits a
// WordCount. The error must name both types, not a closure type caught by another initializer.
// scripts/check_compile_errors.sh type-checks it. (Not part of any target.)
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

func make() throws {
    let pipeline = try Pipeline {
        CountWords()
        Shout()
    }
    _ = pipeline
}
