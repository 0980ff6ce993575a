import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct TEIReaderTests {
    static let plain = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-NL_test">
          <teiHeader><fileDesc>
            <titleStmt>
              <title type="main" xml:lang="en">English title</title>
              <title type="main" xml:lang="nl">Nederlandse titel</title>
              <meeting ana="#parla.lower #parla.sitting" n="2017-01-26">Sitting</meeting>
            </titleStmt>
            <sourceDesc><bibl><date when="2017-01-26">2017-01-26</date></bibl></sourceDesc>
          </fileDesc></teiHeader>
          <text><body><div>
            <head>Verbod op winstuitkering</head>
            <note type="speaker">De voorzitter</note>
            <u who="#KhadijaArib" ana="#chair">
              <seg>Ik heet u welkom.</seg>
              <seg>Het woord is aan mevrouw Bouwmeester.</seg>
            </u>
            <gap reason="editorial"><desc>weggelaten</desc></gap>
            <u who="#LeaBouwmeester" ana="#regular"><seg>Voorzitter. Drie partijen.</seg></u>
          </div></body></text>
        </TEI>
        """

    static let annotated = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>
          <u who="#JanAnthonieBruijn" ana="#chair"><seg>
            <s xml:id="s1">
        <w>Ik</w>
        <w>heet</w>
        <name type="ORG">
        <w>Eerste</w>
        <w join="right">Kamer</w>
        </name>
        <pc>,</pc>
        <w join="right">welkom</w>
        <pc>.</pc>
        <linkGrp type="UD-SYN"><link ana="ud-syn:root" target="#s1 #w1"/></linkGrp>
            </s>
            <s><w join="right">Dank</w><pc>!</pc></s>
          </seg></u>
        </div></body></text></TEI>
        """

    func read(_ xml: String, people: [TEIPerson] = [], notes: Bool = false) async throws -> Document {
        var harness = StageHarness(TEIReader(people: people, includeNotes: notes))
        let out = try await harness.feed(SourceDocument(id: "t.xml", content: .text(xml), format: .xml))
        #expect(try await harness.finish().isClean)
        #expect(out[0]._checkInvariants().isEmpty)
        return out[0]
    }

    @Test func segsAreParagraphsAndHeadingsHeadings() async throws {
        let document = try await read(Self.plain)
        #expect(
            document.text
                == "Verbod op winstuitkering\n\nIk heet u welkom.\n\nHet woord is aan mevrouw Bouwmeester.\n\nVoorzitter. Drie partijen."
        )
        #expect(document[Blocks.self]?.map(\.kind) == [.heading, .paragraph, .paragraph, .paragraph])
        #expect(document[Blocks.self]?[1].origin == "/TEI/text/body/div/u/seg")
    }

    @Test func headerGivesTitleDateHouseAndIdentifier() async throws {
        let metadata = try await read(Self.plain).metadata
        #expect(metadata.title == "Nederlandse titel")
        #expect(metadata.date == "2017-01-26")
        #expect(metadata.properties["house"] == "Tweede Kamer")
        #expect(metadata.identifier == "ParlaMint-NL_test")
        #expect(metadata.format == "tei")
    }

    @Test func utterancesCarrySpeakerAndRole() async throws {
        let people = [TEIPerson(id: "KhadijaArib", forename: "Khadija", surname: "Arib", affiliations: [], pages: [])]
        let document = try await read(Self.plain, people: people)
        let utterances = try #require(document[Utterances.self])
        #expect(utterances.map(\.speakerID) == ["KhadijaArib", "LeaBouwmeester"])
        #expect(utterances.map(\.speakerName) == ["Khadija Arib", nil])
        #expect(utterances.map(\.role) == ["chair", "regular"])
        #expect(document.text(of: utterances[0].span) == "Ik heet u welkom.\n\nHet woord is aan mevrouw Bouwmeester.")
    }

    @Test func notesCanBeKept() async throws {
        let document = try await read(Self.plain, notes: true)
        #expect(document.text.contains("De voorzitter\n\nIk heet u welkom."))
    }

    @Test func annotatedTextIsRebuiltFromTokensWithGoldLayers() async throws {
        let document = try await read(Self.annotated)
        #expect(document.text == "Ik heet Eerste Kamer, welkom. Dank!")
        #expect(
            document.texts(document[GoldSentences.self]!.map(\.span)) == ["Ik heet Eerste Kamer, welkom.", "Dank!"])
        #expect(
            document.texts(document[GoldTokens.self]!.map(\.span)) == [
                "Ik", "heet", "Eerste", "Kamer", ",", "welkom", ".", "Dank", "!",
            ])
        let names = try #require(document[GoldMentions.self])
        #expect(document.texts(names.map(\.span)) == ["Eerste Kamer"])
        #expect(names[0].entityClass == IRI(Vocabulary.Namespace.tg.iri + "ORG"))
    }

    @Test func otherRootsAreRejected() async {
        var harness = StageHarness(TEIReader())
        let error = await #expect(throws: StageError.self) {
            _ = try await harness.feed(SourceDocument(id: "t.xml", content: .text("<d><p>x</p></d>"), format: .xml))
        }
        #expect(error?.message == "not a TEI document: the root element is <d>, not <TEI>")
    }

    @Test func personListGivesNamesAndAffiliations() throws {
        let xml = """
            <listPerson xmlns="http://www.tei-c.org/ns/1.0">
              <person xml:id="AnouchkavanMiltenburg">
                <persName><surname>van Miltenburg</surname><forename>Anouchka</forename></persName>
                <affiliation role="member" ref="#party.VVD"/>
                <affiliation role="head" from="2012-09-25" to="2015-12-12" ref="#TK"/>
                <idno type="URI" subtype="wikimedia">https://nl.wikipedia.org/wiki/Anouchka_van_Miltenburg</idno>
              </person>
            </listPerson>
            """
        let people = try TEIPersonList.parse(Array(xml.utf8))
        #expect(people.count == 1)
        #expect(people[0].fullName == "Anouchka van Miltenburg")
        #expect(people[0].affiliations.map(\.organization) == ["party.VVD", "TK"])
        #expect(people[0].affiliations[1].from == "2012-09-25")
        #expect(people[0].pages == ["https://nl.wikipedia.org/wiki/Anouchka_van_Miltenburg"])
    }

    // MARK: The ParlaMint samples in ../shared/data

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func everySegOfTheParlaMintSamplesIsInTheText() async throws {
        for path in try SharedData.files(in: "parlamint-nl", ending: ".xml") where !path.hasSuffix("listPerson.xml") {
            var harness = StageHarness(TEIReader())
            let document = try await harness.feed(SourceDocument(id: path, content: .file(path), format: .xml))[0]
            let segs = try Self.segTexts(path)
            #expect(path.contains(".ana.") || !segs.isEmpty, "\(path): no <seg> found")
            for seg in segs {
                #expect(document.text.contains(seg), "\(path): a <seg> is missing from the text: \(seg.prefix(60))")
            }
        }
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func annotatedSampleMatchesThePlainOneAndHasGold() async throws {
        func read(_ name: String) async throws -> Document {
            let path = try SharedData.path("parlamint-nl/" + name)
            var harness = StageHarness(
                TEIReader(
                    people: try TEIPersonList.load(
                        path: try SharedData.path("parlamint-nl/ParlaMint-NL-listPerson.xml"))))
            return try await harness.feed(SourceDocument(id: name, content: .file(path), format: .xml))[0]
        }
        let plain = try await read("ParlaMint-NL_2022-07-12-eerstekamer-3.xml")
        let annotated = try await read("ParlaMint-NL_2022-07-12-eerstekamer-3.ana.xml")
        #expect(plain.text == annotated.text)
        #expect(annotated[GoldSentences.self]?.count == 10)
        #expect(annotated[GoldTokens.self]?.count == 122)
        #expect(annotated[GoldMentions.self]?.count == 3)
        #expect(plain[Utterances.self]?.first?.speakerName == "Jan Anthonie Bruijn")
        #expect(plain.metadata.properties["house"] == "Eerste Kamer")
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func parlaMintPersonListLoads() throws {
        let people = try TEIPersonList.load(path: try SharedData.path("parlamint-nl/ParlaMint-NL-listPerson.xml"))
        #expect(people.count == 586)
        #expect(people.first { $0.id == "KhadijaArib" }?.fullName == "Khadija Arib")
    }

    /// The text of every `<seg>` of a TEI file, white space collapsed, by a simple scan of the
    /// file (the samples' segs hold plain text), independent of the reader under test.
    static func segTexts(_ path: String) throws -> [String] {
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        var result: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<seg"), let close = rest[open.upperBound...].range(of: "</seg>") {
            let start = rest[open.upperBound...].firstIndex(of: ">").map { rest.index(after: $0) } ?? open.upperBound
            let inner = rest[start..<close.lowerBound]
            rest = rest[close.upperBound...]
            guard !inner.contains("<") else { continue }  // .ana segs hold markup; checked through the gold layers
            let text = inner.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&apos;", with: "'")
            result.append(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " "))
        }
        return result
    }
}

