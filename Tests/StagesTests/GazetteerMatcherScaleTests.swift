import Foundation
import Pipeline
import Stages
import Testing

/// The byte-level matcher: folding, shared names, and agreement with the previous
/// implementation on real text.
@Suite struct GazetteerMatcherFoldingTests {
    static let gazetteer: Gazetteer = {
        let rows = [
            "person/a\tPerson\tBas van 't Wout\t\tVan 't Wout|van 't Wout\t\t",
            "place/ijsselmeer\tPlace\tIJsselmeer\t\t\t\t",
            "org/strasse\tOrganization\tStraße AG\t\t\t\t",
            "org/nuctech\tCorporation\tNuctech\t\t\t\t",
            "person/b\tPerson\tJan Jansen\t\tJansen\t\t",
            "person/c\tPerson\tPiet Jansen\t\tJansen|jansen\t\t",
            "org/greek\tOrganization\tΟΗΕ\t\t\t\t",
        ]
        return try! Gazetteer.parse(tsv: GazetteerTests.header + rows.joined(separator: "\n"), source: "test")
    }()

    func found(_ text: String) -> [String] {
        let matcher = GazetteerMatcher(gazetteer: Self.gazetteer)
        return matcher.matches(in: text, tokens: Tokenizer().tokenize(text)).map { match in
            String(decoding: Array(text.utf8)[match.span.start..<match.span.end], as: UTF8.self)
        }
    }

    @Test func typographicApostrophesAndHyphensMatchPlainOnes() {
        #expect(found("het lid Van \u{2019}t Wout en van 't Wout") == ["Van \u{2019}t Wout", "van 't Wout"])
        #expect(found("de Nuctech\u{2010}scanners") == ["Nuctech"])
    }

    @Test func ligaturesAndSpecialLettersFold() {
        #expect(found("het \u{132}sselmeer en het Ijsselmeer") == ["\u{132}sselmeer", "Ijsselmeer"])
        #expect(found("Strasse AG en Straße AG") == ["Strasse AG", "Straße AG"])
    }

    @Test func lettersOutsideTheTableTakeTheSlowPath() {
        #expect(found("de ΟΗΕ en de οηε") == ["ΟΗΕ"])
    }

    @Test func sharedNamesAreListed() {
        let matcher = GazetteerMatcher(gazetteer: Self.gazetteer)
        #expect(matcher.sharedNames() == [GazetteerMatcher.SharedName(name: "Jansen", entries: [4, 5])])
        // "Jansen" and "jansen" are two names; "Van 't Wout" and "van 't Wout" too.
        #expect(matcher.aliasCount == 11)
    }

    @Test func emptyTextsAndGazetteersFindNothing() {
        #expect(
            GazetteerMatcher(gazetteer: Gazetteer()).matches(in: "Nuctech", tokens: Tokenizer().tokenize("Nuctech"))
                .isEmpty)
        #expect(found("").isEmpty)
        #expect(GazetteerMatcher(gazetteer: Gazetteer()).aliasCount == 0)
    }
}

@Suite struct GazetteerMatcherAgreementTests {
    /// Both matchers over a text: every match of each, as `span=entries(form)`.
    func compare(_ gazetteer: Gazetteer, _ fast: GazetteerMatcher, _ texts: [String]) -> (
        checked: Int, differences: [String]
    ) {
        let reference = ReferenceGazetteerMatcher(gazetteer: gazetteer)
        var checked = 0
        var differences: [String] = []
        for text in texts {
            let tokens = Tokenizer().tokenize(text)
            let new = fast.matches(in: text, tokens: tokens).map { "\($0.span)=\($0.entries)\($0.form)" }
            let old = reference.matches(in: text, tokens: tokens).map { "\($0.span)=\($0.entries)\($0.form)" }
            checked += old.count
            if new != old { differences.append("\(Set(new).symmetricDifference(old).sorted().prefix(5))") }
        }
        return (checked, differences)
    }

    @Test func theCorpusTagsAsBefore() throws {
        let texts = try [Fixtures.answers2019, Fixtures.questions2024].map(Fixtures.corpusText)
        let (checked, differences) = compare(Fixtures.gazetteer, Fixtures.matcher, texts)
        #expect(checked > 50)
        #expect(differences.isEmpty)
        #expect(ReferenceGazetteerMatcher(gazetteer: Fixtures.gazetteer).aliasCount == Fixtures.matcher.aliasCount)
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func kamervragenTagAsBeforeWithParlaMintPeopleAdded() throws {
        let gazetteer = Fixtures.gazetteer.combining(
            try TEIPersonImporter().gazetteer(path: TEIPersonImporterTests.parlaMintPath))
        var texts: [String] = []
        for folder in ["kamervragen/limburg-csv-txt", "kamervragen/robinmeure-docx"] {
            for path in try SharedData.files(in: folder, ending: ".txt") {
                texts.append(try String(contentsOfFile: path, encoding: .utf8))
            }
        }
        let (checked, differences) = compare(gazetteer, GazetteerMatcher(gazetteer: gazetteer), texts)
        #expect(checked > 1000, "matches compared: \(checked)")
        #expect(differences.isEmpty, "\(differences.count) texts differ: \(differences.prefix(3))")
    }
}
