import Foundation
import Pipeline
import Stages
import Testing

@testable import TextGraphEntities

@Suite struct NamedEntityWeightsTests {
    @Test func quantizingKeepsEachRowWithinHalfAStepOfItsScale() {
        let weights: [Float] = [0, 0, 0, 1.5, -3, 0.25, 100, 0, -0.5]
        let table = NamedEntityWeights(quantizing: weights, width: 3)
        table._checkInvariants()
        #expect(table.rows == 3 && table.stride == 8)
        #expect(table.scale(ofRow: 0) == 0)
        #expect(table.scale(ofRow: 1) == Float(3) / 127)
        for row in 0..<3 {
            for tag in 0..<3 {
                let step = table.scale(ofRow: row)
                #expect(abs(table.weight(row: row, tag: tag) - weights[row * 3 + tag]) <= step / 2 + 1e-6)
            }
        }
        #expect(table.weight(row: 1, tag: 1) == -3)
        #expect(table.weight(row: 2, tag: 0) == 100)
    }

    @Test func rowsReadFromFileRecordsAreTheRowsWritten() throws {
        var written = NamedEntityWeights(rows: 4, width: 5)
        written.set(row: 2, scale: 0.125, codes: [1, -2, 127, -127, 0] as [Int8])
        written.set(row: 0, scale: 2, codes: [0, 0, 0, 0, -1] as [Int8])
        var bytes: [UInt8] = []
        for row in [2, 0] {
            withUnsafeBytes(of: UInt32(row).littleEndian) { bytes += $0 }
            withUnsafeBytes(of: written.scale(ofRow: row).bitPattern.littleEndian) { bytes += $0 }
            bytes += written.codes(ofRow: row)
        }
        var read = NamedEntityWeights(rows: 4, width: 5)
        var checked: [Int] = []
        bytes.withUnsafeBytes { read.set(records: $0) { row, _ in checked.append(row) } }
        #expect(checked == [2, 0])
        #expect(read == written)
        #expect(read.weight(row: 2, tag: 3) == -127 * 0.125)
        read._checkInvariants()
        struct Refused: Error {}
        var refused = NamedEntityWeights(rows: 4, width: 5)
        #expect(throws: Refused.self) {
            try bytes.withUnsafeBytes { try refused.set(records: $0) { row, _ in if row == 0 { throw Refused() } } }
        }
    }

    @Test func theBundledModelWritesBackTheBytesOfItsFile() throws {
        let model = try NamedEntityModel.bundled()
        let file = try Data(contentsOf: NamedEntityModel.bundledURL())
        #expect(model.serialized() == [UInt8](file), "quantized weights are kept as the file stores them")
        model.weights._checkInvariants()
    }
}

@Suite struct NamedEntityLexiconTests {
    func lexicon(_ entries: [(String, String, [String])]) -> NamedEntityLexicon {
        NamedEntityLexicon(
            gazetteer: Gazetteer(
                entries.enumerated().map { index, entry in
                    GazetteerEntry(
                        iri: IRI("https://example.org/\(index)"), types: [.schema(entry.1)],
                        labels: [Literal(entry.0, language: "nl")], aliases: entry.2)
                }))
    }

    func bits(_ lexicon: NamedEntityLexicon, _ word: String) -> UInt8? {
        lexicon.membership[NamedEntityHash.lowercased(Array(word.utf8)[...])]
    }

    @Test func capitalizedWordsOfNamesCarryTheirTypeAndWholeOneWordNamesAnotherBit() {
        let lexicon = lexicon([
            ("Hugo de Jonge", "Person", ["De Jonge"]), ("Utrecht", "City", []),
            ("Ministerie van Financiën", "GovernmentOrganization", []),
            ("Émile Zola", "Person", []), ("Jonge Honden", "Movie", []),
        ])
        #expect(bits(lexicon, "hugo") == 1)
        #expect(bits(lexicon, "de") == 1, "'De' is capitalized in the alias 'De Jonge'")
        let personAndOther: UInt8 = 1 | 8
        let wholePlace: UInt8 = 4 | 4 << 4
        #expect(bits(lexicon, "jonge") == personAndOther, "a person's word and a word of another kind of name")
        #expect(bits(lexicon, "utrecht") == wholePlace, "a whole one-word place")
        #expect(bits(lexicon, "ministerie") == 2)
        #expect(bits(lexicon, "van") == nil, "lower-case words are no members")
        #expect(bits(lexicon, "financiën") == 2)
        #expect(bits(lexicon, "émile") == 1, "a capital outside ASCII")
        #expect(bits(lexicon, "honden") == 8)
    }

