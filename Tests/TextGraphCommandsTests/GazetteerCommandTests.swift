import ArgumentParser
import Foundation
import Stages
import Testing

@testable import TextGraphCommands

@Suite struct GazetteerCommandParsingTests {
    @Test func importTakesAFormatInputsAndAnOutput() throws {
        let command = try GazetteerImportCommand.parse(["tei-persons", "a.xml", "b.xml", "-o", "people.tsv"])
        #expect(command.format == .teiPersons)
        #expect(command.inputs == ["a.xml", "b.xml"])
        #expect(command.output == "people.tsv")
        let skos = try GazetteerImportCommand.parse([
            "skos", "v.ttl", "-o", "-", "--keep-language", "nl", "--default-type", "Organization",
        ])
        #expect(skos.keepLanguage == ["nl"] && skos.defaultType == "Organization")
    }

    @Test func iso3166NeedsNoInputsOrTheJSONAndACatalog() throws {
        #expect(try GazetteerImportCommand.parse(["iso3166", "-o", "c.tsv"]).sources.count == 2)
        #expect(try GazetteerImportCommand.parse(["iso3166", "a.json", "nl.po", "-o", "c.tsv"]).inputs.count == 2)
        #expect(throws: (any Error).self) {
            _ = try GazetteerImportCommand.parse(["iso3166", "a.json", "-o", "c.tsv"])
        }
        #expect(throws: (any Error).self) {
            _ = try GazetteerImportCommand.parse(["iso3166", "a.po", "b.mo", "-o", "c.tsv"])
        }
    }

    @Test func usageErrors() {
        #expect(throws: (any Error).self) { _ = try GazetteerImportCommand.parse(["xml", "a", "-o", "x.tsv"]) }
        #expect(throws: (any Error).self) { _ = try GazetteerImportCommand.parse(["csv", "-o", "x.tsv"]) }
        #expect(throws: (any Error).self) { _ = try GazetteerImportCommand.parse(["csv", "a.csv"]) }
        #expect(throws: (any Error).self) {
            _ = try GazetteerImportCommand.parse(["csv", "a.csv", "-o", "x", "--delimiter", ";;"])
        }
        #expect(throws: (any Error).self) { _ = try GazetteerCheckCommand.parse([]) }
    }

    @Test func rootCommandKnowsTheGazetteerGroup() throws {
        #expect(
            try TextGraphCommand.parseAsRoot(["gazetteer", "import", "csv", "a.csv", "-o", "x.tsv"])
                is GazetteerImportCommand)
        #expect(try TextGraphCommand.parseAsRoot(["gazetteer", "check", "x.tsv"]) is GazetteerCheckCommand)
        #expect(
            try TextGraphCommand.parseAsRoot(["gazetteer", "bench", "t.txt", "--gazetteer", "x.tsv"])
                is GazetteerBenchCommand)
    }
}

/// Runs `textgraph gazetteer …` as a user would.
@Suite struct GazetteerCommandExecutionTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = try RunCommandExecutionTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = RunCommandExecutionTests.packageRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self)
        )
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textgraph-gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func csvImportsToATSVThatChecksAndLoads() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("orgs.csv")
        try Data(
            "id,type,label@nl,aliases\norg/a,Organization,\"Alfa, B.V.\",AB|Alfa\norg/b,Organization,Bravo,AB\n".utf8
        ).write(to: csv)
        let tsv = directory.appendingPathComponent("orgs.tsv").path
        let imported = try run(["gazetteer", "import", "csv", csv.path, "-o", tsv])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("wrote 2 entries with 5 names to \(tsv)"))
        let written = try String(contentsOfFile: tsv, encoding: .utf8)
        #expect(written.contains("\norg/a\tOrganization\tAlfa, B.V.\t\tAB|Alfa\t\t\n"))
        #expect(try Gazetteer.load(path: tsv).count == 2)

        let checked = try run(["gazetteer", "check", tsv])
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("\(tsv): 2 entries"))
        #expect(checked.stdout.contains("total: 2 entries, 4 distinct names"))
        #expect(checked.stdout.contains("names shared by several entities: 1\n  AB: org/a, org/b\n"))
    }

    @Test func badInputsFailWithTheFileAndLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("bad.csv")
        try Data("id,type\nx\n".utf8).write(to: csv)
        let result = try run([
            "gazetteer", "import", "csv", csv.path, "-o", directory.appendingPathComponent("x.tsv").path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(csv.path):2: expected 2 fields, found 1"))
        let missing = try run(["gazetteer", "check", directory.appendingPathComponent("none.tsv").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read gazetteer"))
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/rapper"), "needs rapper (absent: test skipped)"))
    func skosTurtleIsConvertedByRapper() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ttl = directory.appendingPathComponent("v.ttl")
        try Data(
            """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <http://example.org/c/1> a skos:Concept ; skos:prefLabel "Eén"@nl ; skos:altLabel "één"@nl .
            """.utf8
        ).write(to: ttl)
        let result = try run(["gazetteer", "import", "skos", ttl.path, "-o", "-", "--default-type", "Organization"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nhttp://example.org/c/1\tOrganization\tEén\t\téén\t\t\n"))
        let broken = directory.appendingPathComponent("broken.ttl")
        try Data("<http://a> <http://b> .".utf8).write(to: broken)
        let failed = try run(["gazetteer", "import", "skos", broken.path, "-o", "-"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(broken.path): rapper could not read it"))
    }

    static var parlaMint: String {
        RunCommandExecutionTests.packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/data/parlamint-nl/ParlaMint-NL-listPerson.xml"
        ).path
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: parlaMint),
            "needs ../shared/data beside the checkout (absent: test skipped)"))
    func parlaMintPeopleImportAndRunWithTheBundledGazetteer() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let people = directory.appendingPathComponent("people.tsv").path
        let imported = try run(["gazetteer", "import", "tei-persons", Self.parlaMint, "-o", people])
        #expect(imported.status == 0, "\(imported.stderr)")
        let checked = try run(["gazetteer", "check", people, "--with-bundled", "--limit=-1"])
        #expect(checked.stdout.contains("\(people): 583 entries"))
        #expect(checked.stdout.contains("  De Graaf: "))
        #expect(checked.stdout.contains("  https://opendata.tweedekamer.nl/: "), "counts by source")

        let text = directory.appendingPathComponent("zin.txt")
        try Data("Het lid Michon-Derkzen vroeg mevrouw Arib naar de brief.\n".utf8).write(to: text)
        let graph = directory.appendingPathComponent("g.nt").path
        let result = try run(["run", text.path, "--gazetteer", people, "-o", graph, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let triples = try String(contentsOfFile: graph, encoding: .utf8)
        #expect(triples.contains("<https://w3id.org/textgraph/entity/person/ingrid-michon-derkzen>"))
        #expect(triples.contains("<https://w3id.org/textgraph/entity/person/khadija-arib>"))
    }

    @Test func benchPrintsItsFigures() throws {
        let result = try run([
            "gazetteer", "bench", "corpus/2024Z01911-vragen-nuctech-douanescanners.txt", "--rounds", "1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for line in [
            "gazetteer: ", "load: parse ", "tokenizing: ", "matching (GazetteerMatcher), tokenization excluded: ",
            "tagging (GazetteerTagger stage), tokenization included: ",
        ] {
            #expect(result.stdout.contains(line), "no line \(line)")
        }
    }
}
