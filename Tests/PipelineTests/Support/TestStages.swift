import Pipeline
import Synchronization

/// A stand-in tokenizer: one token per space-separated word.
struct WordStub: Stage {
    var assigns: Set<AnnotationKey> { [.tokens] }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        var tokens: [Token] = []
        var start: Int? = nil
        for (offset, byte) in document.text.utf8.enumerated() {
            if byte == 0x20 {
                if let s = start { tokens.append(Token(span: Span(start: s, end: offset), kind: .word)) }
                start = nil
            } else if start == nil {
                start = offset
            }
        }
        if let s = start { tokens.append(Token(span: Span(start: s, end: document.utf8Count), kind: .word)) }
        document[Tokens.self] = tokens
        try await emit(document)
    }
}

/// A stand-in splitter that needs tokens: the whole text is one sentence.
struct SentenceStub: Stage {
    var requires: Set<AnnotationKey> { [.tokens] }
    var assigns: Set<AnnotationKey> { [.sentences] }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        _ = try document.require(Tokens.self, by: self)
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: document.utf8Count))]
        try await emit(document)
    }
}

/// Fails on documents whose text contains "fail".
struct FailOnMarker: Stage {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the text asked to fail" }
    }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        if input.text.contains("fail") { throw Failure() }
        try await emit(input)
    }
}

/// Emits each document `count` times, with ids suffixed "#1", "#2", ...
struct Repeat: Stage {
    var count: Int

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        for k in 1...count {
            var copy = input
            copy.id += "#\(k)"
            try await emit(copy)
        }
    }
}

/// Sleeps a pseudo-random time derived from the document id, so documents finish out of order.
struct Jitter: Stage {
    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        let hash = input.id.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        try await Task.sleep(for: .milliseconds(Int(hash % 7)))
        try await emit(input)
    }
}

/// Counts the documents it has seen, emitting nothing until `finish`, which emits one summary document.
final class Gatherer: Stage, @unchecked Sendable {
    private var seen: [String] = []

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        seen.append(input.id)
    }

    func finish(context: StageContext, emit: (Document) async throws -> Void) async throws {
        try await emit(Document(id: "summary", text: seen.joined(separator: ",")))
    }
}

/// Text documents for runner tests.
struct TextItem: DocumentIdentified {
    var documentID: String
    var text: String
    var byteCount: Int? { text.utf8.count }
}

/// Counts the documents in flight at once and remembers the most, while each takes a while.
final class ConcurrencyProbe: Stage, Sendable {
    let inFlight = Mutex(0)
    let most = Mutex(0)

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        let now = inFlight.withLock { count -> Int in
            count += 1
            return count
        }
        most.withLock { $0 = max($0, now) }
        try await Task.sleep(for: .milliseconds(15))
        inFlight.withLock { $0 -= 1 }
        try await emit(input)
    }
}

/// Reads a ``TextItem`` into a document.
struct ItemReader: Stage {
    var assigns: Set<AnnotationKey> { [.text] }

    func process(_ input: TextItem, context: StageContext, emit: (Document) async throws -> Void) async throws {
        try await emit(Document(id: input.documentID, text: input.text))
    }
}
