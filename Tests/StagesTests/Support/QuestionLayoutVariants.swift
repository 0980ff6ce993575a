/// A made-up set of written questions and answers, and the same set written in each layout the
/// structure reader knows, for property tests: whatever the layout, the graph's structure is
/// the same.
struct QuestionPaper {
    /// A member who asks, with their party as written ("GroenLinks-PvdA") and its gazetteer id.
    struct Asker {
        var name: String
        var party: String
        var partyID: String
    }

    var caseNumber: String
    var askers: [Asker]
    /// The addressed offices' portfolios ("Buitenlandse Zaken"), all taking "van".
    var portfolios: [String]
    /// The question texts; question `n` is `questions[n - 1]`.
    var questions: [String]
    /// The answers in order: the questions each covers (consecutive numbers) and its text.
    var answers: [(numbers: [Int], text: String)]
    /// The answering minister's surname and portfolio.
    var minister: (name: String, portfolio: String)

    /// The layouts of a paper with answers.
    enum Layout: CaseIterable {
        /// "Vraag 4", "Vraag 5", "Antwoord 4 en 5": each question repeated before its answer.
        case vraagAntwoord
        /// "Vraag 4 en 5" (one text), "Antwoord 4 en 5".
        case combined
        /// "Vragen 4 t/m 5", "Antwoord 4 t/m 5".
        case ranged
        /// "Vraag 4:", "Antwoord op vraag 4:", "Antwoord op vragen 4 en 5:".
        case colons
        /// "Vraag 4", "Vraag 5", "Antwoord": a bare answer covers the questions since the last.
        case bareAnswer
        /// All questions first, then "Antwoord vragen 4 en 5" without the questions repeated.
        case questionsFirst
        /// "**Vraag 4**", "**Antwoord 4 en 5**" (Markdown).
        case markdown
        /// "4. …" numbered paragraphs, then "Antwoord vraag 4-5:".
        case numberedParagraphs
    }

    /// The layouts of a paper with questions only.
    enum QuestionLayout: CaseIterable {
        case vraagHeadings, vraagColonHeadings, numberedParagraphs, bareNumbers, unnumberedParagraphs
    }

    /// The heading that introduces the paper: case number, askers, addressees, date.
    var header: String {
        var groups: [String] = []
        var k = 0
        while k < askers.count {
            var end = k + 1
            while end < askers.count, askers[end].party == askers[k].party { end += 1 }
            let names = askers[k..<end].map(\.name)
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " en " + names.last!
            groups.append(
                list + " (" + (names.count == 1 ? "" : names.count == 2 ? "beiden " : "allen ") + askers[k].party + ")")
            k = end
        }
        let who = groups.count == 1 ? groups[0] : groups.dropLast().joined(separator: ", ") + " en " + groups.last!
        let lid = askers.count == 1 ? "het lid" : "de leden"
        let whom =
            portfolios.count == 1
            ? "de Minister van " + portfolios[0]
            : "de Ministers van " + portfolios.dropLast().joined(separator: ", van ") + " en van " + portfolios.last!
        return "\(caseNumber)\n\nVragen van \(lid) \(who) aan \(whom) over een bericht (ingezonden 3 maart 2024).\n\n"
    }

    var answeredBy: String {
        "Antwoord van Minister \(minister.name) (\(minister.portfolio)) (ontvangen 2 april 2024).\n\n"
    }

    /// The paper written in a layout.
    func text(_ layout: Layout) -> String {
        var text = header + answeredBy
        func numbers(_ numbers: [Int], _ separator: String = " en ") -> String {
            numbers.count == 1
                ? "\(numbers[0])"
                : numbers.dropLast().map(String.init).joined(separator: ", ") + separator + "\(numbers.last!)"
        }
        func joined(_ numbers: [Int]) -> String { numbers.map { questions[$0 - 1] }.joined(separator: " ") }
        for answer in answers {
            let group = answer.numbers
            switch layout {
            case .vraagAntwoord:
                for n in group { text += "Vraag \(n)\n\(questions[n - 1])\n\n" }
                text += "Antwoord \(numbers(group))\n\(answer.text)\n\n"
            case .combined:
                text += "Vraag \(numbers(group))\n\(joined(group))\n\nAntwoord \(numbers(group))\n\(answer.text)\n\n"
            case .ranged:
                let range = group.count == 1 ? "\(group[0])" : "\(group[0]) t/m \(group.last!)"
                text +=
                    "\(group.count == 1 ? "Vraag" : "Vragen") \(range)\n\(joined(group))\n\nAntwoord \(range)\n\(answer.text)\n\n"
            case .colons:
                for n in group { text += "Vraag \(n):\n\(questions[n - 1])\n\n" }
                text += "Antwoord op \(group.count == 1 ? "vraag" : "vragen") \(numbers(group)):\n\(answer.text)\n\n"
            case .bareAnswer:
                for n in group { text += "Vraag \(n)\n\(questions[n - 1])\n\n" }
                text += "Antwoord\n\(answer.text)\n\n"
            case .questionsFirst:
                break
            case .markdown:
                for n in group { text += "**Vraag \(n)**\n\n\(questions[n - 1])\n\n" }
                text += "**Antwoord \(numbers(group))**\n\n\(answer.text)\n\n"
            case .numberedParagraphs:
                for n in group { text += "\(n). \(questions[n - 1])\n\n" }
                let range = group.count == 1 ? "\(group[0])" : "\(group[0])-\(group.last!)"
                text += "Antwoord vraag \(range):\n\(answer.text)\n\n"
            }
        }
        if layout == .questionsFirst {
            for n in questions.indices { text += "Vraag \(n + 1)\n\(questions[n])\n\n" }
            for answer in answers {
                text +=
                    "Antwoord \(answer.numbers.count == 1 ? "vraag" : "vragen") \(numbers(answer.numbers))\n\(answer.text)\n\n"
            }
        }
        return text
    }

