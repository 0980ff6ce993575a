import Foundation
import Pipeline
import Stages
import Testing

@Suite struct NamedEntityModelTests {
    @Test func trainingOnATinyCorpusLearnsTheToyPattern() {
        let score = ToyNames.model.score(ToyNames.test, lexicon: NamedEntityLexicon())
        #expect(score.total.gold == 6)
        #expect(score.total.f1 >= 0.99, "\(score.report)")
        #expect(ToyNames.model.tags.types == ["LOC", "PER"])
    }

    @Test func trainingIsDeterministicForASeed() {
        var trainer = NamedEntityTrainer()
        trainer.hashBits = 12
        trainer.epochs = 3
        let first = trainer.train(ToyNames.training, development: nil).serialized()
        let second = trainer.train(ToyNames.training, development: nil).serialized()
        #expect(first == second)
        trainer.seed = 2
        #expect(trainer.train(ToyNames.training, development: nil).serialized() != first)
    }

    @Test func aSavedModelLoadsAndTagsAlike() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("toy-\(UUID().uuidString).tgner").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ToyNames.model.write(to: path)
        let loaded = try NamedEntityModel.load(path: path)
        #expect(loaded.tags == ToyNames.model.tags)
        #expect(loaded.provenance == "toy")
        #expect(loaded.temperature == ToyNames.model.temperature)
        for document in ToyNames.test.documents {
            #expect(
                loaded.tagged(document, lexicon: NamedEntityLexicon())
                    == ToyNames.model.tagged(document, lexicon: NamedEntityLexicon()))
        }
        #expect(loaded.serialized() == ToyNames.model.serialized())
    }

    func loadError(_ bytes: [UInt8]) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).tgner").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        do {
            _ = try NamedEntityModel.load(path: path)
            return "no error"
        } catch {
            #expect("\(error)".hasPrefix(path + ": "), "the message names the file: \(error)")
            return "\(error)"
        }
    }

    @Test func badModelFilesAreClearErrorsNamingTheFile() {
        let good = ToyNames.model.serialized()
        #expect(loadError(Array("id\ttype\tlabel\n".utf8)).contains("not a TextGraph entity model"))
        var version = good
        version[8] = 9
        #expect(loadError(version).contains("version 9"))
        var damaged = good
        damaged[good.count / 2] ^= 0x55
        #expect(loadError(damaged).contains("damaged"))
        #expect(
            loadError(Array(good.prefix(good.count / 3))).contains("damaged")
                || loadError(Array(good.prefix(good.count / 3))).contains("cut short"))
        #expect(loadError([]).contains("not a TextGraph entity model"))
        #expect(throws: StageError.self) { try NamedEntityModel.load(path: "/nonexistent/model.tgner") }
    }

    @Test func theBundledModelLoadsAndIsSmall() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let model = try NamedEntityModel.bundled()
        print("bundled entity model loaded in \(clock.now - start)")
        #expect(model.tags.types == ["LOC", "MISC", "ORG", "PER"])
        #expect(!model.provenance.contains("ned.train"), "the shipped model must not be trained on CoNLL-2002")
        #expect(model.serialized().count < 6_000_000)
    }
}

@Suite struct NamedEntityClustersTests {
    @Test func wordsBeforeTheSameWordsShareACluster() {
        var sentences: [[String]] = []
        for _ in 0..<20 {
            for city in ["Gent", "Brugge", "Leuven"] { sentences.append(["in", city, "wonen", "zij"]) }
            for verb in ["lopen", "fietsen", "zwemmen"] { sentences.append(["wij", verb, "snel", "weg"]) }
        }
        let clusters = NamedEntityClusters.learn(sentences, classes: 4, minimumCount: 3).clusters
        #expect(clusters["Gent"] == clusters["Brugge"] && clusters["Brugge"] == clusters["Leuven"])
        #expect(clusters["lopen"] == clusters["fietsen"])
        #expect(clusters["Gent"] != clusters["lopen"])
    }

    @Test func clustersTravelInTheModelFile() throws {
        var trainer = NamedEntityTrainer()
        trainer.hashBits = 12
        trainer.epochs = 2
        trainer.clusters = ["Jansen": 3, "Utrecht": 7]
        let model = trainer.train(ToyNames.training, development: nil)
        #expect(try NamedEntityModel.parse(model.serialized()).clusters == ["Jansen": 3, "Utrecht": 7])
    }
}

@Suite struct NamedEntityCorpusTests {
    @Test func conllColumnsAreReadWithDocumentsAndIOB1Repaired() throws {
        let text =
            "-DOCSTART- -DOCSTART- O\nDe Art O\nheer N O\nJan N I-PER\nJansen N I-PER\n. Punc O\n\nIn Prep O\nGent N B-LOC\n\n-DOCSTART- -DOCSTART- O\nEU N B-ORG\n"
        let corpus = try load(text)
        #expect(corpus.documents.count == 2)
        #expect(corpus.documents[0].count == 2)
        #expect(corpus.documents[0][0].tags == ["O", "O", "B-PER", "I-PER", "O"])
        #expect(corpus.documents[1][0].tags == ["B-ORG"])
    }

    @Test func conllUNamesInMiscAndOtherTypesAreRead() throws {
        let conllu =
            "# newdoc id = a\n# text = Rutte in Den Haag\n1\tRutte\tRutte\tPROPN\t_\t_\t0\troot\t_\tNER=B-PER\n2\tin\tin\tADP\t_\t_\t1\tcase\t_\tNER=O\n3\tDen\tDen\tPROPN\t_\t_\t1\tobl\t_\tNER=B-LOC\n4\tHaag\tHaag\tPROPN\t_\t_\t3\tflat\t_\tNER=I-LOC|SpaceAfter=No\n\n"
        #expect(try load(conllu).documents[0][0].tags == ["B-PER", "O", "B-LOC", "I-LOC"])
        let globalise = "-DOCSTART-\tO\tO\n# source = x\nMataram\tB-LOC_NAME\tB-LOC\nJaer\tB-DATE\tO\n"
        #expect(try load(globalise).documents[0][0].tags == ["B-LOC", "O"])
    }

    @Test func parlaMintTEINamesAreRead() throws {
        let tei =
            #"<TEI><s xml:id="s1"><name type="PER"><w lemma="x">Femke</w> <w>Halsema</w></name> <w>sprak</w><pc>.</pc></s></TEI>"#
        let corpus = try load(tei)
        #expect(corpus.documents[0][0].tokens == ["Femke", "Halsema", "sprak", "."])
        #expect(corpus.documents[0][0].tags == ["B-PER", "I-PER", "O", "O"])
    }

    @Test func scoresCountNamesAsConllevalDoes() {
        var score = NamedEntityScore()
        score.add(gold: ["B-PER", "I-PER", "O", "B-LOC"], predicted: ["B-PER", "I-PER", "O", "B-ORG"])
        score.add(gold: ["I-ORG", "O"], predicted: ["B-ORG", "O"])
        #expect(score.total.gold == 3 && score.total.predicted == 3 && score.total.correct == 2)
        #expect(score.types["LOC"]?.recall == 0)
        #expect(score.report.contains("FB1:  66.67"))
    }

    func load(_ text: String) throws -> NamedEntityCorpus {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try NamedEntityCorpus.load(path: path)
    }
}
