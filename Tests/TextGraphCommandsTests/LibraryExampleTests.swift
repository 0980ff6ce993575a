import Foundation
import Testing

/// Runs the README's library program (`Examples/LibraryExample`) as a user would.
@Suite struct LibraryExampleTests {
    /// A binary next to the test bundle (`swift build --build-tests` builds it there), or in `.build/debug`.
    static func binary(_ name: String) throws -> URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = RunCommandExecutionTests.packageRoot.appendingPathComponent(".build/debug/" + name)
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fallback.path])
        }
        return fallback
    }

    /// Runs a binary in the package's root folder and returns its exit status and standard output.
    func run(_ binary: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = RunCommandExecutionTests.packageRoot
        let outputPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func theReadmeProgramWritesTheSameTurtleAsTheCommandLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textgraph-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fromLibrary = directory.appendingPathComponent("library.ttl").path
        let fromCommand = directory.appendingPathComponent("command.ttl").path

        let library = try run(try Self.binary("LibraryExample"), [fromLibrary, "corpus"])
        #expect(library.status == 0)
        #expect(library.output.contains("2 documents: 2 succeeded, 0 failed"))
        let command = try run(try Self.binary("textgraph"), ["run", "corpus", "--output", fromCommand, "--quiet"])
        #expect(command.status == 0)

        let written = try Data(contentsOf: URL(fileURLWithPath: fromLibrary))
        #expect(written.count > 10_000)
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: fromCommand))))
    }
}
