// Must NOT compile: the control for StorePush/main.swift. The same top-level use with a sink
// that is not Sendable is rejected ("sending 'sink' risks causing data races"), which shows that
// the check compiles far enough to see it. (Not part of any target.)
import Pipeline

final class CountingSink {
    var count = 0
    func write(_ document: Document) async { count += 1 }
}

struct Pass: Stage {
    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        try await emit(input)
    }
}

let sink = CountingSink()
let pipeline = try Pipeline<Document, Document> { Pass() }
let summary = try await PipelineRunner().run([Document(id: "d", text: "x")], through: pipeline) { document in
    await sink.write(document)
}
print(summary, sink.count)
