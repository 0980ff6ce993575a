public import Foundation
import Pipeline
import Synchronization
import TextGraphInput
import TextGraphSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends each document's graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint, replacing
/// that document's named graph, so that running the same corpus twice leaves the store as after
/// one run.
///
/// Each document's triples go to `PUT endpoint?graph=<document IRI>` as N-Triples (replacing the
/// graph); entity descriptions are added to the shared entities graph with `POST` (a merge,
/// which is idempotent for the same triples). Failed requests are retried with growing pauses;
/// when the store cannot be reached the error says so, naming the endpoint.
///
/// The sink is `Sendable`: one sink can be shared by tasks, and used from top-level code in a
/// Swift 6 `main.swift`. Its record of the entity descriptions already sent is guarded by a lock.
///
/// ```swift
/// let store = try GraphStoreSink(endpoint: "http://127.0.0.1:7878/store")
/// try await store.write(fragment)
/// try await store.finish()
/// ```
public final class GraphStoreSink: GraphSink, Sendable {
    /// The Graph Store endpoint.
    public let endpoint: URL
    /// How many times a request is tried before giving up.
    public let attempts: Int
    /// How long one request may take, in seconds.
    public let timeout: TimeInterval
    private let session: URLSession
    /// The entity descriptions sent or waiting to be sent.
    private let shared = Mutex(SharedState())

    /// The entity description lines seen so far, and those not sent yet.
    private struct SharedState {
        var written = SharedLineSet()
        var pending: [UInt8] = []
    }

    /// Whether entity descriptions are sent with each document rather than at the end (for
    /// resumable runs, where a run may end without reaching its end).
    public let sendsSharedEagerly: Bool

    /// Creates a sink for an endpoint such as `http://127.0.0.1:7878/store`.
    /// - Throws: ``StageError`` when the URL is not an HTTP(S) URL.
    public init(endpoint: String, attempts: Int = 4, timeout: TimeInterval = 30, sendsSharedEagerly: Bool = false)
        throws
    {
        self.sendsSharedEagerly = sendsSharedEagerly
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            throw StageError(.output, "'\(endpoint)' is not an http:// or https:// URL of a graph store")
        }
        self.endpoint = url
        self.attempts = max(1, attempts)
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        session = URLSession(configuration: configuration)
    }

    /// Replaces the document's named graph with its fragment.
    public func write(_ fragment: GraphFragment) async throws {
        try await write(GraphEncoder.encode(fragment, formats: [.nTriples]))
    }

    /// Replaces the document's named graph with its fragment, already encoded (with N-Triples
    /// among its bodies).
    public func write(_ fragment: EncodedFragment) async throws {
        guard let body = fragment.bodies[.nTriples] else {
            preconditionFailure("the fragment was not encoded as N-Triples")
        }
        try await send(method: "PUT", graph: fragment.graph, body: body.array)
        let due = shared.withLock { state in
            for line in fragment.sharedLines[.nTriples] ?? [] where state.written.insert(line) { state.pending += line }
            return state.pending.count >= 1 << 20 || sendsSharedEagerly
        }
        if due { try await flushShared() }
    }

    /// Sends the entity descriptions not sent yet.
    public func finish() async throws {
        try await flushShared()
    }

    /// Sends the waiting entity descriptions; if the store does not take them, they wait again.
    private func flushShared() async throws {
        let pending = shared.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
        guard !pending.isEmpty else { return }
        do {
            try await send(method: "POST", graph: Vocabulary.entitiesGraph, body: pending)
        } catch {
            shared.withLock { $0.pending = pending + $0.pending }
            throw error
        }
    }

    private func send(method: String, graph: IRI, body: [UInt8]) async throws {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)
        let existing = components?.queryItems ?? []
        components?.queryItems = existing + [URLQueryItem(name: "graph", value: graph.value)]
        guard let url = components?.url else {
            throw StageError(.output, "cannot build a request URL for graph \(graph.value)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/n-triples", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        var lastProblem = ""
        var tries = 0
        for attempt in 1...attempts {
            tries = attempt
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return }
                let message = String(decoding: data.prefix(300), as: UTF8.self).oneLine
                lastProblem = "HTTP \(status): \(message)"
                if status < 500 { break }  // the store refused the request: trying again will not help
            } catch let error as URLError where error.code == .timedOut {
                lastProblem = "timed out after \(Int(timeout)) s (--push-timeout)"
            } catch let error as URLError where error.code == .networkConnectionLost || error.code == .badServerResponse
            {
                lastProblem = "the store closed the connection without an answer"
            } catch let error as URLError where error.code == .cannotConnectToHost {
                lastProblem = "cannot connect (is the store running?)"
            } catch {
                lastProblem = error.localizedDescription.oneLine
            }
            if attempt < attempts { try await Task.sleep(for: .milliseconds(250 << (attempt - 1))) }
        }
        throw StageError(
            .output,
            "the graph store at \(endpoint.absoluteString) did not accept \(method) of graph <\(graph.value)> "
                + (tries == 1 ? "(tried once): " : "after \(tries) tries: ") + lastProblem
        )
    }
}
