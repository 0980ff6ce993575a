import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

@testable import TextGraphEntities

/// The matcher on text as PDF extraction leaves it, and names written with a space for a hyphen.
@Suite struct GazetteerMatcherRobustnessTests {
    static let gazetteer: Gazetteer = {
        let rows = [
            "gov/tk\tGovernmentOrganization\tTweede Kamer\t\tTweede Kamer der Staten-Generaal\t\t",
            "municipality/gm0518\tAdministrativeArea\tDen Haag\t\t's-Gravenhage\t\t",
            "place/nk\tPlace\tNagorno-Karabach\t\t\t\t",
            "place/marum\tCity\tMarum\t\t\t\t",
            "law/archiefwet\tLegislation\tArchiefwet\t\t\t\t",
            "law/wet-x-2020\tLegislation\tWet X 2020\t\t\t\t",
            "person/dvw\tPerson\tDavid van Weel\t\tvan Weel|Van Weel\t\t",
        ]
        return try! Gazetteer.parse(tsv: GazetteerTests.header + rows.joined(separator: "\n"), source: "test")
    }()

    func found(_ text: String) -> [String] {
        let matcher = GazetteerMatcher(gazetteer: Self.gazetteer)
        return matcher.matches(in: text, tokens: Tokenizer().tokenize(text)).map { match in
            String(decoding: Array(text.utf8)[match.span.start..<match.span.end], as: UTF8.self)
        }
    }

    @Test func namesGluedToNumbersByTextExtractionAreFoundWithoutTheNumber() {
        #expect(found("Tweede Kamer der Staten-Generaal2") == ["Tweede Kamer der Staten-Generaal"])
        #expect(
            found("ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar") == ["’s-Gravenhage", "Tweede Kamer"])
        // Digits inside a token, or a token that is only a code, stay as they are.
        #expect(found("2024Z01911 en Tw2ede Kamer") == [])
    }

    @Test func genitivesAndCompoundsWithALowercaseFirstPartHoldTheName() {
        #expect(
            found("Den Haag's beleid, Den Haag’s plan, de Marum-route en het kabinet-Marum") == [
                "Den Haag", "Den Haag", "Marum", "Marum",
            ])
        #expect(found("de gemeente-marum en Marums") == [])
    }

    @Test func aHyphenatedNameAlsoMatchesWithASpace() {
        #expect(found("in Nagorno Karabach en Nagorno-Karabach") == ["Nagorno Karabach", "Nagorno-Karabach"])
    }

    func tagged(_ text: String) async throws -> [String] {
        var tagger = StageHarness(GazetteerTagger(gazetteer: Self.gazetteer))
        let out = try await tagger.feed(try Fixtures.segmented(text))
        #expect(try await tagger.finish().isClean)
        return (out[0][Mentions.self] ?? []).map { out[0].text(of: $0.span) }
    }

    @Test func aLawNamedWithItsYearIncludesTheYear() async throws {
        #expect(
            try await tagged("Op grond van de Archiefwet 1995 en de Archiefwet.") == ["Archiefwet 1995", "Archiefwet"])
        // A name that has its year already, or a longer number after it, is left as it is.
        #expect(
            try await tagged("De Wet X 2020 2021 geldt. De Archiefwet 19951 niet.") == ["Wet X 2020", "Archiefwet"])
    }

    @Test func initialsBeforeAPersonsNameArePartOfIt() async throws {
        #expect(try await tagged("Hoogachtend,\n\nD.M. van Weel\n\nVraag 1") == ["D.M. van Weel"])
        #expect(try await tagged("Volgens J. van Weel en (D. van Weel) niet.") == ["J. van Weel", "D. van Weel"])
        // Not after a word ending in a capital and a full stop, nor before a place or a law.
        #expect(
            try await tagged("Het stuk van de NAVO. Van Weel zei dat. In B. Marum en A. Archiefwet.") == [
                "Van Weel", "Marum", "Archiefwet",
            ])
    }

    @Test func aPlaceInsideALongerUnknownNameIsNotMentioned() async throws {
        #expect(try await tagged("Hij studeert aan de Vrije Universiteit Marum en bij Marum Airlines.") == [])
        // A known name beside it, punctuation, a lowercase word or a sentence start leave it be.
        #expect(
            try await tagged("Tussen Den Haag Marum, Marum. Marum ligt bij de gemeente Marum.") == [
                "Den Haag", "Marum", "Marum", "Marum", "Marum",
            ])
    }

    @Test func aPlaceAfterACapitalizedSurnamePrefixIsASurname() async throws {
        #expect(try await tagged("Het lid Van Marum vroeg. Wonen in Marum.") == ["Marum"])
        #expect(try await tagged("Van Marum naar Groningen.") == ["Marum"])
    }
}

