// Must compile as the top-level code of a Swift 6 program: the README's "push to a graph store
// from code". scripts/check_compile_errors.sh compiles it to SIL, where Swift 6 checks what
// crosses isolation ("sending 'store' risks causing data races" for a sink that is not
// Sendable); ReadmeExampleTests checks that the README shows the region verbatim.
// (Not part of any target.)
// README: begin library-push
import Pipeline
import Stages

let gazetteer = try Gazetteer.bundled()
let pipeline = try TextGraphPipeline.make(gazetteer: gazetteer, encodingAs: [.nTriples])
let store = try GraphStoreSink(endpoint: "http://127.0.0.1:7878/store")
let runner = PipelineRunner(configuration: .init(jobs: 4))
let summary = try await runner.run(try CorpusSource(inputs: ["corpus"]), through: pipeline) { fragment in
    try await store.write(fragment)  // replaces the document's named graph
}
try await store.finish()  // adds the entity descriptions
print(summary)
// README: end library-push