    @Test func coarseTypesComeFromTheLastSegmentOfTheClass() {
        #expect(NamedEntityLexicon.coarseType(of: [.schema("Person")]) == 0)
        #expect(NamedEntityLexicon.coarseType(of: [.schema("Thing"), .schema("PoliticalParty")]) == 1)
        #expect(NamedEntityLexicon.coarseType(of: [.schema("AdministrativeArea")]) == 2)
        #expect(NamedEntityLexicon.coarseType(of: [.schema("Legislation")]) == 3)
        #expect(NamedEntityLexicon.coarseType(of: [IRI("https://example.org/vocab/PersonalData")]) == 3)
        #expect(NamedEntityLexicon.coarseType(of: []) == 3)
    }
}

@Suite struct NamedEntityTrainerSeedsTests {
    @Test func averagedRunsGiveTheMeanOfTheirWeights() {
        let tags = NamedEntityTags(types: ["PER"])
        let width = tags.count
        func run(_ value: Float) -> NamedEntityTrainer.Run {
            NamedEntityTrainer.Run(
                weights: [Float](repeating: value, count: (1 << 8) * width),
                transitions: [Float](repeating: value, count: (width + 1) * width), epoch: 1)
        }
        let model = NamedEntityTrainer.model(averaging: [run(1), run(3)], tags: tags, hashBits: 8, provenance: "")
        #expect(model.transitions.allSatisfy { $0 == 2 })
        #expect((0..<width).allSatisfy { model.weights.weight(row: 5, tag: $0) == 2 })
    }

    @Test func severalSeedsStillLearnTheToyPatternAndAreDeterministic() {
        var trainer = NamedEntityTrainer()
        trainer.hashBits = 12
        trainer.epochs = 3
        trainer.seeds = 3
        let model = trainer.train(ToyNames.training, development: ToyNames.test)
        #expect(model.score(ToyNames.test, lexicon: NamedEntityLexicon()).total.f1 >= 0.99)
        #expect(trainer.train(ToyNames.training, development: ToyNames.test).serialized() == model.serialized())
        trainer.seeds = 1
        #expect(trainer.train(ToyNames.training, development: ToyNames.test).serialized() != model.serialized())
    }
}

@Suite struct NamedEntityWordTableTests {
    @Test func wordsKeepTheUnionOfTheirBitsAcrossGrowth() {
        var table = NamedEntityWordTable()
        #expect(table.isEmpty && table[42] == nil)
        for key in 0..<UInt64(1000) { table.insert(key &* 0x1000_0000_0000_0001, bits: UInt8(key % 7)) }
        table.insert(0, bits: 0x80)
        table.insert(5 &* 0x1000_0000_0000_0001, bits: 0x40)
        #expect(table.count == 1000)
        #expect(table[0] == 0x80, "the key 0 is a key like any other")
        let both: UInt8 = 0x40 | 5
        #expect(table[5 &* 0x1000_0000_0000_0001] == both)
        #expect(table[999 &* 0x1000_0000_0000_0001] == UInt8(999 % 7))
        #expect(table[1000 &* 0x1000_0000_0000_0001] == nil)
    }
}

@Suite struct NamedEntityDecoderTests {
    @Test func addingARowAsVectorsGivesTheScoresOneByOneGives() {
        for count in [1, 5, 8, 17, 21] {
            let codes: [Int8] = (0..<count).map { Int8(truncatingIfNeeded: $0 * 37 - 100) }
            let scale: Float = 0.0123
            var expected: [Float] = (0..<count).map { Float($0) / 3 }
            var vectored = expected
            for l in 0..<count { expected[l] += scale * Float(codes[l]) }
            codes.withUnsafeBytes { row in
                vectored.withUnsafeMutableBytes {
                    NamedEntityModel.Decoder.add(row: row.baseAddress!, scale: scale, count: count, to: $0.baseAddress!)
                }
            }
            #expect(vectored == expected, "\(count) tags")
        }
    }
}
