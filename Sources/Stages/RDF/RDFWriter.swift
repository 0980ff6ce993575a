#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Pipeline

/// Writes graph fragments as N-Triples, N-Quads or Turtle, streaming, to a file or to standard
/// output.
///
/// A file is written under a temporary name (`FILE.partial`) and renamed when ``finish()``
/// succeeds, so an output file that exists is complete. Nothing of the corpus' graph is held in
/// memory but the set of shared triples (entity descriptions) already written, which grows with
/// the number of distinct entities, not with the corpus.
///
/// ```swift
/// let writer = try RDFWriter(path: "graph.ttl", format: .turtle)
/// try writer.write(fragment)
/// try writer.finish()
/// ```
public final class RDFWriter: GraphSink {
    /// The format written.
    public let format: RDFFormat
    private let path: String?
    private let temporaryPath: String?
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let encoder: RDFEncoder
    private var writtenShared = Set<Triple>()
    private var finished = false

    /// Opens a file for writing (under a temporary name until ``finish()``); `-` means standard output.
    public init(path: String, format: RDFFormat) throws {
        self.format = format
        encoder = RDFEncoder(prefixes: format == .turtle ? Vocabulary.prefixes : [])
        if path == "-" {
            self.path = nil
            temporaryPath = nil
            file = fdopen(STDOUT_FILENO, "wb")
        } else {
            self.path = path
            let temporary = path + ".partial"
            temporaryPath = temporary
            guard let handle = fopen(temporary, "wb") else {
                throw StageError(.output, "cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            file = handle
        }
        buffer.reserveCapacity(1 << 20)
        if format == .turtle {
            for (prefix, namespace) in Vocabulary.prefixes {
                buffer.append(contentsOf: "@prefix \(prefix): <\(namespace)> .\n".utf8)
            }
        }
    }

    deinit {
        if !finished, let file, let temporaryPath {
            fclose(file)
            unlink(temporaryPath)
        }
    }

    /// Writes one document's fragment.
    public func write(_ fragment: GraphFragment) throws {
        precondition(!finished, "write after finish")
        let shared = fragment.sharedTriples.filter { writtenShared.insert($0).inserted }
        switch format {
        case .nTriples:
            for triple in fragment.triples + shared { appendStatement(triple, graph: nil) }
        case .nQuads:
            for triple in fragment.triples { appendStatement(triple, graph: fragment.graph) }
            for triple in shared { appendStatement(triple, graph: Vocabulary.TG.entitiesGraph) }
        case .turtle:
            appendTurtle(fragment.triples)
            appendTurtle(shared)
        }
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Flushes the output and gives the file its final name.
    public func finish() throws {
        precondition(!finished, "finish twice")
        try flush()
        finished = true
        guard let file else { return }
        if let temporaryPath, let path {
            guard fclose(file) == 0 else { throw StageError(.output, "cannot close \(temporaryPath)") }
            self.file = nil
            guard rename(temporaryPath, path) == 0 else {
                throw StageError(.output, "cannot rename \(temporaryPath) to \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            fflush(file)
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty, let file else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw StageError(.output, "cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendStatement(_ triple: Triple, graph: IRI?) {
        encoder.append(triple.subject, to: &buffer)
        buffer.append(0x20)
        encoder.append(triple.predicate, to: &buffer)
        buffer.append(0x20)
        encoder.append(triple.object, to: &buffer)
        if let graph {
            buffer.append(0x20)
            encoder.append(graph, to: &buffer)
        }
        buffer.append(contentsOf: [0x20, 0x2E, 0x0A])
    }

    /// Writes triples as Turtle, grouping consecutive triples by subject and predicate.
    private func appendTurtle(_ triples: [Triple]) {
        guard !triples.isEmpty else { return }
        var previous: Triple? = nil
        for triple in triples {
            if let last = previous, last.subject == triple.subject {
                if last.predicate == triple.predicate {
                    buffer.append(contentsOf: " ,\n        ".utf8)
                } else {
                    buffer.append(contentsOf: " ;\n    ".utf8)
                    appendPredicate(triple.predicate)
                    buffer.append(0x20)
                }
            } else {
                if previous != nil { buffer.append(contentsOf: " .\n".utf8) }
                buffer.append(0x0A)
                encoder.append(triple.subject, to: &buffer)
                buffer.append(0x20)
                appendPredicate(triple.predicate)
                buffer.append(0x20)
            }
            encoder.append(triple.object, to: &buffer)
            previous = triple
        }
        buffer.append(contentsOf: " .\n".utf8)
    }

    private func appendPredicate(_ predicate: IRI) {
        if predicate == Vocabulary.RDF.type {
            buffer.append(0x61)  // "a"
        } else {
            encoder.append(predicate, to: &buffer)
        }
    }
}
