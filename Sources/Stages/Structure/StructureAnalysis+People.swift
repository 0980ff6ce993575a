import Foundation
import Pipeline

extension StructureAnalysis {
    // MARK: Who asked whom

    /// The phrases that introduce the askers, in the ways documents write them.
    static let askerMarkers: [StaticString] = [
        "vragen van het lid", "vragen van de leden", "vragen van het leden", "vragen van lid", "vraag van het lid", "gesteld door het lid", "gesteld door de leden",
    ]

    /// Finds the asker phrase: the first "Vragen van het lid …" (or "de leden", "gesteld door …")
    /// before the first question that names at least one member. It runs to the end of its
    /// paragraph, "(ingezonden …)", or the line that opens the answers or questions.
    mutating func findHeader() {
        for marker in askerMarkers() {
            // "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden"
            if ByteSearch.hasPrefix(in: bytes, marker.end..<min(bytes.count, marker.end + 10), " der Kamer") { continue }
            if header != nil {
                // Read only when a party is missing (``partyElsewhere(of:)``).
                otherHeaders.append(phraseRange(from: marker.end))
                continue
            }
            let range = phraseRange(from: marker.end)
            let phrase = AskerPhrase(flatText(range), base: marker.end)
            guard !phrase.askers.isEmpty else { continue }
            header = range
            headerPhrase = phrase
        }
    }

    /// An asker phrase from the end of its marker: to the end of its paragraph, "(ingezonden …)",
    /// or the line that opens the answers or questions, at most 800 bytes.
    private func phraseRange(from start: Int) -> Range<Int> {
        var end = min(bytes.count, start + 800)
        for stop: StaticString in ["\n\n", "\r\n\r\n", "(ingezonden", "\nAntwoord", "\nMededeling", "\nVraag", "\n1. "] {
            if let found = ByteSearch.endOfFirst(in: bytes, start..<end, stop, ignoringASCIICase: false) {
                end = found - stop.utf8CodeUnitCount
            }
        }
        return start..<end
    }

    /// Where the asker markers are before the first heading, in order: found by `memchr` on
    /// their first words as written (small letters, a capital, all capitals), then compared whole
    /// ignoring case.
    private func askerMarkers() -> [(start: Int, end: Int)] {
        let anchors: [StaticString] = ["vragen van ", "Vragen van ", "VRAGEN VAN ", "vraag van ", "Vraag van ", "gesteld door ", "Gesteld door ", "GESTELD DOOR "]
        var starts: [Int] = []
        for anchor in anchors { starts += occurrences(of: anchor, before: firstHeading) }
        var found: [(start: Int, end: Int)] = []
        for start in starts.sorted() {
            for marker in Self.askerMarkers {
                let end = start + marker.utf8CodeUnitCount
                if end <= bytes.count, ByteSearch.endOfFirst(in: bytes, start..<end, marker, ignoringASCIICase: true) == end {
                    found.append((start, end))
                    break
                }
            }
        }
        return found
    }

