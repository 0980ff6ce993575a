import Foundation
import FuzzSupport
import Pipeline
import Stages

// Runs the input through the standard pipeline (read as a text file, or as XML where it opens
// with an XML declaration; tokens, sentences, gazetteer, recognizer, structure, relations) and
// writes the document's graph with ``RDFWriter`` as N-Triples, N-Quads and Turtle, then parses
// each file back with a strict parser and compares:
// - the two roads agree: ``GraphEncoder`` (what `textgraph run` uses) gives the same bytes as
//   ``GraphBuilder``'s ``Triple`` values replayed by ``GraphEncoder/encode(_:formats:)``, for
//   every format, and the same shared lines; and the same again when every body is spilled to a
//   temporary file as it is written;
// - each file is valid (UTF-8, every line or statement well-formed, every IRI absolute and
//   free of forbidden characters even after unescaping);
// - the N-Triples are exactly the graph built in memory (the document's triples and the shared
//   ones, once each), as bytes, so no escaping loses or changes a character;
// - the N-Quads are the same triples, each in the document's graph or (shared ones) in the
//   entities graph; the Turtle gives the same triples, as many;
// - NIF offsets are code points inside the text: the context's `nif:isString` is the document
//   text, and each `nif:anchorOf` is the text between its `nif:beginIndex` and `nif:endIndex`.
// The documents alternate between sentences as offsets and sentences with their text.

@_cdecl("RDFWriterFuzzer_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzEntry.run(argc, argv, testOneInput)
}

/// What is built once: the analysis pipeline over the bundled gazetteer and model, the parsers
/// (checked first), and a folder for the written files.
struct Setup: Sendable {
    let analysis: Pipeline<SourceDocument, Document>
    let directory: String

    init() {
        ParserSelfTest.run()
        do {
            analysis = try TextGraphPipeline.makeAnalysis(
                gazetteer: try Gazetteer.bundled(), options: TextGraphPipeline.Options())
        } catch {
            fatalError("cannot make the standard pipeline: \(error)")
        }
        var template = Array((NSTemporaryDirectory() + "/textgraph-fuzz-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("cannot make a temporary folder")
        }
        directory = String(cString: made)
    }
}

let setup = Setup()
let formats: [(RDFFormat, String)] = [(.nTriples, "nt"), (.nQuads, "nq"), (.turtle, "ttl")]
let nif = Vocabulary.Namespace.nif.iri

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzEntry.bytes(data, size)
    let source = SourceDocument(id: "fuzz/input.txt", content: .bytes(bytes), format: .text)
    guard case .success(let documents) = StageRun.outputs(of: setup.analysis, for: source),
        let document = documents.first
    else {
        return 0  // refused (empty, binary, malformed): the reader fuzzers check refusals
    }
    Invariant.check(documents.count == 1, "the pipeline made \(documents.count) documents")
    LayerChecks.checkDocument(document)

    let builder = GraphBuilder(includeSentences: true, includeSentenceText: size % 2 == 1)
    let encoded: EncodedFragment
    let spilled: EncodedFragment
    do {
        encoded = try GraphEncoder(builder: builder, formats: Set(formats.map(\.0))).encode(document)
        spilled = try GraphEncoder(builder: builder, formats: Set(formats.map(\.0)), spillThreshold: 256).encode(
            document)
    } catch {
        Invariant.check(false, "GraphEncoder failed: \(error)")
        return 0
    }
    let fragment = builder.build(document)
    let reference = GraphEncoder.encode(fragment, formats: Set(formats.map(\.0)))
    for (format, _) in formats {
        Invariant.check(
            encoded.bodies[format] == reference.bodies[format], "GraphEncoder and the Triple road differ in \(format)")
        Invariant.check(spilled.bodies[format] == encoded.bodies[format], "a spilled body differs in \(format)")
    }
    Invariant.check(
        encoded.sharedLines == reference.sharedLines, "GraphEncoder and the Triple road differ in the shared lines")
    Invariant.check(encoded.graph == fragment.graph, "GraphEncoder names another graph")

