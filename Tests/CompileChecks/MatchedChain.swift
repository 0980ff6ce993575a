// Must compile: the control for MismatchedChain.swift (each stage takes what the one before emits).
import Pipeline

struct Counts: Stage {
    func process(_ input: Document, context: StageContext, emit: (Int) async throws -> Void) async throws {
        try await emit(input.utf8Count)
    }
}

struct Describe: Stage {
    func process(_ input: Int, context: StageContext, emit: (String) async throws -> Void) async throws {
        try await emit("\(input) bytes")
    }
}

func make() throws -> Pipeline<Document, String> {
    try Pipeline {
        Counts()
        Describe()
    }
}
