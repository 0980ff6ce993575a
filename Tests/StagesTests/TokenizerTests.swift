import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func words(_ text: String) -> [String] {
        let tokens = tokenizer.tokenize(text)
        return tokens.map { token in
            String(decoding: Array(text.utf8)[token.span.start..<token.span.end], as: UTF8.self)
        }
    }

    @Test func hyphenatedNamesAndCompoundsStayWhole() {
        #expect(words("Michon-Derkzen en Van Eijk-Nagel") == ["Michon-Derkzen", "en", "Van", "Eijk-Nagel"])
        #expect(
            words("de dual-useverordening, Nuctech-scanners") == ["de", "dual-useverordening", ",", "Nuctech-scanners"])
        // The hyphen of an omitted compound part (weglatingsstreepje) belongs to its word.
        #expect(words("gezichts- en emotieherkenning") == ["gezichts-", "en", "emotieherkenning"])
        #expect(
            words("land-, tuin- en bosbouw, zowel lang- als kort") == [
                "land-", ",", "tuin-", "en", "bosbouw", ",", "zowel", "lang-", "als", "kort",
            ])
        #expect(words("programma en -proces") == ["programma", "en", "-proces"])
        #expect(words("een woord - en een streep") == ["een", "woord", "-", "en", "een", "streep"])
        #expect(words("meegewo-\ngen") == ["meegewo-\ngen"])  // broken at a line end (PDF): one word
    }

    @Test func abbreviationsJoinedByAHyphenAreOneCompound() {
        #expect(words("de St.-Pieter en S.V.P.-leden") == ["de", "St.-Pieter", "en", "S.V.P.-leden"])
    }

    @Test func namesWithAnAmpersandOrAnInnerPeriod() {
        #expect(
            words("CD&V, AT&T en sp.a of SP.A/Spirit") == [
                "CD&V", ",", "AT&T", "en", "sp.a", "of", "SP.A", "/", "Spirit",
            ])
        #expect(words("Jansen & Zonen") == ["Jansen", "&", "Zonen"])
        #expect(words("gezien.U heeft") == ["gezien", ".", "U", "heeft"])
    }

    @Test func numbersWithUnitsFractionsAndYears() {
        #expect(
            words("90% en 20.4%, 66° 13' N bij 2 °C; 13.521 km² en 5 m³") == [
                "90%", "en", "20.4%", ",", "66°", "13", "'", "N", "bij", "2", "°C", ";", "13.521", "km²", "en", "5",
                "m³",
            ])
        #expect(words("perron 9 3/4 op 07/12/1998") == ["perron", "9", "3/4", "op", "07/12/1998"])
        #expect(words("de jaren '80 en ’90") == ["de", "jaren", "'80", "en", "’90"])
        #expect(words("zie 'Nota 30'") == ["zie", "'", "Nota", "30", "'"])
    }

    @Test func typewriterQuotesAndBracketedWordParts() {
        #expect(words(",,Ja'', zei hij.") == [",,", "Ja", "''", ",", "zei", "hij", "."])
        #expect(
            words("de partij(en) en (inter)gemeentelijke gezondheids(zorg)beleid") == [
                "de", "partij(en)", "en", "(inter)gemeentelijke", "gezondheids(zorg)beleid",
            ])
        #expect(words("(zie boven) en wet(1)") == ["(", "zie", "boven", ")", "en", "wet", "(", "1", ")"])
    }

    @Test func aCapitalAfterANumberOrSymbolIsNotAnInitial() {
        #expect(words("04° 02' E. De storm") == ["04°", "02", "'", "E", ".", "De", "storm"])
        #expect(words("als in A = B. Hij") == ["als", "in", "A", "=", "B", ".", "Hij"])
        #expect(words("door J. Jansen") == ["door", "J.", "Jansen"])
    }

    @Test func apostrophesInDutchWords() {
        #expect(words("auto's, z'n risico's") == ["auto's", ",", "z'n", "risico's"])
        #expect(words("'s-Gravenhage en 's avonds") == ["'s-Gravenhage", "en", "'s", "avonds"])
        #expect(words("het bericht 'Berucht leest'?") == ["het", "bericht", "'", "Berucht", "leest", "'", "?"])
    }

    @Test func abbreviationsKeepTheirPeriod() {
        #expect(
            words("o.a. China, bijv. Nuctech, art. 8 en blz. 5") == [
                "o.a.", "China", ",", "bijv.", "Nuctech", ",", "art.", "8", "en", "blz.", "5",
            ])
        #expect(
            words("d.d. 7 februari t.a.v. de minister, nr. 12") == [
                "d.d.", "7", "februari", "t.a.v.", "de", "minister", ",", "nr.", "12",
            ])
    }

    @Test func initialsAreOneToken() {
        #expect(words("Sigrid A.M. Kaag") == ["Sigrid", "A.M.", "Kaag"])
        #expect(words("S. Kaag") == ["S.", "Kaag"])
    }

    @Test func numbersWithSeparatorsAreOneToken() {
        #expect(
            words("onder 5.4.4 in '30.06.00 Strategische'") == [
                "onder", "5.4.4", "in", "'", "30.06.00", "Strategische", "'",
            ])
        #expect(words("1.000.000 en 3,5 procent.") == ["1.000.000", "en", "3,5", "procent", "."])
        #expect(words("in 2019.") == ["in", "2019", "."])
    }

    @Test func codesAndKindsAreRecognized() {
        let text = "2024Z01911 (volkskrant.nl) www.rijksoverheid.nl."
        let tokens = tokenizer.tokenize(text)
        #expect(words(text) == ["2024Z01911", "(", "volkskrant.nl", ")", "www.rijksoverheid.nl", "."])
        #expect(tokens.map(\.kind) == [.alphanumeric, .punctuation, .url, .punctuation, .url, .punctuation])
    }

    @Test func urlsDropTrailingPunctuation() {
        #expect(
            words("zie https://example.org/a?b=1, of (https://x.nl/p).") == [
                "zie", "https://example.org/a?b=1", ",", "of", "(", "https://x.nl/p", ")", ".",
            ])
    }

    @Test func punctuationRunsAndQuotes() {
        #expect(words("afnemers.. Bedrijven…") == ["afnemers", "..", "Bedrijven", "…"])
        #expect(words("«Kabinet» en “douane”") == ["«", "Kabinet", "»", "en", "“", "douane", "”"])
    }

    @Test func emptyAndWhiteSpaceGiveNoTokens() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize(" \n\u{00A0}\t").isEmpty)
    }

    @Test func offsetsAreExactUTF8Offsets() {
        let text = "België, Curaçao en 𝄞!"
        let tokens = tokenizer.tokenize(text)
        #expect(
            tokens.map(\.span) == [
                Span(start: 0, end: 7), Span(start: 7, end: 8), Span(start: 9, end: 17), Span(start: 18, end: 20),
                Span(start: 21, end: 25), Span(start: 25, end: 26),
            ])
    }

    @Test func stageAssignsTokensThroughTheHarness() async throws {
        var harness = StageHarness(Tokenizer())
        let out = try await harness.feed(Document(id: "d", text: "Vraag 1"))
        #expect(out[0][Tokens.self]?.count == 2)
        #expect(out[0]._checkInvariants().isEmpty)
        #expect(try await harness.finish().isClean)
    }

    @Test func tokenizingTheSeedsKeepsInvariants() async throws {
        for name in [Fixtures.answers2019, Fixtures.questions2024] {
            let document = try Fixtures.segmented(try Fixtures.corpusText(name))
            #expect(document._checkInvariants().isEmpty)
            #expect(document[Tokens.self]!.count > 300)
        }
    }
}

@Suite struct LineEndHyphenationTests {
    @Test func wordsBrokenAtALineEndAreOneToken() {
        let text = "Dit wordt meegewo-\ngen, de stap-\n pen ook. Maar Noord-\nBrabant en land-\n\nbouw niet."
        let tokens = Tokenizer().tokenize(text)
        let words = tokens.map { String(decoding: Array(text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) }
        #expect(words.contains("meegewo-\ngen"))
        #expect(words.contains("stap-\n pen"))
        #expect(!words.contains("Noord-\nBrabant"))  // a capital after the break: a real hyphen, kept apart
        #expect(!words.contains("land-\n\nbouw"))  // a blank line is a paragraph break, not a broken word
    }
}
