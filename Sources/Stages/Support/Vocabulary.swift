public import Pipeline

/// The vocabulary TextGraph writes, each term declared once, as `prefix:localName`: NIF 2.0 Core,
/// ITS 2.0 RDF, schema.org, RDF(S), OWL, Dublin Core terms, PROV-O, and TextGraph's own terms.
///
/// A term is a one-byte value. Its ``iri`` is made once; the graph writers copy its N-Triples
/// bytes (`<…>`) from a table made once, in memory that is only read (so writing a term costs no
/// reference counting, which several cores would contend for). A stage that adds statements of
/// its own uses these terms, or IRIs of its own namespace.
///
/// ```swift
/// Vocabulary.rdfType.iri            // http://www.w3.org/1999/02/22-rdf-syntax-ns#type
/// Vocabulary.schemaMemberOf.curie   // "schema:memberOf"
/// Vocabulary.Namespace.nif.prefix   // "nif"
/// ```
public enum Vocabulary: String, CaseIterable, Sendable {

    // MARK: RDF

    case rdfType = "rdf:type"
    case rdfStatement = "rdf:Statement"
    case rdfSubject = "rdf:subject"
    case rdfPredicate = "rdf:predicate"
    case rdfObject = "rdf:object"

    // MARK: RDF Schema

    case rdfsLabel = "rdfs:label"
    case rdfsSeeAlso = "rdfs:seeAlso"

    // MARK: OWL

    case owlSameAs = "owl:sameAs"

    // MARK: NIF 2.0 Core

    case nifContext = "nif:Context"
    case nifSentence = "nif:Sentence"
    case nifPhrase = "nif:Phrase"
    case nifOffsetBasedString = "nif:OffsetBasedString"
    case nifRfc5147String = "nif:RFC5147String"
    case nifIsString = "nif:isString"
    case nifBeginIndex = "nif:beginIndex"
    case nifEndIndex = "nif:endIndex"
    case nifAnchorOf = "nif:anchorOf"
    case nifReferenceContext = "nif:referenceContext"
    case nifSourceUrl = "nif:sourceUrl"
    case nifSentenceProperty = "nif:sentence"
    case nifPredLang = "nif:predLang"

    // MARK: ITS 2.0 RDF

    case itsTaIdentRef = "itsrdf:taIdentRef"
    case itsTaClassRef = "itsrdf:taClassRef"
    case itsTaConfidence = "itsrdf:taConfidence"

    // MARK: schema.org

    case schemaDigitalDocument = "schema:DigitalDocument"
    case schemaMentions = "schema:mentions"
    case schemaQuestion = "schema:Question"
    case schemaAnswer = "schema:Answer"
    case schemaPosition = "schema:position"
    case schemaIsPartOf = "schema:isPartOf"
    case schemaText = "schema:text"
    case schemaAuthor = "schema:author"
    case schemaRecipient = "schema:recipient"
    case schemaAcceptedAnswer = "schema:acceptedAnswer"
    case schemaParentItem = "schema:parentItem"
    case schemaDateCreated = "schema:dateCreated"
    case schemaMemberOf = "schema:memberOf"
    case schemaName = "schema:name"
    case schemaUrl = "schema:url"

    // MARK: Dublin Core terms

    case dctermsIdentifier = "dcterms:identifier"
    case dctermsTitle = "dcterms:title"
    case dctermsDate = "dcterms:date"
    case dctermsLanguage = "dcterms:language"
    case dctermsFormat = "dcterms:format"
    case dctermsSource = "dcterms:source"

    // MARK: PROV-O

    case provWasDerivedFrom = "prov:wasDerivedFrom"
    case provEntity = "prov:Entity"

    // MARK: TextGraph's own terms

    /// The path of the source file, relative to the corpus root's parent.
    case tgSourcePath = "tg:sourcePath"

    /// How a mention refers to its entity (`name`, `adjectival`, `value`).
    case tgMentionForm = "tg:mentionForm"

    /// An entity a mention may refer to, when the linker could not choose.
    case tgCandidate = "tg:candidate"

    /// The typed value a mention denotes (a date, a number).
    case tgValue = "tg:value"

    /// A written question set's or utterance's kind of resource: one speaker's turn in a debate.
    case tgUtterance = "tg:Utterance"

    /// The speaker of an utterance, by name, as the source gives it.
    case tgSpeakerName = "tg:speakerName"

