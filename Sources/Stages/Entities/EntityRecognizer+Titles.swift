extension EntityRecognizer {
    /// Words that, written right before a capitalized name, say it names a person: "president
    /// Alijev", "professor Evans", "minister Hermans", "de heer Omtzigt".
    ///
    /// Words that often stand before the name of an institution or a place ("voorzitter van",
    /// "lid Tweede Kamer", "commissaris van de Koning", "Staten-Generaal") are not among them.
    static let personTitles: Set<String> = [
        "minister", "staatssecretaris", "minister-president", "premier", "president", "professor", "prof.", "dr.",
        "drs.",
        "mr.", "ir.", "dhr.", "mevr.", "mevrouw", "heer", "burgemeester", "wethouder", "kamerlid", "koning", "koningin",
        "prins", "prinses", "kanselier", "ambassadeur", "senator", "gouverneur", "paus", "staatsraad",
    ]

    /// The lower-case hashes of ``personTitles``, compared with the hashes of tokens' bytes.
    private static let personTitleHashes: Set<UInt64> = Set(
        personTitles.map { NamedEntityHash.lowercased(Array($0.utf8)[...]) })

    /// Words that join the parts of a Dutch surname ("professor van Dijk", "minister De Jonge").
    private static let particles: Set<UInt64> = Set(
        ["van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in"].map {
            NamedEntityHash.lowercased(Array($0.utf8)[...])
        })

    /// The confidence of a name found by its title rather than by the model.
    static let titledNameConfidence = 0.75

    /// People named after a title, which the model may miss ("president Alijev", "professor
    /// Evans"): the capitalized words (with the particles between them) right after a word of
    /// ``personTitles``. A surname after a title starts with a capital ("professor Van der
    /// Berg"); a lower-case word there names an office ("minister van Financiën"), no person.
    /// The first word must have lower-case letters after its capital (not an acronym such as
    /// "VWS"), and the gazetteer must not know it only as part of other kinds of names.
    /// - Returns: The names, typed PER, in text order.
    static func titledNames(in text: NamedEntityText, lexicon: NamedEntityLexicon) -> [NamedEntityModel.Name] {
        var names: [NamedEntityModel.Name] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            for sentence in text.sentences where sentence.count > 1 {
                var t = sentence.lowerBound
                while t + 1 < sentence.upperBound {
                    defer { t += 1 }
                    guard isNameWord(bytes, text.tokens[t + 1]),
                        personTitleHashes.contains(NamedEntityHash.lowercased(bytes, text.tokens[t]))
                    else { continue }
                    let word = NamedEntityHash.lowercased(bytes, text.tokens[t + 1])
                    if let bits = lexicon.membership[word], bits & 0x11 == 0 { continue }
                    var end = t + 2
                    while end < sentence.upperBound {
                        if isCapitalized(bytes, text.tokens[end])
                            && text.tokens[end].lowerBound - text.tokens[end - 1].upperBound <= 1
                        {
                            end += 1
                        } else if end + 1 < sentence.upperBound,
                            particles.contains(NamedEntityHash.lowercased(bytes, text.tokens[end])),
                            isCapitalized(bytes, text.tokens[end + 1])
                        {
                            end += 2
                        } else {
                            break
                        }
                    }
                    names.append(
                        NamedEntityModel.Name(start: t + 1, end: end, type: "PER", confidence: titledNameConfidence))
                    t = end - 1
                }
            }
        }
        return names
    }

    /// People written with a given name and the initial of their surname, as Dutch news and
    /// papers name suspects and witnesses ("Kadir K.", "Mohammed B."): a name word inside a
    /// sentence, after a word that is not capitalized, then one capital with a full stop, then
    /// no capitalized word. The name word must not be one the gazetteer knows only as part of
    /// other kinds of names, nor a word naming an institution by its kind.
    /// - Returns: The names, typed PER, in text order.
    static func initialledNames(in text: NamedEntityText, lexicon: NamedEntityLexicon) -> [NamedEntityModel.Name] {
        var names: [NamedEntityModel.Name] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            for sentence in text.sentences where sentence.count > 2 {
                for t in (sentence.lowerBound + 1)..<(sentence.upperBound - 1) {
                    let initial = text.tokens[t + 1]
                    guard initial.count == 2, bytes[initial.lowerBound + 1] == 0x2E,
                        bytes[initial.lowerBound] >= 0x41 && bytes[initial.lowerBound] <= 0x5A,
                        initial.lowerBound == text.tokens[t].upperBound + 1, isNameWord(bytes, text.tokens[t]),
                        !isCapitalized(bytes, text.tokens[t - 1]),
                        t + 2 == sentence.upperBound || !isCapitalized(bytes, text.tokens[t + 2])
                    else { continue }
                    let word = NamedEntityHash.lowercased(bytes, text.tokens[t])
                    if let bits = lexicon.membership[word], bits & 0x11 == 0 { continue }
                    guard !generic.contains(text.token(t).lowercased()) else { continue }
                    names.append(
                        NamedEntityModel.Name(start: t, end: t + 2, type: "PER", confidence: titledNameConfidence))
                }
            }
        }
        return names
    }

    /// Whether a token starts with a capital letter (ASCII or Latin-1).
    private static func isCapitalized(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        if bytes[first] >= 0x41 && bytes[first] <= 0x5A { return true }
        return bytes[first] == 0xC3 && range.count > 1 && bytes[first + 1] >= 0x80 && bytes[first + 1] <= 0x9E
    }

    /// Whether a token looks like a name: a capital, then a lower-case ASCII letter or a letter
    /// outside ASCII, and no digit.
    private static func isNameWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count > 1, isCapitalized(bytes, range) else { return false }
        let index = range.lowerBound + (bytes[range.lowerBound] == 0xC3 ? 2 : 1)
        guard index < range.upperBound else { return false }
        let second = bytes[index]
        guard second >= 0x61 && second <= 0x7A || second >= 0x80 else { return false }
        return !range.contains { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }
}
