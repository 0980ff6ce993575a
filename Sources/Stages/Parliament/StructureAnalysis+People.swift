import Foundation
import Pipeline
import TextGraphSupport

extension StructureAnalysis {
    // MARK: Who asked whom

    /// The phrases that introduce the askers, in the ways documents write them.
    static let askerMarkers: [StaticString] = [
        "vragen van het lid", "vragen van de leden", "vragen van het leden", "vragen van lid", "vraag van het lid",
        "gesteld door het lid", "gesteld door de leden",
    ]

    /// Finds the asker phrase: the first "Vragen van het lid …" (or "de leden", "gesteld door …")
    /// before the first question that names at least one member. It runs to the end of its
    /// paragraph, "(ingezonden …)", or the line that opens the answers or questions.
    mutating func findHeader() {
        for marker in askerMarkers() {
            // "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden"
            if ByteSearch.hasPrefix(in: bytes, marker.end..<min(bytes.count, marker.end + 10), " der Kamer") {
                continue
            }
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
        for stop: StaticString in ["\n\n", "\r\n\r\n", "(ingezonden", "\nAntwoord", "\nMededeling", "\nVraag", "\n1. "]
        {
            if let found = firstOccurrence(of: stop, in: start..<end) { end = found }
        }
        return start..<end
    }

    /// Where the asker markers are before the first heading, in order: one pass over the bytes
    /// for "vr" and "ge" in either case, then the first words as written (small letters, a
    /// capital, all capitals), then the whole marker ignoring case.
    private func askerMarkers() -> [(start: Int, end: Int)] {
        let anchors: [StaticString] = [
            "vragen van ", "Vragen van ", "VRAGEN VAN ", "vraag van ", "Vraag van ", "gesteld door ", "Gesteld door ",
            "GESTELD DOOR ",
        ]
        var found: [(start: Int, end: Int)] = []
        bytes.withUnsafeBufferPointer { all in
            let limit = min(firstHeading, all.count - 1)
            var k = 0
            while k < limit {
                let first = all[k] | 0x20
                let second = all[k + 1] | 0x20
                defer { k += 1 }
                // "vr", "ge"
                guard (first == 0x76 && second == 0x72) || (first == 0x67 && second == 0x65) else { continue }
                let rest = UnsafeBufferPointer(rebasing: all[k...])
                guard anchors.contains(where: { ByteSearch.hasPrefix(rest, $0) }) else { continue }
                for marker in Self.askerMarkers {
                    let end = k + marker.utf8CodeUnitCount
                    if end <= all.count,
                        ByteSearch.containsIgnoringASCIICase(UnsafeBufferPointer(rebasing: all[k..<end]), marker)
                    {
                        found.append((k, end))
                        break
                    }
                }
            }
        }
        return found
    }

    /// The offsets of a needle's occurrences from `start` that start before `limit` (the first
    /// only, when `first`).
    func occurrences(of needle: StaticString, from start: Int = 0, before limit: Int, first: Bool = false) -> [Int] {
        bytes.withUnsafeBufferPointer {
            ByteSearch.occurrences(of: needle, in: $0, from: start, before: limit, first: first)
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
                guard let person = entity(named: asker.name, at: asker.span, kind: "person", type: .schema("Person"))
                else { continue }
                if !set.askedBy.contains(person) { set.askedBy.append(person) }
                if let (party, partySpan) = asker.party.flatMap({ party in asker.partySpan.map { (party, $0) } })
                    ?? partyElsewhere(of: asker.name),
                    let partyIRI = entity(named: party, at: partySpan, kind: "party", type: .schema("PoliticalParty"))
                {
                    relate(person, Vocabulary.schemaMemberOf.iri, partyIRI, at: asker.span.start)
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
        guard start < bytes.count, let at = occurrences(of: word, from: start, before: bytes.count, first: true).first
        else { return nil }
        let end = at + word.utf8CodeUnitCount
        return firstMention(in: Span(start: end, end: min(bytes.count, end + 80))) {
            $0.value?.datatype?.value.hasSuffix("#date") == true
        }?.value
    }

    // MARK: Who answered

    /// The answering ministers or state secretaries: from "Antwoord van …" (or, for a notice of
    /// postponement, "Mededeling van …"), else from a signature, else the office the title names.
    mutating func findAnswerers() {
        guard !set.answers.isEmpty || set.postponed != nil else { return }
        var offices: [IRI] = []
        for index in sentences.indices
        where ByteSearch.hasPrefix(in: bytes, range(index), "Antwoord van ")
            || ByteSearch.hasPrefix(in: bytes, range(index), "Antwoorden van ")
            || ByteSearch.hasPrefix(in: bytes, range(index), "Mededeling van ")
        {
            let start = sentences[index].span.start
            var end = min(bytes.count, start + 400)
            for stop: StaticString in ["\n\n", "(ontvangen", "\nVraag", " op ", " over ", " mede namens"] {
                if let found = firstOccurrence(of: stop, in: start..<end) { end = found }
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
        let flat = flatBytes(range)
        guard
            let van = flat.withUnsafeBufferPointer({
                ByteSearch.occurrences(of: " van ", in: $0, before: flat.count, first: true).first
            })
        else {
            return ([], [])
        }
        var people: [IRI] = []
        var offices: [IRI] = []
        // Offsets in `flat` (whose bytes are the document's from `range.lowerBound`).
        let base = range.lowerBound
        var offset = van + 5
        func skipSpaces(_ k: inout Int) { while k < flat.count, flat[k] == 0x20 { k += 1 } }
        func word(at k: Int) -> Range<Int> { k..<(flat[k...].firstIndex(of: 0x20) ?? flat.count) }
        // Each part: a head, then a name and the portfolio in brackets, or "van …" (an office).
        while offset < flat.count {
            // The head is the first word that is not "de".
            var k = offset
            skipSpaces(&k)
            guard k < flat.count else { break }
            var headWord = word(at: k)
            while flat[headWord].elementsEqual("de".utf8) {
                k = headWord.upperBound
                skipSpaces(&k)
                guard k < flat.count else { break }
                headWord = word(at: k)
            }
            guard let head = Self.head(Substring(String(decoding: flat[headWord], as: UTF8.self))) else { break }
            let headEnd = headWord.upperBound
            if let open = flat[headEnd...].firstIndex(of: 0x28), let close = flat[open...].firstIndex(of: 0x29),
                let name = AskerPhrase.name(bytes, (base + headEnd)..<(base + open), base: 0)
            {
                let portfolio = String(decoding: flat[(open + 1)..<close], as: UTF8.self).split(separator: " ").joined(
                    separator: " ")
                let preposition = OfficePhrase.portfolios.first { $0.name == portfolio }?.preposition ?? "van"
                if let person = entity(named: name.name, at: name.span, kind: "person", type: .schema("Person")) {
                    people.append(person)
                    if head != "Minister-president",
                        let office = entity(
                            named: head + " " + preposition + " " + portfolio, at: name.span, kind: "office",
                            type: ParliamentaryStructureTagger.office)
                    {
                        relate(person, IRI(Vocabulary.Namespace.tg.iri + "holdsOffice"), office, at: name.span.start)
                    }
                }
                offset = close + 1
            } else {
                for office in OfficePhrase(flatText((base + offset)..<range.upperBound), base: base + offset).offices()
                {
                    if let iri = self.office(office) { offices.append(iri) }
                }
                break
            }
            // "en van Minister …", "en Minister …"
            var next = offset
            skipSpaces(&next)
            guard flat[next...].starts(with: "en ".utf8) else { break }
            next += 3
            if flat[next...].starts(with: "van ".utf8) { next += 4 }
            offset = next
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
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = ByteSearch.firstOffset(of: 0x0A, in: all, from: start, to: all.count) ?? all.count
                var k = start
                while k < end, all[k] == 0x20 || all[k] == 0x09 || all[k] == 0x0D { k += 1 }
                if k < end { lines.append(start..<end) }
                start = end + 1
            }
        }
        // Tests on the bytes first: most lines are no signature.
        func firstLetter(_ line: Int) -> Int {
            var i = lines[line].lowerBound
            while i < lines[line].upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            return i
        }
        func startsWithDe(_ line: Int) -> Bool {
            let i = firstLetter(line)
            return i + 3 <= lines[line].upperBound && (bytes[i] == 0x44 || bytes[i] == 0x64) && bytes[i + 1] == 0x65
                && bytes[i + 2] == 0x20
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
            guard office.hasPrefix("De ") || office.hasPrefix("de "), office.utf8.count <= 120,
                office.split(separator: " ").count <= 12,
                !office.dropLast().utf8.contains(UInt8(ascii: ".")),
                let headWord = office.dropFirst(3).split(separator: " ").first,
                let head = Self.head(headWord.filter { $0 != "," })
            else { continue }
            guard let name = AskerPhrase.name(bytes, lines[k], base: 0), name.name.split(separator: " ").count >= 2,
                let person = entity(named: name.name, at: name.span, kind: "person", type: .schema("Person"))
            else { continue }
            if !people.contains(person) { people.append(person) }
            let officeStart = officeRange.upperBound - office.utf8.count
            for found in OfficePhrase(flatText(officeStart..<officeRange.upperBound), base: officeStart).offices()
            where found.label.hasPrefix(head) {
                if let iri = self.office(found) {
                    relate(person, IRI(Vocabulary.Namespace.tg.iri + "holdsOffice"), iri, at: name.span.start)
                }
            }
        }
        return people
    }
}
