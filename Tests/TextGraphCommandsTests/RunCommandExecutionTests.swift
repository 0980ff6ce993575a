import Foundation
import Testing

/// Runs the built `textgraph` binary as a user would, and checks exit status, output and messages.
@Suite struct RunCommandExecutionTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (`swift test` builds both into the same folder).
    static var binary: URL {
        get throws {
            var directory = Bundle.main.bundleURL
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("textgraph")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            let fallback = packageRoot.appendingPathComponent(".build/debug/textgraph")
            guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fallback.path])
            }
            return fallback
        }
    }

    struct Result {
        var status: Int32
        var stderr: String
    }

    func run(_ arguments: [String], standardInput: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        let inputPipe = Pipe()
        process.standardInput = standardInput == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let standardInput {
            inputPipe.fileHandleForWriting.write(Data(standardInput.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stderr: String(decoding: errorData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("textgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["nt", "nq", "ttl"])
    func theGraphOfCorpusIsByteIdenticalToTheGoldenFile(format: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("graph.\(format)").path
        let result = try run(["run", "corpus", "--output", output, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: output, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let golden = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/golden/corpus.\(format)"),
            encoding: .utf8
        )
        .split(separator: "\n", omittingEmptySubsequences: false)
        if let line = zip(written, golden).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record(
                "line \(line.offset + 1) differs from the golden file (scripts/update-golden.sh rewrites it for a change meant to change the graph):\n  now:    \(line.element.0)\n  golden: \(line.element.1)"
            )
        }
        #expect(written.count == golden.count, "\(written.count) lines, the golden file has \(golden.count)")
    }

    @Test func corpusRunsCleanlyAndIsDeterministicAcrossJobCounts() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [Data] = []
        for jobs in ["1", "2", "2"] {
            let output = directory.appendingPathComponent("graph-\(outputs.count).nt").path
            let result = try run(["run", "corpus", "--output", output, "--jobs", jobs, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(outputs[0].count > 10_000)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
    }

    @Test func badDocumentsFailAloneWithExitStatusTwo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("Nuctech levert scanners aan de Douane.".utf8).write(to: corpus.appendingPathComponent("a-good.txt"))
        try Data([0x4E, 0x75, 0xFF, 0x0A]).write(to: corpus.appendingPathComponent("b-latin1.txt"))
        try Data().write(to: corpus.appendingPathComponent("c-empty.txt"))
        try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]).write(to: corpus.appendingPathComponent("d-binary.txt"))
        try Data("China en België.".utf8).write(to: corpus.appendingPathComponent("e-good.txt"))
        let output = directory.appendingPathComponent("graph.nq").path
        let report = directory.appendingPathComponent("report.json").path

        let result = try run(["run", corpus.path, "--output", output, "--report", report])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("textgraph: error: ") }
        #expect(
            errors == [
                "textgraph: error: mixed/b-latin1.txt: DocumentReader: invalid UTF-8 at byte 2 (0xFF); convert the file to UTF-8",
                "textgraph: error: mixed/c-empty.txt: DocumentReader: the document is empty",
                "textgraph: error: mixed/d-binary.txt: DocumentReader: binary content, not text: NUL byte at byte 4",
            ])
        let graph = try String(contentsOfFile: output, encoding: .utf8)
        #expect(graph.contains("mixed/a-good.txt"))
        #expect(graph.contains("mixed/e-good.txt"))
        #expect(!graph.contains("mixed/b-latin1.txt"))

        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        #expect(json?["documentsRead"] as? Int == 5)
        #expect(json?["documentsFailed"] as? Int == 3)
        let failures = json?["failures"] as? [[String: String]]
        #expect(
            failures?.map { $0["document"] ?? "" } == ["mixed/b-latin1.txt", "mixed/c-empty.txt", "mixed/d-binary.txt"])
    }

    @Test func hostileAndBrokenXMLFailAloneAndNothingLocalLeaks() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("xml")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("GEHEIM-LOKAAL-BESTAND".utf8).write(to: secret)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: corpus.appendingPathComponent(name))
        }
        try write("a-good.xml", "<doc><p>Nuctech en de Douane.</p></doc>")
        try write("b-truncated.xml", "<?xml version=\"1.0\"?>\n<doc><p>Afgebroken <b>midden")
        try write(
            "c-xxe.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]>\n<d><p>China &x; België.</p></d>"
        )
        var entities = "<!ENTITY l0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        try write("d-laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE d [\(entities)]>\n<d><p>&l9;</p></d>")
        try write("e-good.txt", "Het Wassenaar Arrangement.")
        let output = directory.appendingPathComponent("graph.nt").path
        let report = directory.appendingPathComponent("report.json").path

        let result = try run(["run", corpus.path, "--output", output, "--report", report])
        #expect(result.status == 2)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let failures = (json?["failures"] as? [[String: String]]) ?? []
        #expect(failures.map { $0["document"] ?? "" } == ["xml/b-truncated.xml", "xml/d-laughs.xml"])
        #expect(failures.first?["reason"]?.contains("truncated") == true)
        #expect(failures.last?["reason"]?.contains("entity reference loop") == true)
        let graph = try String(contentsOfFile: output, encoding: .utf8)
        for good in ["xml/a-good.xml", "xml/c-xxe.xml", "xml/e-good.txt"] { #expect(graph.contains(good)) }
        #expect(!graph.contains("GEHEIM"))
    }

    @Test func jsonLinesOnStandardInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("b.txt")
        try Data("Canada en Australië.".utf8).write(to: file)
        let lines = [
            #"{"id": "kv-1", "text": "Nuctech en China."}"#,
            #"{"id": "kv-2", "path": "b.txt"}"#,
            "niet json",
            "",
            #"{"id": "kv-4"}"#,
            #"{"id": "kv-5", "path": "../../../etc/passwd"}"#,
            #"{"id": "kv-6", "path": "\#(file.path)"}"#,
        ].joined(separator: "\n")
        let output = directory.appendingPathComponent("graph.nq").path
        let result = try run(["run", "-", "--root", directory.path, "--output", output], standardInput: lines)
        #expect(result.status == 2)
        // Paths lead nowhere outside --root: no climbing out, no absolute paths.
        #expect(
            result.stderr.contains(
                "textgraph: error: kv-5: DocumentReader: line 6 of standard input: ../../../etc/passwd is not a file inside --root"
            ))
        #expect(
            result.stderr.contains(
                "textgraph: error: kv-6: DocumentReader: line 7 of standard input: \(file.path) is not a file inside --root"
            ))
        #expect(
            result.stderr.contains(
                "textgraph: error: stdin:3: DocumentReader: line 3 of standard input is not a JSON object"))
        #expect(
            result.stderr.contains(
                "textgraph: error: kv-4: DocumentReader: line 5 of standard input has neither \"text\" nor \"path\""))
        let graph = try String(contentsOfFile: output, encoding: .utf8)
        #expect(graph.contains("<https://w3id.org/textgraph/doc/kv-1>"))
        #expect(graph.contains("Canada en Australi"))
    }

    @Test func twoDocumentsWithOneIdFailTheSecondInsteadOfMerging() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (folder, text) in [("a", "Nuctech levert scanners."), ("b", "Canada en Australië.")] {
            let docs = directory.appendingPathComponent(folder).appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: docs.appendingPathComponent("x.txt"))
        }
        let output = directory.appendingPathComponent("graph.nq").path
        let result = try run(["run", directory.path + "/a/docs", directory.path + "/b/docs", "--output", output])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "textgraph: error: docs/x.txt: DocumentReader: another input already has the id docs/x.txt"))
        let graph = try String(contentsOfFile: output, encoding: .utf8)
        #expect(graph.contains("Nuctech levert") && !graph.contains("Canada en"))

        let lines = #"{"id": "kv-1", "text": "Eerste."}"# + "\n" + #"{"id": "kv-1", "text": "Tweede."}"#
        let piped = try run(["run", "-", "--output", output], standardInput: lines)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("kv-1: DocumentReader: another input already has the id kv-1"))
        let pipedGraph = try String(contentsOfFile: output, encoding: .utf8)
        #expect(pipedGraph.contains("Eerste.") && !pipedGraph.contains("Tweede."))
    }

    @Test func aJSONLineLongerThanAnyDocumentFailsAloneWithoutBeingHeldWhole() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("graph.nq").path
        let long = #"{"id": "kv-1", "text": ""# + String(repeating: "Nuctech ", count: 2_000) + #""}"#
        let lines = [long, #"{"id": "kv-2", "text": "Canada."}"#, "\r", #"{"id": "kv-3", "text": "China."}"#].joined(
            separator: "\n")
        // --max-document-size 100: lines up to 6 × 100 + 4096 bytes.
        let result = try run(["run", "-", "--max-document-size", "100", "--output", output], standardInput: lines)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "stdin:1: DocumentReader: line 1 of standard input is longer than 4696 bytes; skipped without reading it whole"
            ), "\(result.stderr)")
        let graph = try String(contentsOfFile: output, encoding: .utf8)
        #expect(
            graph.contains("<https://w3id.org/textgraph/doc/kv-2>")
                && graph.contains("<https://w3id.org/textgraph/doc/kv-3>"))
        #expect(!graph.contains("<https://w3id.org/textgraph/doc/kv-1>"))
    }

    @Test func jsonLinesNamingFilesNeedARoot() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("graph.nq").path
        let lines = #"{"id": "kv-1", "path": "/etc/hostname"}"# + "\n" + #"{"id": "kv-2", "text": "Nuctech en China."}"#
        let result = try run(["run", "-", "--output", output], standardInput: lines)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "kv-1: DocumentReader: line 1 of standard input names a file (\"path\"); files are read from standard input's lines only inside --root DIR"
            ))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("<https://w3id.org/textgraph/doc/kv-2>"))
    }

    @Test func theCorpusWalkReportsWhatItDoesNotReadAndFollowsNoLinksOut() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus")
        let outside = directory.appendingPathComponent("secret.txt")
        try FileManager.default.createDirectory(
            at: corpus.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("Nuctech en China.".utf8).write(to: corpus.appendingPathComponent("a.txt"))
        try Data("GEHEIM wachtwoord".utf8).write(to: outside)
        #expect(mkfifo(corpus.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        #expect(symlink(outside.path, corpus.appendingPathComponent("link.txt").path) == 0)
        #expect(symlink("..", corpus.appendingPathComponent("sub/up").path) == 0)
        #expect(symlink("nowhere.txt", corpus.appendingPathComponent("dangling.txt").path) == 0)
        // A name that is not UTF-8.
        let rawName = Array(corpus.path.utf8) + Array("/bad-".utf8) + [0xFF] + Array(".txt".utf8)
        let fd = rawName.withUnsafeBufferPointer { buffer in
            (Array(buffer) + [0]).withUnsafeBufferPointer {
                open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
            }
        }
        #expect(fd >= 0)
        close(fd)
        let output = directory.appendingPathComponent("graph.nq").path
        let report = directory.appendingPathComponent("report.json").path
        let result = try run(["run", corpus.path, "--output", output, "--report", report])
        #expect(result.status == 2)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let failures = (json?["failures"] as? [[String: String]]) ?? []
        let reasons = Dictionary(failures.map { ($0["document"] ?? "", $0["reason"] ?? "") }, uniquingKeysWith: { $1 })
        #expect(reasons["corpus/pipe.txt"]?.contains("is a FIFO (named pipe), not a regular file") == true)
        #expect(
            reasons["corpus/link.txt"]?.contains("is a symbolic link; not followed without --follow-symlinks") == true)
        #expect(reasons["corpus/sub/up"]?.contains("is a symbolic link; not followed") == true)
        #expect(reasons["corpus/dangling.txt"]?.contains("dangling") == true)
        #expect(
            reasons.keys.contains { $0.hasPrefix("corpus/bad-") }
                && reasons.values.contains { $0.contains("not valid UTF-8") })
        for failure in ["pipe.txt", "link.txt", "dangling.txt"] {
            #expect(result.stderr.contains("textgraph: error: corpus/\(failure):"))
        }
        let graph = try String(contentsOfFile: output, encoding: .utf8)
        #expect(graph.contains("corpus/a.txt") && !graph.contains("GEHEIM"))

        // Followed on request, but a link back up is a loop, refused rather than walked again.
        let followed = try run(["run", corpus.path, "--follow-symlinks", "--output", output, "--report", report])
        #expect(followed.status == 2)
        #expect(followed.stderr.contains("corpus/sub/up leads back to a directory that holds it"))
        let again = try String(contentsOfFile: output, encoding: .utf8)
        #expect(again.contains("GEHEIM"))
        #expect(!again.contains("corpus/sub/up/a.txt"))
    }

    @Test func anOutputThatIsNoRegularFileIsRefusedBeforeAnythingIsWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for output in ["/dev/null", directory.path] {
            let result = try run(["run", "corpus", "--format", "nq", "--output", output])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--output \(output) is a"), "\(output): \(result.stderr)")
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aStoreThatNeverAnswersTimesOutWithATrueMessageAndTheReportIsWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FakeGraphStore(.hang)
        let report = directory.appendingPathComponent("report.json").path
        let result = try run([
            "run", "corpus/2024Z01911-vragen-nuctech-douanescanners.txt", "--push", store.endpoint, "--push-timeout",
            "1", "--report", report,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("after 4 tries: timed out after 1 s (--push-timeout)"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSURLErrorDomain"))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        #expect((json?["fatal"] as? String)?.contains("timed out") == true)
    }

    @Test func aStoreThatRefusesIsTriedOnceAndSaysSo() throws {
        let store = try FakeGraphStore(.status(401))
        let result = try run(["run", "corpus/2024Z01911-vragen-nuctech-douanescanners.txt", "--push", store.endpoint])
        #expect(result.status == 1)
        #expect(result.stderr.contains("(tried once): HTTP 401: nee"), "\(result.stderr)")
        let failing = try FakeGraphStore(.status(500))
        let retried = try run([
            "run", "corpus/2024Z01911-vragen-nuctech-douanescanners.txt", "--push", failing.endpoint,
        ])
        #expect(retried.stderr.contains("after 4 tries: HTTP 500: nee"), "\(retried.stderr)")
    }

    @Test func aDocumentOverTheMemoryBudgetFailsAloneWithTheReason() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("Een korte tekst over China.\n".utf8).write(to: corpus.appendingPathComponent("small.txt"))
        try Data(String(repeating: "Een lange tekst over Nederland en België. ", count: 300_000).utf8).write(
            to: corpus.appendingPathComponent("large.txt"))
        let output = directory.appendingPathComponent("graph.nq").path
        // The budget is what is left of 400 MiB after the gazetteer and the model: room for the
        // small document (8 MiB), not for 40 times the large one's 12.3 MiB.
        let result = try run(["run", corpus.path, "--output", output, "--max-memory", "400M", "--jobs", "1"])
        #expect(result.status == 2, "\(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(
            errors.count == 1
                && errors[0].contains(
                    "large.txt: memory budget: needs about 500.1 MiB of memory (40 times its 12.3 MiB)"),
            "\(result.stderr)")
        #expect(
            errors.first?.hasSuffix("raise --max-memory (or give the process more memory), or split the document")
                == true)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("small.txt"))
        let invalid = try run(["run", corpus.path, "--output", output, "--max-memory", "lots"])
        #expect(
            invalid.status != 0
                && invalid.stderr.contains("--max-memory \"lots\": give a size such as 800M, 2G or 1.5G, or 'off'"),
            "\(invalid.stderr)")
    }

    @Test func aStoreThatDropsTheConnectionIsTriedAgainAndSaysWhatHappened() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FakeGraphStore(.dropConnection)
        let report = directory.appendingPathComponent("report.json").path
        let result = try run([
            "run", "corpus/2024Z01911-vragen-nuctech-douanescanners.txt", "--push", store.endpoint, "--report", report,
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("after 4 tries: the store closed the connection without an answer"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("NSURLErrorDomain"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        #expect((json?["fatal"] as? String)?.contains("closed the connection") == true)
    }

    @Test func sigintStopsCleanlyAndResumeGoesOnToTheSameGraph() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Enough documents that the run is still going when the signal comes.
        let corpus = directory.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let seed = try Data(
            contentsOf: Self.packageRoot.appendingPathComponent("corpus/2024Z01911-vragen-nuctech-douanescanners.txt"))
        for k in 0..<400 { try seed.write(to: corpus.appendingPathComponent(String(format: "doc-%04d.txt", k))) }
        let output = directory.appendingPathComponent("graph.nq").path
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = ["run", corpus.path, "--output", output, "--resume", "--jobs", "1"]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        process.interrupt()
        let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(
            stderr.contains("stopped by SIGINT after ") && stderr.contains("--resume goes on from here"), "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: output + ".partial"))
        #expect(FileManager.default.fileExists(atPath: output + ".partial.journal"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let resumed = try run(["run", corpus.path, "--output", output, "--resume", "--jobs", "2", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = directory.appendingPathComponent("whole.nq").path
        #expect(try run(["run", corpus.path, "--output", whole, "--quiet"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: whole)))
    }

    @Test func aBaseThatMakesNoValidIRIsIsRefused() throws {
        for base in ["http://x/a b<>/", "not an iri/", "", "https://example.org/doc"] {
            let result = try run(["run", "corpus", "--base", base, "--output", "/dev/null/none.nq"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--base"), "\(base)")
        }
    }

    @Test func missingInputIsAFatalErrorWithExitStatusOne() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("graph.nt").path
        let result = try run(["run", "no/such/corpus", "--output", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/corpus: no such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func unknownOutputFormatIsAUsageError() throws {
        let result = try run(["run", "corpus", "--output", "graph.rdf"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot tell the format of 'graph.rdf'"))
    }
}
