// Must NOT compile: the second stage takes String, but the first emits Int.
// scripts/check_compile_errors.sh type-checks this file against the built Pipeline module and
// fails if it compiles. (Not part of any target.)
import Pipeline

struct Counts: Stage {
    func process(_ input: Document, context: StageContext, emit: (Int) async throws -> Void) async throws {
        try await emit(input.utf8Count)
    }
}

struct Shout: Stage {
    func process(_ input: String, context: StageContext, emit: (String) async throws -> Void) async throws {
        try await emit(input.uppercased())
    }
}

func make() throws -> Pipeline<Document, String> {
    try Pipeline {
        Counts()
        Shout()
    }
}
