import Pipeline
import Stages
import Testing

@testable import TextGraphEvaluation

@Suite struct CoNLLUCorpusTests {
    /// A token line: id, form, and `SpaceAfter=No` when `glued`.
    static func token(_ id: String, _ form: String, glued: Bool = false) -> String {
        "\(id)\t\(form)\t_\t_\t_\t_\t_\t_\t_\t\(glued ? "SpaceAfter=No" : "_")"
    }

    static func sentence(_ id: String, _ tokens: [(String, Bool)]) -> String {
        "# sent_id = \(id)\n# text = …\n"
            + tokens.enumerated().map { token("\($0.offset + 1)", $0.element.0, glued: $0.element.1) }.joined(
                separator: "\n")
            + "\n\n"
    }

    func texts(_ document: Document, _ spans: [Span]?) -> [String] { (spans ?? []).map { document.text(of: $0) } }

    @Test func rebuildsRunningTextInNumericOrder() throws {
        // Written in the file's lexicographic order: p.10 before p.2, s.10 before s.2.
        let conllu =
            Self.sentence("wiki-1.p.10.s.1", [("Slot", false), (".", false)])
            + Self.sentence("wiki-1.p.2.s.10", [("Twee", true), (".", false)])
            + Self.sentence("wiki-1.p.2.s.2", [("Een", false), ("zin", true), (".", false)])
            + Self.sentence("wiki-1.p.2.s.1", [("Kop", false), ("zonder", false), ("punt", false)])
        let corpus = try CoNLLUCorpus(parsing: conllu, source: "data/test.conllu")
        #expect(corpus.documents.count == 1)
        let document = try #require(corpus.documents.first)
        #expect(document.id == "test.conllu/wiki-1")
        #expect(document.text == "Kop zonder punt\nEen zin. Twee.\n\nSlot .")
        #expect(
            texts(document, document[GoldSentences.self]?.map(\.span)) == [
                "Kop zonder punt", "Een zin.", "Twee.", "Slot .",
            ])
        #expect(
            texts(document, document[GoldTokens.self]?.map(\.span)) == [
                "Kop", "zonder", "punt", "Een", "zin", ".", "Twee", ".", "Slot", ".",
            ])
        #expect(texts(document, document[Blocks.self]?.map(\.span)) == ["Kop zonder punt\nEen zin. Twee.", "Slot ."])
        #expect(document._checkInvariants().isEmpty)
    }

    @Test func readsBothUDDutchSentenceIDStyles() {
        let wiki = CoNLLUCorpus.position(of: "wiki-135.p.100.s.1")
        #expect(wiki?.document == "wiki-135" && wiki?.paragraph == 100 && wiki?.sentence == [1])
        let alpino = CoNLLUCorpus.position(of: #"WR-P-P-H-0000000005\WR-P-P-H-0000000005.p.1.s.2"#)
        #expect(alpino?.document == "WR-P-P-H-0000000005" && alpino?.paragraph == 1 && alpino?.sentence == [2])
        #expect(CoNLLUCorpus.position(of: "WR-P-E-I-0000004258.p.1.s.1.10")?.sentence == [1, 10])
        #expect(CoNLLUCorpus.position(of: "WR-P-E-I-0000000001.p.1.s.1_2")?.sentence == [1, 2])
        #expect(CoNLLUCorpus.position(of: "a.b.p.3.s.4")?.document == "a.b")
        #expect(CoNLLUCorpus.position(of: "ParlaMint-NL_2017.s2") == nil)
    }

    @Test func sentencePartsFollowTheirSentence() throws {
        let conllu =
            Self.sentence("d.p.1.s.1.10", [("tien", false)])
            + Self.sentence("d.p.1.s.2", [("Twee", false), (".", false)])
            + Self.sentence("d.p.1.s.1.9", [("negen", false)])
        let document = try #require(try CoNLLUCorpus(parsing: conllu, source: "x.conllu").documents.first)
        #expect(document.text == "negen\ntien\nTwee .")
    }

    @Test func groupsByNewdocAndNewparWhenTheFileHasThem() throws {
        let conllu = """
            # newdoc id = u1
            # newpar id = seg1
            # sent_id = x.s1
            \(Self.token("1", "Ja", glued: true))
            \(Self.token("2", "."))

            # sent_id = x.s2
            \(Self.token("1", "Nee", glued: true))
            \(Self.token("2", "!"))

            # newpar id = seg2
            # sent_id = x.s3
            \(Self.token("1", "Goed"))

            # newdoc id = u2
            # newpar id = seg3
            # sent_id = x.s4
            \(Self.token("1", "Dag"))

            """
        let corpus = try CoNLLUCorpus(parsing: conllu, source: "p.conllu")
        #expect(corpus.documents.map(\.id) == ["p.conllu/u1", "p.conllu/u2"])
        #expect(corpus.documents[0].text == "Ja. Nee!\n\nGoed")
        #expect(corpus.documents[0][Blocks.self]?.count == 2)
        #expect(corpus.documents[1].text == "Dag")
    }

    @Test func finalPunctuationMayBeFollowedByClosers() throws {
        let conllu =
            Self.sentence("d.p.1.s.1", [("Hij", false), ("ging", true), (".", true), ("\"", false), (")", false)])
            + Self.sentence("d.p.1.s.2", [("Lijst", false), ("volgt", true), (":", false)])
            + Self.sentence("d.p.1.s.3", [("item", false)])
        let document = try #require(try CoNLLUCorpus(parsing: conllu, source: "x.conllu").documents.first)
        #expect(document.text == "Hij ging.\" ) Lijst volgt:\nitem")
    }

    @Test func multiwordTokensCountOnceWithTheirSurfaceForm() throws {
        let conllu = """
            # sent_id = d.p.1.s.1
            1-2\tdu\t_\t_\t_\t_\t_\t_\t_\t_
            1\tde\t_\t_\t_\t_\t_\t_\t_\t_
            2\tle\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_
            3\tvin\t_\t_\t_\t_\t_\t_\t_\t_

            """
        let document = try #require(try CoNLLUCorpus(parsing: conllu, source: "x.conllu").documents.first)
        #expect(document.text == "du vin")
        #expect(document[GoldTokens.self]?.count == 2)
    }

    @Test func brokenLinesAreReportedWithTheirLineNumber() {
        let error = #expect(throws: StageError.self) {
            _ = try CoNLLUCorpus(parsing: "# sent_id = a\n1\tJa\n", source: "bad.conllu")
        }
        #expect(error?.code == .malformedInput)
        #expect(error?.message.contains("bad.conllu:2") == true)
    }

    @Test func otherFilesAreNotGold() {
        #expect(throws: StageError.self) { _ = try GoldCorpus.documents(atPath: "x/ParlaMint.ana.xml") }  // missing
        #expect(throws: StageError.self) { _ = try GoldCorpus.documents(atPath: "x/a.txt") }
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func readsTheParlaMintAnaTEIThroughTheTEIReader() throws {
        let documents = try GoldCorpus.documents(
            atPath: try SharedData.path("parlamint-nl/ParlaMint-NL_2022-07-12-eerstekamer-3.ana.xml"))
        #expect(documents.count == 1)
        #expect(documents[0][GoldSentences.self]?.count == 10)
        #expect(documents[0][GoldTokens.self]?.count == 122)
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func readsTheParlaMintCoNLLU() throws {
        let corpus = try CoNLLUCorpus(
            contentsOf: try SharedData.path("parlamint-nl/ParlaMint-NL_2017-01-26-tweedekamer-4.conllu"))
        #expect(corpus.documents.count == 4)
        #expect(corpus.documents.map { $0[GoldSentences.self]?.count ?? 0 }.reduce(0, +) == 63)
        #expect(corpus.documents.map { $0[GoldTokens.self]?.count ?? 0 }.reduce(0, +) == 1113)
        for document in corpus.documents { #expect(document._checkInvariants().isEmpty) }
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func readsLassySmallAsEighteenDocuments() throws {
        let corpus = try CoNLLUCorpus(
            contentsOf: try SharedData.path("ud-dutch-lassysmall/nl_lassysmall-ud-test.conllu"))
        #expect(corpus.documents.count == 18)
        #expect(corpus.documents.map { $0[GoldSentences.self]?.count ?? 0 }.reduce(0, +) == 1761)
        #expect(corpus.documents.map { $0[GoldTokens.self]?.count ?? 0 }.reduce(0, +) == 28995)
        let belgium = try #require(corpus.documents.first { $0.id.hasSuffix("/wiki-135") })
        #expect(belgium.text.hasPrefix("België\n\nBelgië (Frans: « Belgique », Duits: « Belgien »), officieel"))
    }
}