@Suite struct AbbreviationDefinitionTaggerTests {
    func run(_ text: String, gazetteer: Gazetteer = GazetteerMatcherRobustnessTests.gazetteer) async throws -> Document
    {
        var tagger = StageHarness(GazetteerTagger(gazetteer: gazetteer))
        var definitions = StageHarness(AbbreviationDefinitionTagger())
        let tagged = try await tagger.feed(try Fixtures.segmented(text))
        let out = try await definitions.feed(tagged[0])
        #expect(try await definitions.finish().isClean)
        return out[0]
    }

    func mentions(_ document: Document) -> [String] {
        (document[Mentions.self] ?? []).map {
            "\(document.text(of: $0.span))=\($0.entity.map(Gazetteer.entityID) ?? "-")"
        }
    }

    @Test func bothFormsOfAnUnknownDefinitionAreOneNewEntity() async throws {
        let document = try await run("Het Kennisplatform Effecten Mijnbouw (KEM) adviseert. De KEM is onafhankelijk.")
        #expect(
            mentions(document) == [
                "Kennisplatform Effecten Mijnbouw=org/kennisplatform-effecten-mijnbouw",
                "KEM=org/kennisplatform-effecten-mijnbouw",
                "KEM=org/kennisplatform-effecten-mijnbouw",
            ])
        let entity = try #require(document[Entities.self]?.first)
        #expect(entity.types == [.schema("Organization")])
        #expect(entity.labels == [Literal("Kennisplatform Effecten Mijnbouw", language: "nl")])
        #expect(entity.sources == [AbbreviationDefinitionTagger.definedInText])
    }

    @Test func aKnownLongFormGivesItsEntityToTheShortForm() async throws {
        let document = try await run("De Tweede Kamer der Staten-Generaal (TK) vergadert. De TK stemt.")
        #expect(mentions(document) == ["Tweede Kamer der Staten-Generaal=gov/tk", "TK=gov/tk", "TK=gov/tk"])
        #expect(document[Mentions.self]?.allSatisfy { $0.candidates == [IRI(Gazetteer.entityBase + "gov/tk")] } == true)
        #expect(
            document[Entities.self] == nil || document[Entities.self] == [],
            "a known entity is described by the linker, not here")
    }

    @Test func aLongFormInBracketsAfterTheShortFormIsADefinitionToo() async throws {
        let document = try await run("Het IMG (Instituut Mijnbouwschade Groningen) betaalt.")
        #expect(
            mentions(document)
                == [
                    "IMG=agency/instituut-mijnbouwschade-groningen",
                    "Instituut Mijnbouwschade Groningen=agency/instituut-mijnbouwschade-groningen",
                ].map {
                    $0.replacingOccurrences(of: "agency/", with: "org/")
                })
        #expect(document[Entities.self]?.first?.types == [.schema("Organization")])
    }

    /// The texts of the documents in `corpus/`, in name order.
    static func corpusTexts() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.path + "/corpus").sorted().map {
            try String(contentsOfFile: Fixtures.packageRoot.path + "/corpus/" + $0, encoding: .utf8)
        }
    }

    @Test func theLongFormIsTheSameReadOnBytesAsOnCharacters() throws {
        // Every bracket of the corpus and of hand-made cases, with every capitalized token
        // before it as a short form: the ASCII path must find what the character path finds.
        var texts = try Self.corpusTexts()
        texts.append("De Autoriteit Consument en Markt (ACM) en de Wet op het financieel toezicht (Wft) en het IMG.")
        texts.append("Van de Nederlandse Voedsel- en Warenautoriteit (NVWA) en de Raad van State (RvS) en AI.")
        var compared = 0
        var found = 0
        for text in texts {
            let document = try Fixtures.segmented(text)
            let tokens = try #require(document[Tokens.self])
            for (index, token) in tokens.enumerated() where index >= 2 {
                let short = AbbreviationDefinitionTagger.substring(text, token.span)
                guard short.first?.isUppercase == true else { continue }
                let words = Array(tokens[max(0, index - 8)..<index])
                let ascii = AbbreviationDefinitionTagger.asciiLongForm(of: short, words: words, text: text)
                let characters = AbbreviationDefinitionTagger.characterLongForm(of: short, words: words, text: text)
                if let ascii {
                    #expect(ascii == characters, "\(short) after \(words.count) words")
                    compared += 1
                    if ascii != nil { found += 1 }
                }
            }
        }
        #expect(compared > 200 && found > 5, "compared \(compared), found \(found)")
        // Not ASCII: left to the character path.
        let accented = "Europees Onderzoek (ÉO)"
        let words = Array(try #require(try Fixtures.segmented(accented)[Tokens.self]).prefix(2))
        #expect(AbbreviationDefinitionTagger.asciiLongForm(of: "ÉO", words: words, text: accented) == nil)
        #expect(AbbreviationDefinitionTagger.asciiLongForm(of: "EO", words: words, text: accented) != nil)
    }

    @Test func theShortFormIsTheSameReadOnBytesAsOnCharacters() throws {
        // Every token of the corpus and hand-made edge cases: the byte path answers for ASCII
        // tokens as the character path does, and leaves the others to it.
        var tokens = [
            "ACM", "NZa", "Wft", "Wajong", "Autoriteit", "AT&T", "CD&V", "COVID-19", "A", "AB", "Ab", "ABCDEFGHIJ",
            "ABCDEFGHIJK", "Abcdefg", "AbcdefG", "1ABC", "AB|C", "AB C", "A.B", "AB-", "B1", "Bb1234", "&&", "A\r\nB",
        ]
        for text in try Self.corpusTexts() {
            tokens += try #require(try Fixtures.segmented(text)[Tokens.self]).map {
                AbbreviationDefinitionTagger.substring(text, $0.span)
            }
        }
        var compared = 0
        var shortForms = 0
        for token in tokens {
            guard let ascii = AbbreviationDefinitionTagger.asciiIsShortForm(token) else { continue }
            #expect(ascii == AbbreviationDefinitionTagger.characterIsShortForm(token), "\(token)")
            compared += 1
            if ascii { shortForms += 1 }
        }
        #expect(compared > 1000 && shortForms > 10, "compared \(compared), short forms \(shortForms)")
        #expect(AbbreviationDefinitionTagger.asciiIsShortForm("ÉO") == nil)
        #expect(AbbreviationDefinitionTagger.isShortForm("ÉO"))
    }

    @Test func lowercaseLongFormsAndNonMatchingLettersDefineNothing() async throws {
        #expect(
            mentions(try await run("Zij gebruiken kunstmatige intelligentie (AI) en Grote Taalmodellen (XYZ).")) == [])
        #expect(mentions(try await run("Hij woont in Den Haag (NL).")) == ["Den Haag=-"], "tagged, not yet linked")
    }

    @Test func namesInsideTheLongFormGiveWayToIt() async throws {
        let document = try await run("De Gemeente Den Haag Onderzoek (GDHO) start.")
        #expect(
            mentions(document) == [
                "Gemeente Den Haag Onderzoek=org/gemeente-den-haag-onderzoek", "GDHO=org/gemeente-den-haag-onderzoek",
            ])
        #expect(document[Entities.self]?.first?.types == [.schema("Thing")])
    }

    @Test func aDefinitionInTheStandardPipelineLinksBothFormsInTheGraph() async throws {
        let pipeline = try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer)
        #expect(pipeline.descriptors.map(\.name).contains("AbbreviationDefinitionTagger"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("textgraph-kem-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "Het Kennisplatform Effecten Mijnbouw (KEM) adviseert. De KEM is onafhankelijk.\n"
        try text.write(to: folder.appendingPathComponent("kem.txt"), atomically: true, encoding: .utf8)
        var fragments: [GraphFragment] = []
        _ = try await PipelineRunner(configuration: .init(jobs: 1)).run(
            try CorpusSource(inputs: [folder.path]), through: pipeline
        ) {
            fragments.append($0)
        }
        let fragment = try #require(fragments.first)
        let entity = IRI(Gazetteer.entityBase + "org/kennisplatform-effecten-mijnbouw")
        let links = fragment.triples.filter { $0.predicate.value.hasSuffix("#taIdentRef") && $0.object == .iri(entity) }
        #expect(links.count == 3)
        #expect(
            fragment.sharedTriples.contains(
                Triple(
                    .iri(entity), IRI("http://purl.org/dc/terms/source"),
                    .iri(AbbreviationDefinitionTagger.definedInText))))
    }
}

