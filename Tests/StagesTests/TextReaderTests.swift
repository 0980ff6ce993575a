import Foundation
import Pipeline
import PipelineTesting
import Testing

@testable import Stages
@testable import TextGraphEntities
@testable import TextGraphInput
@testable import TextGraphParliament

@Suite struct TextReaderTests {
    func read(_ bytes: [UInt8], maximumBytes: Int = 1 << 20) async throws -> (Document, [Diagnostic]) {
        var harness = StageHarness(TextReader(maximumBytes: maximumBytes))
        let out = try await harness.feed(SourceDocument(id: "t.txt", content: .bytes(bytes)))
        #expect(try await harness.finish().isClean)
        return (out[0], harness.warnings)
    }

    @Test func pageFurnitureIsToldOnBytesAsOnCharacters() {
        let lines = [
            "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 594",
            "Tweede Kamer, vergaderjaar 2023–2024, 21 501-02, nr. 2815",
            "Eerste Kamer, vergaderjaar 2019–2020, Aanhangsel 12 — “België”", "ah-tk-20242025-594",
            "ah-tk-20242025-594 en meer",
            "kv-tk-2024Z01911", "kst-36410-1", "ISSN 0921-7398", "ISSN", "In het vergaderjaar 2024 werd niets gezegd",
            "Het kabinet, vergaderjaar 2024, beslist",
            "De Minister van Buitenlandse Zaken, vergaderjaar " + String(repeating: "é", count: 100) + " Aanhangsel",
            "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel\u{2009}1", "Café, vergaderjaar 2024, nr. 5 – €10",
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(
                    ParliamentaryPageFurniture.contains(buffer)
                        == ParliamentaryPageFurniture.contains(characters: line), "\(line)")
            }
        }
    }

    @Test func plainUTF8IsReadAsIs() async throws {
        let (document, warnings) = try await read(Array("Vraag 1\n\nBent u bekend met België?".utf8))
        #expect(document.text == "Vraag 1\n\nBent u bekend met België?")
        #expect(document.id == "t.txt")
        #expect(document.metadata.source == "t.txt")
        #expect(warnings.isEmpty)
        #expect(document._checkInvariants().isEmpty)
    }

    @Test func byteOrderMarkIsRemovedWithAWarning() async throws {
        let (document, warnings) = try await read([0xEF, 0xBB, 0xBF] + Array("Ja.".utf8))
        #expect(document.text == "Ja.")
        #expect(warnings.map(\.message) == ["decoded as UTF-8 with byte-order mark"])
    }

    @Test func lineEndsAreNormalized() async throws {
        let (document, _) = try await read(Array("a\r\nb\rc\u{0C}d".utf8))
        #expect(document.text == "a\nb\nc\u{0C}d")
        #expect(document.texts(document[Blocks.self]!.map(\.span)) == ["a\nb\nc", "d"])
    }

    @Test func utf16WithByteOrderMarkIsDecoded() async throws {
        var little: [UInt8] = [0xFF, 0xFE]
        for unit in "Curaçao 𝄞".utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try await read(little).0.text == "Curaçao 𝄞")
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in "Curaçao".utf16 { big += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try await read(big).0.text == "Curaçao")
    }

    @Test func invalidUTF8IsRejectedNamingTheByte() async throws {
        let error = await #expect(throws: StageError.self) {
            _ = try await read(Array("Goed".utf8) + [0xC3, 0x28] + Array(" fout".utf8))
        }
        #expect(error?.code == .invalidEncoding)
        #expect(error?.message.hasPrefix("invalid UTF-8 at byte 4 (0xC3)") == true)
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() async throws {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            await #expect(throws: StageError.self) { _ = try await read(Array("x".utf8) + bad) }
        }
    }

    @Test func emptyAndWhiteSpaceOnlyDocumentsAreRejected() async throws {
        let empty = await #expect(throws: StageError.self) { _ = try await read([]) }
        #expect(empty?.code == .emptyDocument)
        #expect(empty?.message == "the document is empty")
        let blank = await #expect(throws: StageError.self) { _ = try await read(Array(" \n\t\n".utf8)) }
        #expect(blank?.message == "the document holds only white space")
    }

    @Test func binaryContentIsRejected() async throws {
        let error = await #expect(throws: StageError.self) {
            _ = try await read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        }
        #expect(error?.code == .binaryContent)
        #expect(error?.message == "binary content, not text: NUL byte at byte 8")
    }

    @Test func documentsOverTheMaximumSizeAreRejected() async throws {
        let error = await #expect(throws: StageError.self) {
            _ = try await read(Array(repeating: 0x61, count: 101), maximumBytes: 100)
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("101 bytes, more than the maximum of 100") == true)
    }

    @Test func missingFilesAreReportedAsUnreadable() async throws {
        var harness = StageHarness(TextReader())
        let error = await #expect(throws: StageError.self) {
            _ = try await harness.feed(SourceDocument(id: "x", content: .file("/nonexistent/x.txt")))
        }
        #expect(error?.code == .unreadable)
    }

    @Test func paragraphsAreBlocksSeparatedByBlankLines() async throws {
        let (document, _) = try await read(Array("  Vraag 1\n \nEen\ntwee\n\n\nDrie  ".utf8))
        #expect(document.texts(document[Blocks.self]!.map(\.span)) == ["Vraag 1", "Een\ntwee", "Drie"])
    }

    @Test func hugeLinesAreReadWhole() async throws {
        let line = String(repeating: "woord ", count: 200_000)
        let (document, _) = try await read(Array(line.utf8), maximumBytes: 2 << 20)
        #expect(document.utf8Count == 1_200_000)
    }
}