    /// The speaker of an utterance, as an entity.
    case tgSpeaker = "tg:speaker"

    /// The speaker of an utterance, by the source's own identifier.
    case tgSpeakerId = "tg:speakerId"

    /// The role of a speaker in a debate (`chair`, `regular`).
    case tgSpeakerRole = "tg:speakerRole"

    /// A member of parliament who asked the written questions a document holds.
    case tgAskedBy = "tg:askedBy"

    /// A question set's addressee (an office or a person).
    case tgAddressedTo = "tg:addressedTo"

    /// When the answers to written questions were received.
    case tgDateAnswered = "tg:dateAnswered"

    /// The case (`…/entity/document/2024Z01911`) a document's written questions belong to.
    case tgCase = "tg:case"

    /// When a notice said that the answers to a case's questions would be late.
    case tgDatePostponed = "tg:datePostponed"

    /// An office a person holds, as a document shows it (a signature, "Antwoord van Minister …").
    case tgHoldsOffice = "tg:holdsOffice"

    /// A relation statement found in text.
    case tgRelationStatement = "tg:RelationStatement"

    /// How many sentences of a document show a relation.
    case tgCount = "tg:count"

    /// A sentence that shows a relation.
    case tgEvidence = "tg:evidence"

    /// The document a relation was found in.
    case tgFoundIn = "tg:foundIn"

    /// Entities mentioned in the same sentence.
    case tgCoOccursWith = "tg:coOccursWith"

    /// A source file, as the graph refers to it.
    case tgSourceFile = "tg:SourceFile"

    /// A name the recognizer found that no gazetteer lists: the class of its unlinked entity.
    case tgRecognizedEntity = "tg:RecognizedEntity"

    /// Who answered whose written questions (an edge of the entity network).
    case tgAnswered = "tg:answered"

    /// The namespaces of the terms, and the prefixes Turtle output declares for them, in the
    /// order written.
    public enum Namespace: String, CaseIterable, Sendable {
        /// RDF.
        case rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        /// RDF Schema.
        case rdfs = "http://www.w3.org/2000/01/rdf-schema#"
        /// XML Schema datatypes.
        case xsd = "http://www.w3.org/2001/XMLSchema#"
        /// OWL.
        case owl = "http://www.w3.org/2002/07/owl#"
        /// NIF 2.0 Core.
        case nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
        /// ITS 2.0 RDF.
        case itsrdf = "http://www.w3.org/2005/11/its/rdf#"
        /// schema.org.
        case schema = "http://schema.org/"
        /// Dublin Core terms.
        case dcterms = "http://purl.org/dc/terms/"
        /// PROV-O.
        case prov = "http://www.w3.org/ns/prov#"
        /// TextGraph's own terms, for what the standard vocabularies lack.
        case tg = "https://w3id.org/textgraph/ns#"

        /// The prefix Turtle declares for the namespace (`nif`, `schema`).
        public var prefix: String { String(describing: self) }

        /// The namespace IRI; a term's IRI is it and the term's local name.
        public var iri: String { rawValue }
    }

    /// The namespaces and their prefixes, in the order Turtle output declares them.
    public static let prefixes: [(prefix: String, namespace: String)] = Namespace.allCases.map { ($0.prefix, $0.iri) }

    /// The named graph that holds the descriptions of entities shared by documents.
    public static let entitiesGraph = IRI("https://w3id.org/textgraph/graph/entities")

    /// The term as a compact IRI, `prefix:localName`.
    public var curie: String { rawValue }

    /// The term's IRI.
    public var iri: IRI { Self.iris[index] }

    /// The term's position in ``allCases``: a case without payload is its tag in memory (one
    /// byte, see `vocabularyTermsAreOneByteInDeclarationOrder` in the tests), read without hashing
    /// the raw value as `RawRepresentable`'s `hashValue` would.
    @inlinable @inline(__always)
    package var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// Every term's IRI, made once, in the order of ``allCases``.
    package static let iris: [IRI] = {
        let namespaces = Dictionary(uniqueKeysWithValues: Namespace.allCases.map { ($0.prefix, $0.iri) })
        return allCases.map { term in
            let colon = term.rawValue.firstIndex(of: ":")!
            return IRI(
                namespaces[String(term.rawValue[..<colon])]! + term.rawValue[term.rawValue.index(after: colon)...])
        }
    }()
}
