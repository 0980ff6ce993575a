import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A graph store that misbehaves on purpose, for the fault tests: it listens on 127.0.0.1 and
/// answers every request with one status, closes the connection without an answer, or never
/// answers at all.
final class FakeGraphStore: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// Reads the request and answers with this HTTP status.
        case status(Int)
        /// Accepts the connection and never answers.
        case hang
        /// Reads the request and closes the connection without an answer.
        case dropConnection
    }

    let port: Int
    private let socket: Int32
    private let behaviour: Behaviour
    private var thread: Thread?

    /// The Graph Store endpoint to push to.
    var endpoint: String { "http://127.0.0.1:\(port)/store" }

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard socket >= 0, bound == 0, listen(socket, 64) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.socket = socket
        let reply: String?
        switch behaviour {
        case .hang: return
        case .status(let status):
            reply = "HTTP/1.1 \(status) Fake\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnee\n"
        case .dropConnection: reply = nil
        }
        let listener = socket
        let thread = Thread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                FakeGraphStore.readRequest(connection)
                if let reply { _ = reply.withCString { write(connection, $0, strlen($0)) } }
                close(connection)
            }
        }
        thread.start()
        self.thread = thread
    }

    /// Reads one request whole: the head, then as many body bytes as its Content-Length says.
    private static func readRequest(_ connection: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var expected: Int? = nil
        while expected.map({ received.count < $0 }) ?? true {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            received += buffer[0..<count]
            if expected == nil, let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
                let length =
                    head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = end.upperBound + length
            }
        }
    }

    deinit {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }
}