/// The bundled gazetteer: curated lists and the reference lists built from open data.
@Suite struct BundledGazetteerTests {
    /// The curated files, as they load alone.
    static func curated() throws -> [(String, Gazetteer)] {
        let folder = Fixtures.packageRoot.appendingPathComponent("Sources/Stages/Entities/Resources/Gazetteer")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
            .map {
                ($0, try Gazetteer.load(path: folder.appendingPathComponent($0).path))
            }
    }

    @Test func noCuratedEntryIsLostOrChanged() throws {
        let bundled = Fixtures.gazetteer
        for (file, gazetteer) in try Self.curated() {
            for entry in gazetteer.entries {
                let loaded = try #require(bundled[entry.iri], "\(file): \(entry.iri.value) is missing")
                #expect(loaded.types == entry.types, "\(entry.iri.value): types changed")
                #expect(loaded.labels == entry.labels, "\(entry.iri.value): labels changed")
                #expect(Set(entry.aliases).isSubset(of: loaded.aliases), "\(entry.iri.value): aliases lost")
                #expect(loaded.adjectives == entry.adjectives && Set(entry.sameAs).isSubset(of: loaded.sameAs))
                #expect(loaded.sources.first == GazetteerSource.curated)
            }
        }
    }

    @Test func referenceListsAddLawsPlacesPeopleAndTheirSources() throws {
        let bundled = Fixtures.gazetteer
        #expect(bundled.count > 20_000)
        let gemeentewet = try #require(bundled[IRI(Gazetteer.entityBase + "law/gemeentewet")])
        #expect(gemeentewet.identifiers == ["BWBR0005416"])
        #expect(gemeentewet.pages == ["https://wetten.overheid.nl/BWBR0005416"])
        let denHaag = try #require(bundled[IRI(Gazetteer.entityBase + "municipality/gm0518")])
        #expect(denHaag.sameAs == [IRI("http://www.wikidata.org/entity/Q36600")])
        #expect(denHaag.sources.contains(GazetteerSource.tooi))
        // A member known to both the curated list and the Kamer's data is one entity with both.
        let bikker = try #require(bundled[IRI(Gazetteer.entityBase + "person/mirjam-bikker")])
        #expect(bikker.sources == [GazetteerSource.curated, GazetteerSource.tweedeKamer])
        #expect(bikker.memberOf == [IRI(Gazetteer.entityBase + "party/christenunie")])
    }

