import Foundation
import Pipeline
import Stages

/// Rebuilds one document from its statements in a graph TextGraph wrote: the inverse of
/// `GraphBuilder` for what pages show.
struct DocumentRebuilder {
    /// The statements of each subject, in file order.
    private var bySubject: [String: [(predicate: String, object: Term)]] = [:]
    private var order: [String] = []
    private let source: String

    init(triples: [Triple], source: String) {
        self.source = source
        for triple in triples {
            let subject = GraphDocumentReader.label(triple.subject)
            if bySubject[subject] == nil { order.append(subject) }
            bySubject[subject, default: []].append((triple.predicate.value, triple.object))
        }
    }

    func objects(_ subject: String, _ predicate: String) -> [Term] {
        (bySubject[subject] ?? []).filter { $0.predicate == predicate }.map(\.object)
    }

    func literal(_ subject: String, _ predicate: String) -> Literal? {
        for case .literal(let literal) in objects(subject, predicate) { return literal }
        return nil
    }

    func iris(_ subject: String, _ predicate: String) -> [IRI] {
        objects(subject, predicate).compactMap { if case .iri(let iri) = $0 { iri } else { nil } }
    }

    func subjects(ofType type: String) -> [String] {
        order.filter { subject in
            objects(subject, Vocabulary.rdfType.iri.value).contains(.iri(IRI(type)))
        }
    }

    /// The document, or `nil` when the statements hold none (a group of other statements).
    func document() throws -> Document? {
        typealias V = Vocabulary
        guard let iri = subjects(ofType: V.schemaDigitalDocument.iri.value).first else { return nil }
        guard let context = subjects(ofType: V.nifContext.iri.value).first,
            let text = literal(context, V.nifIsString.iri.value)?.lexicalForm
        else {
            throw RenderError(.invalidGraph, "\(source): the document \(iri) has no nif:Context with nif:isString")
        }
        var metadata = DocumentMetadata()
        metadata.source = literal(iri, V.tgSourcePath.iri.value)?.lexicalForm
        metadata.identifier = literal(iri, V.dctermsIdentifier.iri.value)?.lexicalForm
        metadata.title = literal(iri, V.dctermsTitle.iri.value)?.lexicalForm
        metadata.date = literal(iri, V.dctermsDate.iri.value)?.lexicalForm
        metadata.format = literal(iri, V.dctermsFormat.iri.value)?.lexicalForm
        if let language = literal(iri, V.dctermsLanguage.iri.value)?.lexicalForm { metadata.language = language }
        var document = Document(
            id: Self.id(of: iri, source: metadata.source), text: text, iri: IRI(iri), metadata: metadata)
        let offsets = CodePointTable(text)
        document[Sentences.self] = subjects(ofType: V.nifSentence.iri.value).compactMap { span($0, offsets) }.sorted()
            .map(Sentence.init)
        document[Mentions.self] = mentions(offsets)
        document[Relations.self] = relations(offsets)
        if let questions = questionSet(iri: iri, text: text) { document[ParliamentaryQuestions.self] = questions }
        return document
    }

    /// The document's id: its IRI's path below the default base, decoded; else its source path; else its IRI.
    static func id(of iri: String, source: String?) -> String {
        if iri.hasPrefix(Document.defaultBase),
            let decoded = String(iri.dropFirst(Document.defaultBase.count)).removingPercentEncoding
        {
            return decoded
        }
        return source ?? iri
    }

    /// The UTF-8 span of a NIF string, from its offsets or its `#char=b,e` IRI.
    func span(_ subject: String, _ offsets: CodePointTable) -> Span? {
        typealias V = Vocabulary
        var begin = literal(subject, V.nifBeginIndex.iri.value).flatMap { Int($0.lexicalForm) }
        var end = literal(subject, V.nifEndIndex.iri.value).flatMap { Int($0.lexicalForm) }
        if begin == nil || end == nil, let range = subject.range(of: "#char=") {
            let numbers = subject[range.upperBound...].split(separator: ",").compactMap { Int($0) }
            if numbers.count == 2 { (begin, end) = (numbers[0], numbers[1]) }
        }
        guard let begin, let end, let start = offsets.utf8(begin), let stop = offsets.utf8(end), start <= stop else {
            return nil
        }
        return Span(start: start, end: stop)
    }

    func mentions(_ offsets: CodePointTable) -> [Mention] {
        typealias V = Vocabulary
        var result: [Mention] = []
        for subject in subjects(ofType: V.nifPhrase.iri.value) {
            guard let span = span(subject, offsets) else { continue }
            let form: MentionForm =
                switch literal(subject, V.tgMentionForm.iri.value)?.lexicalForm {
                case "adjectival": .adjectival
                case "value": .value
                default: .name
                }
            result.append(
                Mention(
                    span: span, entityClass: iris(subject, V.itsTaClassRef.iri.value).first,
                    entity: iris(subject, V.itsTaIdentRef.iri.value).first,
                    candidates: iris(subject, V.tgCandidate.iri.value),
                    confidence: literal(subject, V.itsTaConfidence.iri.value).flatMap { Double($0.lexicalForm) },
                    form: form, value: literal(subject, V.tgValue.iri.value), source: MentionOrigin.graphSource))
        }
        return result.sorted { $0.span < $1.span }
    }

    func relations(_ offsets: CodePointTable) -> [Relation] {
        typealias V = Vocabulary
        var result: [Relation] = []
        for subject in subjects(ofType: V.tgRelationStatement.iri.value) {
            guard let s = iris(subject, V.rdfSubject.iri.value).first,
                let p = iris(subject, V.rdfPredicate.iri.value).first,
                let o = iris(subject, V.rdfObject.iri.value).first
            else { continue }
            let evidence = iris(subject, V.tgEvidence.iri.value).compactMap { span($0.value, offsets) }
            let count = literal(subject, V.tgCount.iri.value).flatMap { Int($0.lexicalForm) } ?? 1
            result.append(
                Relation(
                    subject: s, predicate: p, object: o, evidence: evidence, count: count,
                    source: MentionOrigin.graphSource))
        }
        return result.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    }
}

/// The UTF-8 offset of each code point of a text, to turn NIF offsets into spans.
struct CodePointTable {
    private var table: [Int] = []

    init(_ text: String) {
        var offset = 0
        table.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            table.append(offset)
            offset += UTF8.width(scalar)
        }
        table.append(offset)
    }

    /// The UTF-8 offset of code point `index`, or `nil` past the end.
    func utf8(_ index: Int) -> Int? { index >= 0 && index < table.count ? table[index] : nil }
}
