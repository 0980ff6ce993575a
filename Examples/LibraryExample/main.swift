// The README's "Use TextGraph as a library" program: `LibraryExample OUTPUT.ttl INPUT...` writes
// the graph of the inputs (files and folders, as `textgraph run` takes them) in Turtle.
// LibraryExampleTests runs it and compares its graph with `textgraph run`'s; ReadmeExampleTests
// checks that the README shows the region verbatim.
// README: begin library-turtle
import Pipeline
import Stages

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fatalError("usage: LibraryExample OUTPUT.ttl INPUT...") }
let pipeline = try TextGraphPipeline.make(gazetteer: try Gazetteer.bundled(), encodingAs: [.turtle])
let writer = try RDFWriter(path: arguments[0], format: .turtle)
let runner = PipelineRunner(configuration: .init(jobs: 4))
let corpus = try CorpusSource(inputs: Array(arguments.dropFirst()))
let summary = try await runner.run(corpus, through: pipeline) { fragment in
    try writer.write(fragment)  // in input order, whatever the number of jobs
}
try writer.finish()  // the entity descriptions, then the file is renamed into place
print(summary)
// README: end library-turtle