    @Test func theReferenceListsOnlyUseEntitiesThatExist() {
        let bundled = Fixtures.gazetteer
        let missing = Set(bundled.entries.flatMap(\.memberOf)).filter { bundled[$0] == nil }
        #expect(missing.isEmpty, "member_of targets missing: \(missing.prefix(5))")
        #expect(bundled.entries.allSatisfy { !$0.types.isEmpty && (!$0.labels.isEmpty || !$0.aliases.isEmpty) })
    }
}

/// The compiled gazetteer: the same entities and matches as the TSV files, used only while it
/// was compiled from them, and a damaged file is a clear error.
@Suite struct CompiledGazetteerTests {
    /// A gazetteer folder laid out as the bundled one, in a temporary directory.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textgraph-compiled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Reference"), withIntermediateDirectories: true)
        let curated =
            GazetteerTests.header + "org/nuctech\tCorporation\tNuctech\t\t\t\t\nlaw/x\tLegislation\tWet X\t\t\t\t\n"
        let reference = GazetteerTests.header + "law/x\tLegislation\tWet X\t\tWX\t\t\nplace/y\tCity\tYpenburg\t\t\t\t\n"
        try curated.write(to: folder.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        try reference.write(to: folder.appendingPathComponent("Reference/10-r.tsv"), atomically: true, encoding: .utf8)
        return folder
    }

    static func compile(_ folder: URL) throws {
        let gazetteer = try Gazetteer.bundled(in: folder, compiled: false)
        let data = CompiledGazetteer.data(
            of: gazetteer, matcher: GazetteerMatcher(gazetteer: gazetteer, tokenizer: Tokenizer()),
            sourceHash: try Gazetteer.sourceHash(in: folder)
        )
        try data.write(to: folder.appendingPathComponent(CompiledGazetteer.fileName))
    }

    func matches(_ gazetteer: Gazetteer, _ text: String) -> [String] {
        GazetteerMatcher(gazetteer: gazetteer).matches(in: text, tokens: Tokenizer().tokenize(text)).map {
            "\($0.span.start)-\($0.span.end)=\($0.entries)"
        }
    }

