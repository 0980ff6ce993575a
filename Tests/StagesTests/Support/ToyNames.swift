import Pipeline
import Stages

/// A toy corpus with a pattern a recognizer can learn from few sentences: a capitalized name
/// after "zag" is a person, after "in" a place, and "Minister" with a name is a person's name
/// with its title. Names differ between the training and the test sentences.
enum ToyNames {
    static let trainingPeople = [
        "Jansen", "Pietersen", "Anna Bakker", "Hugo de Vries", "Smit", "Karel Mulder", "De Boer", "Visser",
        "Eva Dekker", "Bos",
    ]
    static let trainingPlaces = ["Utrecht", "Breda", "Zwolle", "Den Bosch", "Almere", "Lelystad", "Tiel", "Emmen"]
    static let testPeople = ["Vermeulen", "Jan Hendriks", "Hugo de Jonge", "De Jonge"]
    static let testPlaces = ["Gouda", "Assen"]

    /// A sentence in BIO columns.
    static func sentence(_ before: [String], _ name: String, _ type: String, _ after: [String], titled: Bool = false)
        -> NamedEntityCorpus.Sentence
    {
        let words = name.split(separator: " ").map(String.init)
        let nameTags = words.indices.map { $0 == 0 && !titled ? "B-" + type : "I-" + type }
        return NamedEntityCorpus.Sentence(
            tokens: before + words + after,
            tags: before.indices.map { titled && $0 == before.count - 1 ? "B-" + type : "O" } + nameTags
                + after.map { _ in "O" })
    }

    /// The training corpus: each name in a few contexts, documents of ten sentences.
    static var training: NamedEntityCorpus {
        var sentences: [NamedEntityCorpus.Sentence] = []
        for person in trainingPeople {
            sentences.append(sentence(["Ik", "zag"], person, "PER", ["gisteren", "."]))
            sentences.append(
                sentence(["Toen", "sprak", "Minister"], person, "PER", ["over", "de", "zaak", "."], titled: true))
            sentences.append(sentence(["Het", "boek", "van"], person, "PER", ["is", "dik", "."]))
        }
        for place in trainingPlaces {
            sentences.append(sentence(["Wij", "wonen", "in"], place, "LOC", ["sinds", "jaren", "."]))
            sentences.append(sentence(["De", "trein", "naar"], place, "LOC", ["was", "laat", "."]))
        }
        sentences.append(
            NamedEntityCorpus.Sentence(tokens: ["Het", "regent", "vandaag", "."], tags: ["O", "O", "O", "O"]))
        return NamedEntityCorpus(
            documents: stride(from: 0, to: sentences.count, by: 10).map {
                Array(sentences[$0..<min($0 + 10, sentences.count)])
            })
    }

    /// The test corpus: new names in the same contexts.
    static var test: NamedEntityCorpus {
        var sentences: [NamedEntityCorpus.Sentence] = []
        for person in testPeople { sentences.append(sentence(["Ik", "zag"], person, "PER", ["gisteren", "."])) }
        for place in testPlaces {
            sentences.append(sentence(["Wij", "wonen", "in"], place, "LOC", ["sinds", "jaren", "."]))
        }
        return NamedEntityCorpus(documents: [sentences])
    }

    /// A small model trained on the toy corpus (no gazetteer features), made once.
    static let model: NamedEntityModel = {
        var trainer = NamedEntityTrainer()
        trainer.hashBits = 14
        trainer.epochs = 8
        trainer.provenance = "toy"
        return trainer.train(training, development: nil)
    }()
}
