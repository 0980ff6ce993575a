import Pipeline
import Testing

@Suite struct DocumentTests {
    @Test func layersAreTypedAndAbsentUntilAssigned() {
        var document = Document(id: "d1", text: "Nuctech in China")
        #expect(!document.has(Sentences.self))
        #expect(document[Sentences.self] == nil)
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: 16))]
        #expect(document.has(Sentences.self))
        #expect(document[Sentences.self]?.count == 1)
        #expect(document.assignedKeys == [.sentences])
    }

    @Test func textOfSpanUsesUTF8Offsets() {
        let document = Document(id: "d1", text: "België en China")
        // "België" is 7 bytes: the ë takes two.
        #expect(document.text(of: Span(start: 0, end: 7)) == "België")
        #expect(document.text(of: Span(start: 11, end: 16)) == "China")
    }

    @Test func iriIsDerivedFromTheIdAndPercentEncoded() {
        let document = Document(id: "corpus/vragen 2024.txt", text: "x")
        #expect(document.iri.value == "https://w3id.org/textgraph/doc/corpus/vragen%202024.txt")
        #expect(Document.iri(forID: "a/België?.txt", base: "urn:x:").value == "urn:x:a/België%3F.txt")
    }

    @Test func invariantsHoldForAWellFormedDocument() {
        var document = Document(id: "d1", text: "Ja. Nee.")
        document[Tokens.self] = [
            Token(span: Span(start: 0, end: 2), kind: .word), Token(span: Span(start: 2, end: 3), kind: .punctuation),
        ]
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: 3)), Sentence(span: Span(start: 4, end: 8))]
        #expect(document._checkInvariants().isEmpty)
    }

    @Test func invariantsCatchSpansPastTheEndAcrossCharactersAndOverlapping() {
        var document = Document(id: "d1", text: "België")
        document[Tokens.self] = [
            Token(span: Span(start: 0, end: 6), kind: .word),  // cuts the ë (bytes 5 and 6) in two
            Token(span: Span(start: 3, end: 9), kind: .word),  // overlaps, ends past the text
        ]
        let problems = document._checkInvariants()
        #expect(problems.contains { $0.contains("cuts a character") })
        #expect(problems.contains { $0.contains("ends past the text") })
        #expect(problems.contains { $0.contains("overlap") })
    }

    @Test func invariantsCatchLinksToUndescribedEntities() {
        var document = Document(id: "d1", text: "China")
        document[Mentions.self] = [Mention(span: Span(start: 0, end: 5), entity: IRI("urn:e:china"), source: "test")]
        document[Entities.self] = []
        #expect(
            document._checkInvariants() == ["mention 0..<5 links to <urn:e:china>, which Entities does not describe"])
    }

    @Test func typedLiteralsKeepTheDatatypeTheyAreGiven() {
        let string = IRI("http://www.w3.org/2001/XMLSchema#string")
        #expect(Literal("a", datatype: string).datatype == string)
        #expect(Literal("a", language: "NL").language == "nl")
    }
}