@Suite struct SpeakerLinkingTests {
    @Test func speakersAreLinkedByNameToPeopleTheGazetteerKnows() async throws {
        let people = [TEIPerson(id: "KhadijaArib", forename: "Khadija", surname: "Arib")]
        var reader = StageHarness(TEIReader(people: people))
        var document = try await reader.feed(
            SourceDocument(id: "t.xml", content: .text(TEIReaderTests.plain), format: .xml))[0]
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        let header = "id\ttype\tlabel@nl\tlabel@en\taliases\tadjectives\tsame_as\n"
        let gazetteer = try Gazetteer.parse(
            tsv: header + "person/khadija-arib\tPerson\tKhadija Arib\t\tArib\t\t", source: "test")
        var tagger = StageHarness(GazetteerTagger(gazetteer: gazetteer))
        var linker = StageHarness(EntityLinker(gazetteer: gazetteer))
        let linked = try await linker.feed(try await tagger.feed(document)[0])[0]
        let speakers = try #require(linked[Utterances.self]).map { $0.speaker?.value }
        #expect(speakers == [Gazetteer.entityBase + "person/khadija-arib", nil])
        #expect(linked[Entities.self]?.map(\.iri.value) == [Gazetteer.entityBase + "person/khadija-arib"])
        #expect(GraphBuilder().build(linked).triples.contains { $0.predicate == Vocabulary.tgSpeaker.iri })
    }
}