    /// The offsets of a needle's occurrences from `start` that start before `limit`: `memchr`
    /// finds candidates for the first byte, `memcmp` checks them.
    func occurrences(of needle: StaticString, from start: Int = 0, before limit: Int, first: Bool = false) -> [Int] {
        let count = needle.utf8CodeUnitCount
        return bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, count > 0 else { return [] }
            let end = min(all.count - count + 1, limit)
            var found: [Int] = []
            var offset = max(0, start)
            while offset < end, let match = memchr(base + offset, Int32(needle.utf8Start[0]), end - offset) {
                let at = UnsafePointer<UInt8>(match.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, needle.utf8Start, count) == 0 {
                    found.append(at)
                    if first { break }
                }
                offset = at + 1
            }
            return found
        }
    }

    /// The party another asker phrase before the questions gives a member whom the first names
    /// without one ("vragen van de leden Van Ojik en Diks" in the subject line, "… Van Ojik en
    /// Diks (GroenLinks)" in the letter).
    private func partyElsewhere(of name: String) -> (String, Span)? {
        for range in otherHeaders {
            for asker in AskerPhrase(flatText(range), base: range.lowerBound).askers where asker.name == name {
                if let party = asker.party, let span = asker.partySpan { return (party, span) }
            }
        }
        return nil
    }

    /// The askers and their parties, the addressees, and the date the questions were submitted.
    mutating func findAskers() {
        if let header, let phrase = headerPhrase {
            for asker in phrase.askers {
                guard let person = entity(named: asker.name, at: asker.span, kind: "person", type: .schema("Person")) else { continue }
                if !set.askedBy.contains(person) { set.askedBy.append(person) }
                if let (party, partySpan) = asker.party.flatMap({ party in asker.partySpan.map { (party, $0) } }) ?? partyElsewhere(of: asker.name),
                    let partyIRI = entity(named: party, at: partySpan, kind: "party", type: .schema("PoliticalParty"))
                {
                    relate(person, .schema("memberOf"), partyIRI, at: asker.span.start)
                }
            }
            if let start = phrase.addresseesStart, start < header.upperBound {
                for office in OfficePhrase(flatText(start..<header.upperBound), base: start).offices() {
                    if let iri = self.office(office), !set.addressedTo.contains(iri) { set.addressedTo.append(iri) }
                }
            }
        }
        set.submitted = date(after: "ingezonden", from: header?.lowerBound ?? 0)
    }

    /// The first date mention after `word` (the first occurrence from `start`), within 80 bytes.
    func date(after word: StaticString, from start: Int) -> Literal? {
        guard start < bytes.count, let at = occurrences(of: word, from: start, before: bytes.count, first: true).first else { return nil }
        let end = at + word.utf8CodeUnitCount
        return mentions(in: Span(start: end, end: min(bytes.count, end + 80))).first { $0.value?.datatype?.value.hasSuffix("#date") == true }?.value
    }

    // MARK: Who answered

    /// The answering ministers or state secretaries: from "Antwoord van …" (or, for a notice of
    /// postponement, "Mededeling van …"), else from a signature, else the office the title names.
    mutating func findAnswerers() {
        guard !set.answers.isEmpty || set.postponed != nil else { return }
        var offices: [IRI] = []
        for index in sentences.indices
        where ByteSearch.hasPrefix(in: bytes, range(index), "Antwoord van ") || ByteSearch.hasPrefix(in: bytes, range(index), "Antwoorden van ")
            || ByteSearch.hasPrefix(in: bytes, range(index), "Mededeling van ")
        {
            let start = sentences[index].span.start
            var end = min(bytes.count, start + 400)
            for stop: StaticString in ["\n\n", "(ontvangen", "\nVraag", " op ", " over ", " mede namens"] {
                if let found = ByteSearch.endOfFirst(in: bytes, start..<end, stop, ignoringASCIICase: false) { end = found - stop.utf8CodeUnitCount }
            }
            let (people, named) = answerers(in: start..<end)
            for person in people where !set.answeredBy.contains(person) { set.answeredBy.append(person) }
            offices += named
            if set.answered == nil { set.answered = date(after: "ontvangen", from: start) }
        }
        if set.answeredBy.isEmpty { set.answeredBy = signatures() }
        if set.answeredBy.isEmpty { set.answeredBy = Array(offices.prefix(1)) }
    }

    /// The people (with their offices) and the offices an "Antwoord van …" phrase names:
    /// "Antwoord van Staatssecretaris Van Marum (Binnenlandse Zaken en Koninkrijksrelaties) en van
    /// Minister Hermans (Klimaat en Groene Groei)", "Antwoorden van de minister van Justitie en Veiligheid".
    private mutating func answerers(in range: Range<Int>) -> ([IRI], [IRI]) {
        let text = flatText(range)
        guard let van = text.range(of: " van ") else { return ([], []) }
        var people: [IRI] = []
        var offices: [IRI] = []
        var offset = range.lowerBound + text.utf8.distance(from: text.startIndex, to: van.upperBound)
        // Each part: a head, then a name and the portfolio in brackets, or "van …" (an office).
        while offset < range.upperBound {
            let rest = flatText(offset..<range.upperBound)
            let words = rest.split(separator: " ")
            guard let headWord = words.first(where: { $0 != "de" }), let head = Self.head(headWord) else { break }
            let headEnd = offset + rest.utf8.distance(from: rest.startIndex, to: headWord.endIndex)
            let afterHead = flatText(headEnd..<range.upperBound)
            if let open = afterHead.firstIndex(of: "("), let close = afterHead[open...].firstIndex(of: ")"),
                let name = AskerPhrase.name(bytes, headEnd..<(headEnd + afterHead.utf8.distance(from: afterHead.startIndex, to: open)), base: 0)
            {
                let portfolio = afterHead[afterHead.index(after: open)..<close].split(whereSeparator: { $0 == " " }).joined(separator: " ")
                let preposition = OfficePhrase.portfolios.first { $0.name == portfolio }?.preposition ?? "van"
                if let person = entity(named: name.name, at: name.span, kind: "person", type: .schema("Person")) {
                    people.append(person)
                    if head != "Minister-president", let office = entity(named: head + " " + preposition + " " + portfolio, at: name.span, kind: "office", type: ParliamentaryStructureTagger.office) {
                        relate(person, IRI(Vocabulary.TG.namespace + "holdsOffice"), office, at: name.span.start)
                    }
                }
                offset = headEnd + afterHead.utf8.distance(from: afterHead.startIndex, to: afterHead.index(after: close))
            } else {
                for office in OfficePhrase(flatText(offset..<range.upperBound), base: offset).offices() {
                    if let iri = self.office(office) { offices.append(iri) }
                }
                break
            }
            // "en van Minister …", "en Minister …"
            let next = flatText(offset..<range.upperBound)
            var skipped = next.drop { $0 == " " }
            guard skipped.hasPrefix("en ") else { break }
            skipped = skipped.dropFirst(3)
            if skipped.hasPrefix("van ") { skipped = skipped.dropFirst(4) }
            offset += next.utf8.distance(from: next.startIndex, to: skipped.startIndex)
        }
        return (people, offices)
    }

    /// The office a head word stands for, if it is one.
    static func head(_ word: Substring) -> String? {
        switch word.lowercased() {
        case "minister", "ministers": "Minister"
        case "staatssecretaris", "staatssecretarissen", "staatsecretaris": "Staatssecretaris"
        case "minister-president": "Minister-president"
        default: nil
        }
    }

    /// The people who sign the document: a line that holds only a name, under a line (blank lines
    /// between) that is an office, "De Minister van Justitie en Veiligheid,".
    private mutating func signatures() -> [IRI] {
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if !bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append(start..<end) }
            start = end + 1
        }
        // Tests on the bytes first: most lines are no signature.
        func firstLetter(_ line: Int) -> Int {
            var i = lines[line].lowerBound
            while i < lines[line].upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            return i
        }
        func startsWithDe(_ line: Int) -> Bool {
            let i = firstLetter(line)
            return i + 3 <= lines[line].upperBound && (bytes[i] == 0x44 || bytes[i] == 0x64) && bytes[i + 1] == 0x65 && bytes[i + 2] == 0x20
        }
        func continues(_ line: Int) -> Bool {
            let i = firstLetter(line)
            return i < lines[line].upperBound && bytes[i] >= 0x61 && bytes[i] <= 0x7A && !startsWithDe(line)
        }
        var people: [IRI] = []
        for k in lines.indices.dropFirst() where lines[k].count <= 40 {
            // The office may be wrapped over lines: "De Minister voor Buitenlandse Handel" / "en Ontwikkelingssamenwerking,".
            var first = k - 1
            while first > 0, k - first < 3, continues(first) { first -= 1 }
            guard startsWithDe(first), lines[k - 1].upperBound - lines[first].lowerBound <= 130 else { continue }
            let officeRange = lines[first].lowerBound..<lines[k - 1].upperBound
            let office = flatText(officeRange).drop { $0 == " " }
            guard office.hasPrefix("De ") || office.hasPrefix("de "), office.utf8.count <= 120, office.split(separator: " ").count <= 12,
                !office.dropLast().contains("."),
                let headWord = office.dropFirst(3).split(separator: " ").first, let head = Self.head(headWord.filter { $0 != "," })
            else { continue }
            guard let name = AskerPhrase.name(bytes, lines[k], base: 0), name.name.split(separator: " ").count >= 2,
                let person = entity(named: name.name, at: name.span, kind: "person", type: .schema("Person"))
            else { continue }
            if !people.contains(person) { people.append(person) }
            let officeStart = officeRange.upperBound - office.utf8.count
            for found in OfficePhrase(flatText(officeStart..<officeRange.upperBound), base: officeStart).offices() where found.label.hasPrefix(head) {
                if let iri = self.office(found) { relate(person, IRI(Vocabulary.TG.namespace + "holdsOffice"), iri, at: name.span.start) }
            }
        }
        return people
    }
}
