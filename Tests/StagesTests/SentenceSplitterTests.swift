import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) throws -> [String] {
        let document = try Fixtures.segmented(text)
        return document.texts(document[Sentences.self]!.map(\.span))
    }

    @Test func splitsAtTerminalPunctuationBeforeACapital() throws {
        #expect(try sentences("Ja. Nee! Misschien? Wel…") == ["Ja.", "Nee!", "Misschien?", "Wel…"])
        #expect(try sentences("Het is zo. dat was het") == ["Het is zo. dat was het"])
    }

    @Test func abbreviationsInitialsAndNumbersDoNotSplit() throws {
        #expect(
            try sentences("Dit geldt o.a. voor China. Zie art. 8 van de wet.") == [
                "Dit geldt o.a. voor China.", "Zie art. 8 van de wet.",
            ])
        #expect(
            try sentences("Getekend, Sigrid A.M. Kaag. Daarna niets.") == [
                "Getekend, Sigrid A.M. Kaag.", "Daarna niets.",
            ])
        #expect(
            try sentences("Onder 5.4.4 en 30.06.00 staat het. Klaar.") == [
                "Onder 5.4.4 en 30.06.00 staat het.", "Klaar.",
            ])
    }

    @Test func sentenceFinalAbbreviationSplitsBeforeACapital() throws {
        #expect(
            try sentences("Scanners, poorten enz. Daarna volgt meer.") == [
                "Scanners, poorten enz.", "Daarna volgt meer.",
            ])
    }

    @Test func closingQuotesAndFootnoteMarkersStayWithTheSentence() throws {
        #expect(try sentences("Hij zei: 'Nee.' Toen ging hij.") == ["Hij zei: 'Nee.'", "Toen ging hij."])
        #expect(try sentences("Kent u het bericht? 1)\n\nAntwoord") == ["Kent u het bericht? 1)", "Antwoord"])
        #expect(
            try sentences("Kent u het bericht?<sup>1</sup>\n\nVraag 2") == [
                "Kent u het bericht?<sup>1</sup>", "Vraag 2",
            ])
    }

    @Test func headingsOnTheirOwnLineAreSentences() throws {
        #expect(
            try sentences("Vraag 1\nBent u bekend met het bericht?") == ["Vraag 1", "Bent u bekend met het bericht?"])
        #expect(
            try sentences("Antwoord vragen 2 en 3\n\nHet kabinet ziet risico's.") == [
                "Antwoord vragen 2 en 3", "Het kabinet ziet risico's.",
            ])
    }

    @Test func lineBreaksInsideASentenceDoNotSplit() throws {
        #expect(
            try sentences("over de export van\ncybersurveillance technologie") == [
                "over de export van\ncybersurveillance technologie"
            ])
        #expect(try sentences("Aan de Voorzitter van de\nTweede Kamer") == ["Aan de Voorzitter van de\nTweede Kamer"])
    }

    @Test func listItemsOnTheirOwnLinesAreSentences() throws {
        // A break the writer made (the next word would have fitted) after a short line ends an item.
        #expect(
            try sentences("Wallonië beslaat:\n\nWaals-Brabant\nHenegouwen,\nLuik\nprovincie Luxemburg\nNamen")
                == ["Wallonië beslaat:", "Waals-Brabant", "Henegouwen,", "Luik", "provincie Luxemburg", "Namen"])
        #expect(
            try sentences(
                "de Franstalige Gemeenschap,\nde Duitstalige Gemeenschap,\nhet Gemeenschappelijke Gewest Brussel")
                == [
                    "de Franstalige Gemeenschap,", "de Duitstalige Gemeenschap,",
                    "het Gemeenschappelijke Gewest Brussel",
                ])
        // Lowercase titles before a name, and web addresses, may begin a list line.
        #expect(
            try sentences("minister-president\ndrs. A. (Alexander) Pechtold\nWebsite D66\nhttp://www.d66.nl")
                == ["minister-president", "drs. A. (Alexander) Pechtold", "Website D66", "http://www.d66.nl"])
        // A caption ending in a spaced dash.
        #expect(
            try sentences(
                "Een lange alinea die hier het regelbeeld bepaalt en doorloopt tot ver voorbij de veertig tekens.\nSteenhommel op distel -\nMannetje van steenhommel op prei"
            )
                == [
                    "Een lange alinea die hier het regelbeeld bepaalt en doorloopt tot ver voorbij de veertig tekens.",
                    "Steenhommel op distel -", "Mannetje van steenhommel op prei",
                ])
    }

    @Test func wrappedLinesStayTogether() throws {
        // The next word would not have fitted on the line: the line was wrapped, not ended.
        let wrapped =
            "Vragen van het lid Martens-America (VVD) aan de Minister van Onderwijs,\nCultuur en Wetenschap over de capaciteitsfixus op trajecten binnen een\nopleiding (ingezonden 27 september 2024)."
        #expect(try sentences(wrapped) == [wrapped])
        #expect(
            try sentences(
                "3 Het is bij het kabinet niet bekend\nhoeveel personen deze schepen in de afgelopen jaren gered hebben."
            )
                == [
                    "3 Het is bij het kabinet niet bekend\nhoeveel personen deze schepen in de afgelopen jaren gered hebben."
                ])
        #expect(
            try sentences("Te raadplegen via\nhttps://www.tweedekamer.nl/kamerstukken") == [
                "Te raadplegen via\nhttps://www.tweedekamer.nl/kamerstukken"
            ])
    }

    @Test func quotesAndOmissionMarks() throws {
        // A straight quote that closes an open one stays with the sentence before it.
        #expect(
            try sentences("Hij zei: \" Bernini is de architect. \" Het is niet waar.")
                == ["Hij zei: \" Bernini is de architect. \"", "Het is niet waar."])
        // "(...)" marks words left out of a quotation; the sentence goes on.
        #expect(
            try sentences("de constructie van de St.-Pieter (...) Bernini bedelde.") == [
                "de constructie van de St.-Pieter (...) Bernini bedelde."
            ])
        #expect(
            try sentences("Het werkt bij 2 °C. In het voorjaar niet.") == [
                "Het werkt bij 2 °C.", "In het voorjaar niet.",
            ])
        // Newspaper quotes typed as ,, and '': the closing one stays with its sentence.
        #expect(
            try sentences("Dat moet beter. '' Er zijn teams. ,,Het is ook een manier.'' Klaar.")
                == ["Dat moet beter. ''", "Er zijn teams.", ",,Het is ook een manier.''", "Klaar."])
        #expect(try sentences("Zie de zangvogel. » Daarna") == ["Zie de zangvogel. »", "Daarna"])
    }

    @Test func randomTextsKeepTheInvariants() throws {
        // Pieces that exercise every rule, glued in random order (a fixed seed, so runs repeat).
        let pieces = [
            "Ja", ".", " ", "\n", "\n\n", ",,", "''", "'", "\"", "«", "»", "(", ")", "(...)", "-", " - ", "—", "…",
            "o.a.", "A.", "St.-", "CD&V", "sp.a", "90%", "°C", "66°", "km²", "3/4", "'80", "(en)", "www.x.nl/",
            "https://", "drs.", "via", "de", ",", ":", "België", "𝄞", "\u{00AD}", "2024Z01911", "5.4.4", "é", "1)",
            "<sup>1</sup>",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<500 {
            let text = (0..<(next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            let document = try Fixtures.segmented(text)
            #expect(document._checkInvariants().isEmpty, "\(text.debugDescription)")
            let bare = SentenceSplitter().split(text, tokens: document[Tokens.self]!, blocks: nil)
            #expect(bare.allSatisfy { !$0.span.isEmpty })
        }
    }

    @Test func sentencesNeverCrossBlocks() throws {
        var document = Document(id: "d", text: "Een zin zonder punt Nog een")
        document[Blocks.self] = [Block(span: Span(start: 0, end: 19)), Block(span: Span(start: 20, end: 27))]
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        let split = SentenceSplitter().split(
            document.text, tokens: document[Tokens.self]!, blocks: document[Blocks.self])
        #expect(document.texts(split.map(\.span)) == ["Een zin zonder punt", "Nog een"])
    }

    @Test func seedQuestionsAndHeadingsAreSentences() throws {
        let text = try Fixtures.corpusText(Fixtures.answers2019)
        let document = try Fixtures.segmented(text)
        let all = document.texts(document[Sentences.self]!.map(\.span))
        for n in 1...10 { #expect(all.contains("Vraag \(n)"), "Vraag \(n) is not a sentence of its own") }
        #expect(all.contains("Antwoord vragen 2 en 3"))
        #expect(all.contains("Antwoord vragen 8, 9 en 10"))
        #expect(all.contains("Sigrid A.M. Kaag"))
        #expect(
            all.contains(
                "Vindt u het wenselijk dat Nederlandse bedrijven dergelijke technologie leveren aan Chinese bedrijven?")
        )
        #expect(all.contains { $0.contains("onder 5.4.4 in het hoofdstuk '30.06.00 Strategische goederen'") })
        #expect(
            all.contains(
                "Op grond van de dual-useverordening (artikel 8) kan Nederland nationale wetgeving opstellen om een vergunningplicht in te stellen voor de uitvoer van dual-use items naar landen waar deze mogelijk worden ingezet bij mensenrechtenschendingen."
            ))

        let questions = try Fixtures.segmented(try Fixtures.corpusText(Fixtures.questions2024))
        let asked = questions.texts(questions[Sentences.self]!.map(\.span))
        for n in 1...9 { #expect(asked.contains("Vraag \(n)")) }
        #expect(
            asked.contains("Hoeveel Nuctech veiligheidsscanners worden momenteel ingezet door de Nederlandse douane?"))
        #expect(asked.contains("Hoe reflecteert u op dit besluit?"))
        #expect(asked.contains("Bent u bekend met bovenstaand bericht?"))
    }

    @Test func stageRequiresTokens() async throws {
        var harness = StageHarness(SentenceSplitter())
        let error = await #expect(throws: PipelineError.self) {
            _ = try await harness.feed(Document(id: "d", text: "Ja."))
        }
        #expect(error?.code == .missingRequirement)
        #expect(error?.message.contains("'SentenceSplitter' requires tokens") == true)
    }

    @Test func stageAssignsSentencesThroughTheHarnessAndInAPipeline() async throws {
        var harness = StageHarness(SentenceSplitter())
        var document = Document(id: "d", text: "Ja. Nee.")
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        let out = try await harness.feed(document)
        #expect(out[0][Sentences.self]?.count == 2)
        #expect(try await harness.finish().isClean)

        var pipeline = StageHarness(
            try Pipeline<Document, Document> {
                Tokenizer()
                SentenceSplitter()
            })
        let piped = try await pipeline.feed(Document(id: "d", text: "Ja. Nee."))
        #expect(piped[0][Sentences.self] == out[0][Sentences.self])
        #expect(piped[0]._checkInvariants().isEmpty)
    }

    @Test func splitterBeforeTokenizerIsRejected() {
        let error = #expect(throws: PipelineError.self) {
            _ = try Pipeline<Document, Document> {
                SentenceSplitter()
                Tokenizer()
            }
        }
        #expect(error?.message.contains("'SentenceSplitter' requires tokens, which 'Tokenizer' assigns") == true)
    }
}