    /// The paper's questions alone, written in a layout.
    func text(_ layout: QuestionLayout) -> String {
        var text = header
        for (k, question) in questions.enumerated() {
            switch layout {
            case .vraagHeadings: text += "Vraag \(k + 1)\n\(question)\n\n"
            case .vraagColonHeadings: text += "Vraag \(k + 1):\n\(question)\n\n"
            case .numberedParagraphs: text += "\(k + 1). \(question)\n\n"
            case .bareNumbers: text += "\(k + 1)\n\(question)\n\n"
            case .unnumberedParagraphs: text += "\(question)\n\n"
            }
        }
        return text
    }

    /// Whether a layout writes questions answered together as one text.
    static func sharesText(_ layout: Layout) -> Bool { layout == .combined || layout == .ranged }

    /// A random paper from a seed: 2 to 12 questions in answer groups of 1 to 3, 1 to 4 askers
    /// in 1 to 3 parties, 1 to 3 addressed offices.
    static func random(seed: UInt64) -> QuestionPaper {
        var random = SplitMix64(seed: seed)
        let names = [
            "Dekkers", "Van Aalsum", "Mulderink", "Ter Horst", "Bakkum", "El Idrissi", "Van der Veen-Smit",
            "Oosterbroek", "De Wolff",
        ]
        let parties = [
            ("SP", "sp"), ("VVD", "vvd"), ("D66", "d66"), ("GroenLinks-PvdA", "groenlinks-pvda"), ("PvdD", "pvdd"),
            ("BBB", "bbb"),
        ]
        let portfolios = [
            "Buitenlandse Zaken", "Justitie en Veiligheid", "Financiën", "Infrastructuur en Waterstaat",
            "Asiel en Migratie",
            "Volksgezondheid, Welzijn en Sport", "Klimaat en Groene Groei", "Onderwijs, Cultuur en Wetenschap",
        ]
        let subjects = [
            "het bericht", "de brief", "het rapport", "de regeling", "het besluit", "de aanbesteding", "het onderzoek",
        ]
        let verbs = [
            "kent u", "deelt u", "waarom steunt u", "hoe beoordeelt u", "wanneer publiceert u",
            "bent u bereid te herzien",
        ]
        let askerCount = 1 + random.next(4)
        var askers: [Asker] = []
        var party = parties[random.next(parties.count)]
        for k in 0..<askerCount {
            if k > 0, random.next(2) == 0 { party = parties[random.next(parties.count)] }
            let name = names[(Int(seed % 5) + k * 2) % names.count]
            askers.append(Asker(name: name, party: party.0, partyID: party.1))
        }
        var chosen: [String] = []
        for _ in 0..<(1 + random.next(3)) {
            let portfolio = portfolios[random.next(portfolios.count)]
            if !chosen.contains(portfolio) { chosen.append(portfolio) }
        }
        let count = 2 + random.next(11)
        let questions = (1...count).map { _ in
            let verb = verbs[random.next(verbs.count)]
            return verb.prefix(1).uppercased() + verb.dropFirst() + " " + subjects[random.next(subjects.count)]
                + " over de zaak?"
        }
        var answers: [(numbers: [Int], text: String)] = []
        var n = 1
        while n <= count {
            let size = min(count - n + 1, 1 + random.next(3))
            answers.append(
                (
                    Array(n..<(n + size)),
                    "Ja, " + subjects[random.next(subjects.count)] + " is bekend bij mijn ministerie."
                ))
            n += size
        }
        return QuestionPaper(
            caseNumber: "2024Z0\(1000 + random.next(8999))", askers: askers, portfolios: chosen, questions: questions,
            answers: answers,
            minister: ("Zwartveld", portfolios[random.next(portfolios.count)]))
    }
}

/// A small, seedable random number generator (SplitMix64), so property tests are repeatable.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