    @Test func aCompiledFolderLoadsTheSameEntitiesAndMatches() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parsed = try Gazetteer.bundled(in: folder, compiled: false)
        try Self.compile(folder)
        let compiled = try Gazetteer.bundled(in: folder)
        #expect(compiled.entries == parsed.entries)
        #expect(compiled.entries.first?.sources == [GazetteerSource.curated])
        #expect(compiled[IRI(Gazetteer.entityBase + "law/x")]?.aliases == ["WX"])
        let text = "Nuctech, de Wet X (WX) en Ypenburg."
        #expect(matches(compiled, text) == matches(parsed, text))
        #expect(matches(compiled, text).count == 4)
    }

    @Test func anEditedTSVFileIsReadAsItIsUntilTheNextCompile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.compile(folder)
        let edited = GazetteerTests.header + "org/nuctech\tCorporation\tNuctech\t\tNuctech Ltd\t\t\n"
        try edited.write(to: folder.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        let loaded = try Gazetteer.bundled(in: folder)
        #expect(loaded[IRI(Gazetteer.entityBase + "org/nuctech")]?.aliases == ["Nuctech Ltd"])
        #expect(loaded[IRI(Gazetteer.entityBase + "law/x")]?.labels == [Literal("Wet X", language: "nl")])
    }

    @Test func aDamagedOrForeignCompiledFileIsAnErrorNamingIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.compile(folder)
        let file = folder.appendingPathComponent(CompiledGazetteer.fileName)
        let whole = try Data(contentsOf: file)
        try whole.prefix(whole.count - 100).write(to: file)
        let cut = #expect(throws: StageError.self) { _ = try Gazetteer.bundled(in: folder) }
        #expect(cut?.message.contains(file.path) == true)
        #expect(cut?.message.contains("cut short or damaged") == true)
        try Data("not a gazetteer at all".utf8).write(to: file)
        let foreign = #expect(throws: StageError.self) { _ = try Gazetteer.bundled(in: folder) }
        #expect(foreign?.message.contains("not a compiled gazetteer") == true)
        var other = whole
        other[5] = 99  // another format version
        try other.write(to: file)
        let version = #expect(throws: StageError.self) { _ = try Gazetteer.bundled(in: folder) }
        #expect(version?.message.contains("format 99") == true)
    }

    /// The byte offset of the first entry's count of numbers in a compiled file: after the
    /// magic, the version, the source hash and the string table, and the count of entries.
    static func firstEntryOffset(_ data: Data) -> Int {
        var offset = 5 + 4 + 8
        let strings = uint32(data, at: offset)
        offset += 4
        for _ in 0..<strings { offset += 4 + uint32(data, at: offset) }
        return offset + 4
    }

    /// The little-endian `UInt32` at a byte offset of a compiled file.
    static func uint32(_ data: Data, at offset: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(data[data.startIndex + offset + $1]) << (8 * $1) }
    }

    @Test func aDamagedEntryIsAClearErrorNamingTheFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.compile(folder)
        let file = folder.appendingPathComponent(CompiledGazetteer.fileName)
        let whole = try Data(contentsOf: file)
        let entry = Self.firstEntryOffset(whole)
        #expect(Self.uint32(whole, at: entry - 4) == 3, "the offset is the first entry's: three entries before it")
        let numbers = Self.uint32(whole, at: entry)
        #expect(numbers > 4 && (entry + 4 + numbers * 4) < whole.count)
        // Numbers of the first entry, each 4 bytes after its count: the IRI's string, the count
        // of types, one type, the count of labels.
        for (name, offset, value) in [
            ("a string number past the table", entry + 4, 0xFFFF),
            ("a count of numbers past the end", entry, (whole.count - entry - 4) / 4 + 1),
            ("a count of types past the entry", entry + 8, 0x7FFF_FFFF),
            ("a count of labels past the entry", entry + 16, 0x7FFF_FFFF),
        ] {
            var damaged = whole
            for k in 0..<4 { damaged[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
            try damaged.write(to: file)
            let error = #expect(throws: StageError.self, "\(name)") { _ = try Gazetteer.bundled(in: folder) }
            #expect(error?.message.contains(file.path) == true, "\(name)")
            #expect(error?.message.contains("cut short or damaged") == true, "\(name)")
        }
    }

    @Test func theBundledGazetteerIsReadOncePerProcess() throws {
        let first = try Gazetteer.bundled()
        let second = try Gazetteer.bundled()
        #expect(first.count > 20_000)
        let shared = first.entries.withUnsafeBufferPointer { a in
            second.entries.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        #expect(shared, "both calls share the entries the first one read")
    }

    @Test func theBundledGazetteerIsCompiledFromItsFiles() {
        #expect(Gazetteer.bundledIsCompiled, "run scripts/build-gazetteers.sh or textgraph gazetteer compile")
        #expect(
            GazetteerMatcher(gazetteer: Fixtures.gazetteer).aliasCount
                == GazetteerMatcher(gazetteer: Fixtures.gazetteer, tokenizer: Tokenizer()).aliasCount)
    }
}