@Suite struct CorpusSourceTests {
    @Test func directoriesAreWalkedRecursivelyInByteOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textgraph-corpus-\(UUID().uuidString)")
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(
            at: corpus.appendingPathComponent("b/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: corpus.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["Z.txt", "a.txt", "b/sub/c.md", "b/x.xml", "b/skip.pdf", ".hidden/h.txt", "b/B.txt"] {
            try Data("x".utf8).write(to: corpus.appendingPathComponent(name))
        }
        let ids = try CorpusSource(inputs: [corpus.path]).map(\.id)
        #expect(ids == ["corpus/Z.txt", "corpus/a.txt", "corpus/b/B.txt", "corpus/b/sub/c.md", "corpus/b/x.xml"])
        let formats = try CorpusSource(inputs: [corpus.path + "/"]).map(\.format)
        #expect(formats == [.text, .text, .text, .text, .xml])
        let single = try CorpusSource(inputs: [corpus.appendingPathComponent("b/skip.pdf").path]).map(\.id)
        #expect(single == ["skip.pdf"])
    }

    @Test func missingInputIsAnError() {
        let error = #expect(throws: StageError.self) { _ = try CorpusSource(inputs: ["/nonexistent/corpus"]) }
        #expect(error?.message == "/nonexistent/corpus: no such file or directory")
    }
}

@Suite struct TextReaderFallbackTests {
    @Test func windows1252IsReadWhenAllowedWithAWarning() async throws {
        var harness = StageHarness(TextReader(windows1252Fallback: true))
        let bytes: [UInt8] =
            Array("Belgi".utf8) + [0xEB] + Array(" en de ".utf8) + [0x93] + Array("douane".utf8) + [0x94]
        let out = try await harness.feed(SourceDocument(id: "w.txt", content: .bytes(bytes)))
        #expect(out[0].text == "België en de “douane”")
        #expect(harness.warnings.map(\.message) == ["decoded as Windows-1252 (not valid UTF-8 at byte 5)"])
    }

    @Test func undefinedWindows1252BytesStillFail() async throws {
        var harness = StageHarness(TextReader(windows1252Fallback: true))
        let error = await #expect(throws: StageError.self) {
            _ = try await harness.feed(SourceDocument(id: "w.txt", content: .bytes([0x61, 0x81])))
        }
        #expect(error?.message == "neither UTF-8 nor Windows-1252: byte 0x81 at byte 1")
    }
}

