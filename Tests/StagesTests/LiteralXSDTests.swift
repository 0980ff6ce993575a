import Pipeline
import Stages
import Testing

@Suite struct LiteralXSDTests {
    @Test func literalsFormatDecimalsAndDatesExactly() {
        #expect(Literal.decimal(0.5).lexicalForm == "0.5")
        #expect(Literal.decimal(1).lexicalForm == "1.0")
        #expect(Literal.decimal(1.0 / 3).lexicalForm == "0.3333")
        #expect(Literal.decimal(-0.25).lexicalForm == "-0.25")
        #expect(Literal.date(year: 2024, month: 2, day: 7).lexicalForm == "2024-02-07")
        #expect(Literal.date(year: 2024, month: 2, day: 7).datatype == IRI("http://www.w3.org/2001/XMLSchema#date"))
    }

    @Test func anXSDStringReadFromRDFIsAPlainLiteral() {
        #expect(Literal.typed("a", datatype: IRI("http://www.w3.org/2001/XMLSchema#string")) == Literal("a"))
        #expect(Literal.typed("5", datatype: IRI("http://www.w3.org/2001/XMLSchema#integer")) == Literal.integer(5))
    }

    @Test func schemaNamesAClassInSchemaOrg() {
        #expect(IRI.schema("Country") == IRI("http://schema.org/Country"))
    }
}
