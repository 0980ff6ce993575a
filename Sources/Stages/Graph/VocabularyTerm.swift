import Pipeline

/// The vocabulary IRIs ``GraphBuilder`` writes, as small values: a statement's predicate and
/// class are an integer here, and their N-Triples bytes (`<…>`) are read from a table made once.
///
/// The table lives in memory that is never freed and is only read, so writing it costs no
/// reference counting, which several cores would contend for.
enum VocabularyTerm: Int, CaseIterable {
    case dctermsDate
    case dctermsFormat
    case dctermsIdentifier
    case dctermsLanguage
    case dctermsTitle
    case itsTaClassRef
    case itsTaConfidence
    case itsTaIdentRef
    case nifAnchorOf
    case nifBeginIndex
    case nifContext
    case nifEndIndex
    case nifIsString
    case nifPhrase
    case nifPredLang
    case nifReferenceContext
    case nifRfc5147String
    case nifSentence
    case nifSourceUrl
    case owlSameAs
    case provEntity
    case provWasDerivedFrom
    case rdfObject
    case rdfPredicate
    case rdfStatement
    case rdfSubject
    case rdfType
    case rdfsLabel
    case schemaAcceptedAnswer
    case schemaAnswer
    case schemaAuthor
    case schemaDateCreated
    case schemaDigitalDocument
    case schemaIsPartOf
    case schemaMentions
    case schemaParentItem
    case schemaPosition
    case schemaQuestion
    case schemaText
    case tgAddressedTo
    case tgCandidate
    case tgCount
    case tgEvidence
    case tgFoundIn
    case tgMentionForm
    case tgRelationStatement
    case tgSourcePath
    case tgSpeakerId
    case tgSpeakerName
    case tgSpeakerRole
    case tgUtterance
    case tgValue

    /// The IRI.
    var iri: IRI {
        switch self {
        case .dctermsDate: Vocabulary.DCTerms.date
        case .dctermsFormat: Vocabulary.DCTerms.format
        case .dctermsIdentifier: Vocabulary.DCTerms.identifier
        case .dctermsLanguage: Vocabulary.DCTerms.language
        case .dctermsTitle: Vocabulary.DCTerms.title
        case .itsTaClassRef: Vocabulary.ITS.taClassRef
        case .itsTaConfidence: Vocabulary.ITS.taConfidence
        case .itsTaIdentRef: Vocabulary.ITS.taIdentRef
        case .nifAnchorOf: Vocabulary.NIF.anchorOf
        case .nifBeginIndex: Vocabulary.NIF.beginIndex
        case .nifContext: Vocabulary.NIF.context
        case .nifEndIndex: Vocabulary.NIF.endIndex
        case .nifIsString: Vocabulary.NIF.isString
        case .nifPhrase: Vocabulary.NIF.phrase
        case .nifPredLang: Vocabulary.NIF.predLang
        case .nifReferenceContext: Vocabulary.NIF.referenceContext
        case .nifRfc5147String: Vocabulary.NIF.rfc5147String
        case .nifSentence: Vocabulary.NIF.sentence
        case .nifSourceUrl: Vocabulary.NIF.sourceUrl
        case .owlSameAs: Vocabulary.OWL.sameAs
        case .provEntity: Vocabulary.PROV.entity
        case .provWasDerivedFrom: Vocabulary.PROV.wasDerivedFrom
        case .rdfObject: Vocabulary.RDF.object
        case .rdfPredicate: Vocabulary.RDF.predicate
        case .rdfStatement: Vocabulary.RDF.statement
        case .rdfSubject: Vocabulary.RDF.subject
        case .rdfType: Vocabulary.RDF.type
        case .rdfsLabel: Vocabulary.RDFS.label
        case .schemaAcceptedAnswer: Vocabulary.Schema.acceptedAnswer
        case .schemaAnswer: Vocabulary.Schema.answer
        case .schemaAuthor: Vocabulary.Schema.author
        case .schemaDateCreated: Vocabulary.Schema.dateCreated
        case .schemaDigitalDocument: Vocabulary.Schema.digitalDocument
        case .schemaIsPartOf: Vocabulary.Schema.isPartOf
        case .schemaMentions: Vocabulary.Schema.mentions
        case .schemaParentItem: Vocabulary.Schema.parentItem
        case .schemaPosition: Vocabulary.Schema.position
        case .schemaQuestion: Vocabulary.Schema.question
        case .schemaText: Vocabulary.Schema.text
        case .tgAddressedTo: Vocabulary.TG.addressedTo
        case .tgCandidate: Vocabulary.TG.candidate
        case .tgCount: Vocabulary.TG.count
        case .tgEvidence: Vocabulary.TG.evidence
        case .tgFoundIn: Vocabulary.TG.foundIn
        case .tgMentionForm: Vocabulary.TG.mentionForm
        case .tgRelationStatement: Vocabulary.TG.relationStatement
        case .tgSourcePath: Vocabulary.TG.sourcePath
        case .tgSpeakerId: Vocabulary.TG.speakerId
        case .tgSpeakerName: Vocabulary.TG.speakerName
        case .tgSpeakerRole: Vocabulary.TG.speakerRole
        case .tgUtterance: Vocabulary.TG.utterance
        case .tgValue: Vocabulary.TG.value
        }
    }

    /// The term as N-Triples writes it: `<` IRI `>` (vocabulary IRIs need no escapes).
    @inline(__always)
    var encoded: UnsafeBufferPointer<UInt8> {
        let table = VocabularyTerm.table
        let start = table.offsets[rawValue]
        return UnsafeBufferPointer(start: table.bytes + start, count: table.offsets[rawValue + 1] - start)
    }

    /// Every term's bytes back to back, and where each starts.
    private struct Table: @unchecked Sendable {
        let bytes: UnsafePointer<UInt8>
        let offsets: UnsafePointer<Int>
    }

    private static let table: Table = {
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        for term in allCases {
            RDFEncoder().append(term.iri, to: &bytes)
            offsets.append(bytes.count)
        }
        let storedBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        storedBytes.initialize(from: bytes, count: bytes.count)
        let storedOffsets = UnsafeMutablePointer<Int>.allocate(capacity: offsets.count)
        storedOffsets.initialize(from: offsets, count: offsets.count)
        return Table(bytes: storedBytes, offsets: storedOffsets)
    }()
}