@Suite struct CorpusSourceFilterTests {
    @Test func includeAndExcludeGlobs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("textgraph-globs-\(UUID().uuidString)")
        let corpus = root.appendingPathComponent("c")
        try FileManager.default.createDirectory(
            at: corpus.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["a.txt", "b.xml", "drafts/c.txt", "drafts/d.xml"] {
            try Data("x".utf8).write(to: corpus.appendingPathComponent(name))
        }
        #expect(try CorpusSource(inputs: [corpus.path], include: ["*.xml"]).map(\.id) == ["c/b.xml", "c/drafts/d.xml"])
        #expect(try CorpusSource(inputs: [corpus.path], exclude: ["c/drafts/*"]).map(\.id) == ["c/a.txt", "c/b.xml"])
        #expect(
            try CorpusSource(inputs: [corpus.path], include: ["*.txt"], exclude: ["c/drafts/*"]).map(\.id) == [
                "c/a.txt"
            ])
    }
}

@Suite struct PageFurnitureTests {
    @Test func runningHeadsPageNumbersAndCodesAreBlocksOfTheirOwn() {
        let text = """
            Vraag 3
            Wat zijn de gevolgen als deze
            ah-tk-20242025-594
            ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1
            problemen blijven bestaan?
            2
            """
        let blocks = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
        let texts = blocks.map { String(decoding: Array(text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) }
        #expect(
            texts == [
                "Vraag 3\nWat zijn de gevolgen als deze", "ah-tk-20242025-594",
                "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1",
                "problemen blijven bestaan?", "2",
            ])
        #expect(blocks.map(\.kind) == [.paragraph, .furniture, .furniture, .paragraph, .furniture])
    }

    @Test func aTextReaderKnowsNoFurnitureUntilItsOptionsSayWhich() async throws {
        let text = "Vraag 1\nWelke?\nTweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n2\nAntwoord 1"
        let source = SourceDocument(id: "t.txt", content: .text(text))
        func kinds(_ reader: TextReader) async throws -> [BlockKind] {
            var harness = StageHarness(reader)
            return try await harness.feed(source)[0][Blocks.self]?.map(\.kind) ?? []
        }
        #expect(try await kinds(TextReader()) == [.paragraph], "the generic reader knows no parliament")
        var options = ReaderOptions()
        options.pageFurniture = .parliamentaryPapers
        #expect(try await kinds(TextReader(options: options)) == [.paragraph, .furniture, .furniture, .paragraph])
        options.pageFurniture = PageFurniture { line in line.count == 1 && line[0] == 0x32 }
        #expect(try await kinds(TextReader(options: options)) == [.paragraph, .furniture, .paragraph], "its own")
    }

    @Test func theStandardPipelinesReaderMakesParliamentaryFurnitureBlocks() async throws {
        var harness = StageHarness(TextGraphPipeline.reader(options: TextGraphPipeline.Options()))
        let text = "Vraag 1\nWelke?\nah-tk-20242025-594\nAntwoord 1"
        let out = try await harness.feed(SourceDocument(id: "k.txt", content: .text(text)))
        #expect(out[0][Blocks.self]?.map(\.kind) == [.paragraph, .furniture, .paragraph])
        let line = Array("ah-tk-20242025-594".utf8)
        #expect(line.withUnsafeBufferPointer { !ReaderOptions().pageFurniture.contains($0) }, "none by default")
    }

    @Test func namesInFurnitureAreNotTagged() async throws {
        let text = "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n\nDe Tweede Kamer vergadert."
        var document = Document(id: "d", text: text)
        document[Blocks.self] = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
        document[Tokens.self] = Tokenizer().tokenize(text)
        var harness = StageHarness(GazetteerTagger(matcher: Fixtures.matcher))
        let out = try await harness.feed(document)
        #expect(out[0][Mentions.self]?.map { out[0].text(of: $0.span) } == ["Tweede Kamer"])
        #expect(out[0][Mentions.self]?.first?.span.start ?? 0 > 50)
    }
}