    var written: [RDFFormat: [UInt8]] = [:]
    for (format, fileExtension) in formats {
        let path = "\(setup.directory)/graph.\(fileExtension)"
        do {
            let writer = try RDFWriter(path: path, format: format)
            try writer.write(encoded)
            try writer.finish()
        } catch {
            fatalError("cannot write \(format): \(error)")
        }
        guard let contents = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path) back") }
        written[format] = Array(contents)
    }

    let nTriples = parse(written[.nTriples]!, "N-Triples") { try NTriplesParser(quads: false).parse($0) }
    let nQuads = parse(written[.nQuads]!, "N-Quads") { try NTriplesParser(quads: true).parse($0) }
    let turtle = parse(written[.turtle]!, "Turtle") { try TurtleSubsetParser().parse($0) }

    // N-Triples: exactly the graph in memory, shared triples once.
    var expected = fragment.triples.map { RDFStatement($0) }
    var seenShared = Set<RDFStatement>()
    for triple in fragment.sharedTriples where seenShared.insert(RDFStatement(triple)).inserted {
        expected.append(RDFStatement(triple))
    }
    let triples = Set(nTriples)
    Invariant.check(
        nTriples.count == expected.count, "N-Triples hold \(nTriples.count) statements, the graph \(expected.count)")
    Invariant.check(triples == Set(expected), "N-Triples differ from the graph: \(difference(nTriples, expected))")
    for statement in nTriples { Invariant.check(statement.graph == nil, "a graph label in N-Triples") }

    // N-Quads: the same triples, each in the right graph.
    Invariant.check(
        nQuads.count == nTriples.count, "N-Quads hold \(nQuads.count) statements, N-Triples \(nTriples.count)")
    Invariant.check(
        Set(nQuads.map(\.triple)) == triples,
        "N-Quads and N-Triples differ: \(difference(nQuads.map(\.triple), nTriples))")
    let documentGraph = RDFTerm.iri(fragment.graph.value)
    let entitiesGraph = RDFTerm.iri(Vocabulary.entitiesGraph.value)
    let own = Set(fragment.triples.map { RDFStatement($0) })
    for quad in nQuads {
        Invariant.check(
            quad.graph == documentGraph || quad.graph == entitiesGraph,
            "a quad in graph \(String(describing: quad.graph))")
        Invariant.check(
            quad.graph == entitiesGraph || own.contains(quad.triple),
            "a shared statement in the document's graph: \(quad)")
        Invariant.check(
            quad.graph == documentGraph || seenShared.contains(quad.triple),
            "a document statement in the entities graph: \(quad)")
    }

    // Turtle: the same triples, as many.
    Invariant.check(
        turtle.count == nTriples.count, "Turtle holds \(turtle.count) statements, N-Triples \(nTriples.count)")
    Invariant.check(Set(turtle) == triples, "Turtle and N-Triples differ: \(difference(turtle, nTriples))")

    checkOffsets(nTriples, text: document.text)
    return 0
}

/// The statements of a written file, or a crash naming the syntax error and the line.
func parse(_ bytes: [UInt8], _ name: String, _ parser: ([UInt8]) throws -> [RDFStatement]) -> [RDFStatement] {
    do {
        return try parser(bytes)
    } catch let error as RDFSyntaxError {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line =
            error.line > 0 && error.line <= lines.count ? String(decoding: lines[error.line - 1], as: UTF8.self) : ""
        fatalError("\(name) output refused: \(error)\n\(line)")
    } catch {
        fatalError("\(name) output refused: \(error)")
    }
}

/// A few statements in one list and not the other, for the crash message.
func difference(_ a: [RDFStatement], _ b: [RDFStatement]) -> String {
    let onlyA = Set(a).subtracting(b).prefix(3)
    let onlyB = Set(b).subtracting(a).prefix(3)
    return "only in the first: \(onlyA.map(\.description)); only in the second: \(onlyB.map(\.description))"
}

/// NIF offsets against the text, in code points.
func checkOffsets(_ statements: [RDFStatement], text: String) {
    let scalars = Array(text.unicodeScalars)
    var begin: [RDFTerm: Int] = [:]
    var end: [RDFTerm: Int] = [:]
    var anchor: [RDFTerm: String] = [:]
    var contexts = 0
    for statement in statements {
        guard case .iri(let predicate) = statement.predicate, predicate.hasPrefix(nif) else { continue }
        switch (predicate.dropFirst(nif.count), statement.object) {
        case ("isString", .literal(let form, _, _)):
            contexts += 1
            Invariant.check(form.utf8.elementsEqual(text.utf8), "nif:isString is not the document text")
        case ("beginIndex", .literal(let form, _, _)): begin[statement.subject] = offset(form)
        case ("endIndex", .literal(let form, _, _)): end[statement.subject] = offset(form)
        case ("anchorOf", .literal(let form, _, _)): anchor[statement.subject] = form
        default: break
        }
    }
    Invariant.check(contexts == 1, "\(contexts) contexts for one document")
    for (subject, b) in begin {
        guard let e = end[subject] else {
            Invariant.check(false, "\(subject) has nif:beginIndex without nif:endIndex")
            return
        }
        Invariant.check(
            0 <= b && b <= e && e <= scalars.count,
            "\(subject): offsets \(b)..<\(e) outside a text of \(scalars.count) code points")
        if let form = anchor[subject] {
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars[b..<e])
            Invariant.check(
                String(expected).utf8.elementsEqual(form.utf8),
                "\(subject): nif:anchorOf is not the text at \(b)..<\(e)")
        }
    }
    Invariant.check(Set(anchor.keys).isSubset(of: begin.keys), "nif:anchorOf without offsets")
}

func offset(_ form: String) -> Int {
    guard let value = Int(form), value >= 0 else { fatalError("NIF offset \"\(form)\" is no non-negative integer") }
    return value
}
