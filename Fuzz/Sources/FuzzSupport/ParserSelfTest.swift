/// Checks the fuzz targets' RDF parsers before they judge TextGraph's output: a parser that
/// accepted everything would let every bug through. Run once when a target starts.
public enum ParserSelfTest {
    /// Stops the process when a parser refuses a valid document or accepts an invalid one.
    public static func run() {
        let nTriples = NTriplesParser(quads: false)
        let nQuads = NTriplesParser(quads: true)
        let turtle = TurtleSubsetParser()
        let valid =
            #"<http://a.example/s> <http://a.example/p> "caf\u00E9 \"x\"\n\\ é"@nl-NL ."# + "\n"
            + #"_:b1 <http://a.example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> ."# + "\n"
            + #"<http://a.example/s> <http://a.example/p> <http://a.example/o\u00E9> ."# + "\n"
        let statements = expectValid(nTriples, valid)
        Invariant.check(statements.count == 3, "self-test: \(statements.count) statements")
        Invariant.check(
            statements[0].object == .literal("caf\u{E9} \"x\"\n\\ é", language: "nl-NL", datatype: RDFTerm.langString),
            "self-test: literal read as \(statements[0].object)")
        Invariant.check(
            statements[2].object == .iri("http://a.example/o\u{E9}"), "self-test: IRI read as \(statements[2].object)")
        // Not the same bytes: a composed and a decomposed é are equal Swift strings, but other terms.
        Invariant.check(
            RDFTerm.literal("\u{E9}", language: nil, datatype: "x:y")
                != .literal("e\u{301}", language: nil, datatype: "x:y"), "self-test: canonical equivalence")
        _ = expectValid(nQuads, #"<http://a.example/s> <http://a.example/p> "o" <http://a.example/g> ."# + "\n")
        for invalid in [
            #"<http://a.example/s> <http://a.example/p> "o""# + "\n",  // no '.'
            #"<http://a.example/s> <http://a.example/p> "o" ."#,  // no final line feed
            #"<http://a.example/s p> <http://a.example/p> "o" ."# + "\n",  // space in an IRI
            #"<http://a.example/s\u0020p> <http://a.example/p> "o" ."# + "\n",  // escaped space in an IRI
            #"<relative> <http://a.example/p> "o" ."# + "\n",  // relative IRI
            #"<http://a.example/s> <http://a.example/p> "a\qb" ."# + "\n",  // unknown escape
            #"<http://a.example/s> <http://a.example/p> "\uD800" ."# + "\n",  // surrogate
            #"<http://a.example/s> <http://a.example/p> "o"@1x ."# + "\n",  // bad language tag
            #"<http://a.example/s> <http://a.example/p> "o" <http://a.example/g> ."# + "\n",  // a quad in N-Triples
            #""s" <http://a.example/p> "o" ."# + "\n",  // literal subject
            #"<http://a.example/s> <http://a.example/p> "o" . x"# + "\n",  // text after '.'
        ] {
            expectInvalid(nTriples, invalid)
        }
        let ttl =
            "@prefix ex: <http://a.example/> .\n\nex:s a ex:C ;\n    ex:p \"o\"@nl ,\n        ex:o2 .\n<http://a.example/t> ex:p \"1\"^^ex:int .\n"
        let parsed = expectValidTurtle(turtle, ttl)
        Invariant.check(parsed.count == 4, "self-test: Turtle gave \(parsed.count) statements")
        Invariant.check(
            parsed[0].predicate == .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            "self-test: 'a' read as \(parsed[0].predicate)")
        Invariant.check(
            parsed[3].object == .literal("1", language: nil, datatype: "http://a.example/int"),
            "self-test: prefixed datatype read as \(parsed[3].object)")
        for invalid in [
            "ex:s ex:p ex:o .\n",  // undeclared prefix
            "@prefix ex: <http://a.example/> .\nex:s ex:p ex:o\n",  // no '.'
            "@prefix ex: <http://a.example/> .\nex:s ex:p [ ex:q ex:o ] .\n",  // outside the subset
            "@prefix ex: <http://a.example/> .\nex:s ex:p ex:o ;; .\n",
        ] {
            Invariant.check(
                (try? turtle.parse(Array(invalid.utf8))) == nil, "self-test: the Turtle parser accepted \(invalid)")
        }
    }

    private static func expectValid(_ parser: NTriplesParser, _ text: String) -> [RDFStatement] {
        do {
            return try parser.parse(Array(text.utf8))
        } catch {
            fatalError("self-test: the parser refused valid input: \(error)\n\(text)")
        }
    }

    private static func expectValidTurtle(_ parser: TurtleSubsetParser, _ text: String) -> [RDFStatement] {
        do {
            return try parser.parse(Array(text.utf8))
        } catch {
            fatalError("self-test: the Turtle parser refused valid input: \(error)\n\(text)")
        }
    }

    private static func expectInvalid(_ parser: NTriplesParser, _ text: String) {
        Invariant.check(
            (try? parser.parse(Array(text.utf8))) == nil, "self-test: the parser accepted invalid input: \(text)")
    }
}
