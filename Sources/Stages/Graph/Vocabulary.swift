public import Pipeline

/// The vocabularies TextGraph writes: NIF 2.0 Core, ITS 2.0 RDF, schema.org, RDF(S), OWL,
/// Dublin Core terms, PROV-O, and TextGraph's own small vocabulary.
public enum Vocabulary {
    /// Namespaces and the prefixes Turtle output declares for them, in the order written.
    public static let prefixes: [(prefix: String, namespace: String)] = [
        ("rdf", RDF.namespace), ("rdfs", RDFS.namespace), ("xsd", XSD.namespace), ("owl", OWL.namespace),
        ("nif", NIF.namespace), ("itsrdf", ITS.namespace), ("schema", Schema.namespace), ("dcterms", DCTerms.namespace),
        ("prov", PROV.namespace), ("tg", TG.namespace),
    ]

    /// RDF.
    public enum RDF {
        public static let namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        public static let type = IRI(namespace + "type")
        public static let statement = IRI(namespace + "Statement")
        public static let subject = IRI(namespace + "subject")
        public static let predicate = IRI(namespace + "predicate")
        public static let object = IRI(namespace + "object")
    }

    /// RDF Schema.
    public enum RDFS {
        public static let namespace = "http://www.w3.org/2000/01/rdf-schema#"
        public static let label = IRI(namespace + "label")
        public static let seeAlso = IRI(namespace + "seeAlso")
    }

    /// XML Schema datatypes.
    public enum XSD {
        public static let namespace = "http://www.w3.org/2001/XMLSchema#"
    }

    /// OWL.
    public enum OWL {
        public static let namespace = "http://www.w3.org/2002/07/owl#"
        public static let sameAs = IRI(namespace + "sameAs")
    }

    /// NIF 2.0 Core.
    public enum NIF {
        public static let namespace = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
        public static let context = IRI(namespace + "Context")
        public static let sentence = IRI(namespace + "Sentence")
        public static let phrase = IRI(namespace + "Phrase")
        public static let offsetBasedString = IRI(namespace + "OffsetBasedString")
        public static let rfc5147String = IRI(namespace + "RFC5147String")
        public static let isString = IRI(namespace + "isString")
        public static let beginIndex = IRI(namespace + "beginIndex")
        public static let endIndex = IRI(namespace + "endIndex")
        public static let anchorOf = IRI(namespace + "anchorOf")
        public static let referenceContext = IRI(namespace + "referenceContext")
        public static let sourceUrl = IRI(namespace + "sourceUrl")
        public static let sentenceProperty = IRI(namespace + "sentence")
        public static let predLang = IRI(namespace + "predLang")
    }

    /// ITS 2.0 RDF.
    public enum ITS {
        public static let namespace = "http://www.w3.org/2005/11/its/rdf#"
        public static let taIdentRef = IRI(namespace + "taIdentRef")
        public static let taClassRef = IRI(namespace + "taClassRef")
        public static let taConfidence = IRI(namespace + "taConfidence")
    }

    /// schema.org.
    public enum Schema {
        public static let namespace = "http://schema.org/"
        public static let digitalDocument = IRI(namespace + "DigitalDocument")
        public static let mentions = IRI(namespace + "mentions")
        public static let question = IRI(namespace + "Question")
        public static let answer = IRI(namespace + "Answer")
        public static let position = IRI(namespace + "position")
        public static let isPartOf = IRI(namespace + "isPartOf")
        public static let text = IRI(namespace + "text")
        public static let author = IRI(namespace + "author")
        public static let recipient = IRI(namespace + "recipient")
        public static let acceptedAnswer = IRI(namespace + "acceptedAnswer")
        public static let parentItem = IRI(namespace + "parentItem")
        public static let dateCreated = IRI(namespace + "dateCreated")
        public static let memberOf = IRI(namespace + "memberOf")
        public static let name = IRI(namespace + "name")
        public static let url = IRI(namespace + "url")
    }

    /// Dublin Core terms.
    public enum DCTerms {
        public static let namespace = "http://purl.org/dc/terms/"
        public static let identifier = IRI(namespace + "identifier")
        public static let title = IRI(namespace + "title")
        public static let date = IRI(namespace + "date")
        public static let language = IRI(namespace + "language")
        public static let format = IRI(namespace + "format")
        public static let source = IRI(namespace + "source")
    }

    /// PROV-O.
    public enum PROV {
        public static let namespace = "http://www.w3.org/ns/prov#"
        public static let wasDerivedFrom = IRI(namespace + "wasDerivedFrom")
        public static let entity = IRI(namespace + "Entity")
    }

    /// TextGraph's own terms, for what the standard vocabularies lack.
    public enum TG {
        public static let namespace = "https://w3id.org/textgraph/ns#"
        /// The path of the source file, relative to the corpus root's parent.
        public static let sourcePath = IRI(namespace + "sourcePath")
        /// How a mention refers to its entity (`name`, `adjectival`, `value`).
        public static let mentionForm = IRI(namespace + "mentionForm")
        /// An entity a mention may refer to, when the linker could not choose.
        public static let candidate = IRI(namespace + "candidate")
        /// The typed value a mention denotes (a date, a number).
        public static let value = IRI(namespace + "value")
        /// A written question set's or utterance's kind of resource: one speaker's turn in a debate.
        public static let utterance = IRI(namespace + "Utterance")
        /// The speaker of an utterance, by name, as the source gives it.
        public static let speakerName = IRI(namespace + "speakerName")
        /// The speaker of an utterance, as an entity.
        public static let speaker = IRI(namespace + "speaker")
        /// The speaker of an utterance, by the source's own identifier.
        public static let speakerId = IRI(namespace + "speakerId")
        /// The role of a speaker in a debate (`chair`, `regular`).
        public static let speakerRole = IRI(namespace + "speakerRole")
        /// A member of parliament who asked the written questions a document holds.
        public static let askedBy = IRI(namespace + "askedBy")
        /// A question set's addressee (an office or a person).
        public static let addressedTo = IRI(namespace + "addressedTo")
        /// When the answers to written questions were received.
        public static let dateAnswered = IRI(namespace + "dateAnswered")
        /// The case (`…/entity/document/2024Z01911`) a document's written questions belong to.
        public static let caseProperty = IRI(namespace + "case")
        /// When a notice said that the answers to a case's questions would be late.
        public static let datePostponed = IRI(namespace + "datePostponed")
        /// An office a person holds, as a document shows it (a signature, "Antwoord van Minister …").
        public static let holdsOffice = IRI(namespace + "holdsOffice")
        /// A relation statement found in text.
        public static let relationStatement = IRI(namespace + "RelationStatement")
        /// How many sentences of a document show a relation.
        public static let count = IRI(namespace + "count")
        /// A sentence that shows a relation.
        public static let evidence = IRI(namespace + "evidence")
        /// The document a relation was found in.
        public static let foundIn = IRI(namespace + "foundIn")
        /// Entities mentioned in the same sentence.
        public static let coOccursWith = IRI(namespace + "coOccursWith")
        /// A source file, as the graph refers to it.
        public static let sourceFile = IRI(namespace + "SourceFile")
        /// The named graph that holds the descriptions of entities shared by documents.
        public static let entitiesGraph = IRI("https://w3id.org/textgraph/graph/entities")
    }
}
