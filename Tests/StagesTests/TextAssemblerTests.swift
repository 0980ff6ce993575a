import Pipeline
import Stages
import Testing

@testable import TextGraphInput

/// ``TextAssembler`` collapses the white space of XML text: these tests hold its eight-bytes-at-a-
/// time path to the byte-by-byte rule.
@Suite struct TextAssemblerTests {
    /// The rule, byte by byte: runs of white space become one space; a block has none at either end.
    func collapsed(_ pieces: [String]) -> String {
        // Pieces are glued where neither side has white space ("ab" + "cd" is "abcd"). Bytes, not
        // characters: "\r\n" is one Character.
        var text: [UInt8] = []
        var pendingSpace = false
        for piece in pieces {
            for byte in piece.utf8 {
                if [0x20, 0x0A, 0x09, 0x0D].contains(byte) {
                    pendingSpace = !text.isEmpty
                } else {
                    if pendingSpace { text.append(0x20) }
                    pendingSpace = false
                    text.append(byte)
                }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    func assembled(_ pieces: [String]) -> String {
        var assembler = TextAssembler()
        assembler.beginBlock(kind: .paragraph, origin: nil)
        for piece in pieces { assembler.append(Array(piece.utf8)) }
        assembler.endBlock()
        return assembler.text
    }

    @Test func whiteSpaceCollapsesWhereverItFalls() {
        let samples: [[String]] = [
            ["Kent u het bericht dat Nuctech scanners levert?"],
            ["  \n    Kent u  het\tbericht\n\n   dat   Nuctech  ", "scanners levert?  "],
            ["abcdefgh ijklmnop  qrstuvwx\nyz"],
            ["België en  China\u{01}controle", " ", "x"],
            ["1234567 ", " 89", "abcdefg ", "h"],
        ]
        for pieces in samples {
            #expect(assembled(pieces) == collapsed(pieces), "\(pieces)")
        }
    }

    @Test func randomTextCollapsesAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "b", "é", " ", " ", "\n", "\t", "\r", "x", "\u{01}"]
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(assembled([text]) == collapsed([text]), "\(Array(text.utf8))")
        }
    }

    @Test func plainRunsAreTheWordsWithoutDoubleSpacesOrControls() {
        func plain(_ bytes: [UInt8]) -> Bool {
            guard !bytes.contains(where: { $0 < 0x20 }), bytes.last != 0x20 else { return false }
            return !zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
        }
        var generator = SystemRandomNumberGenerator()
        let choices: [UInt8] = [0x61, 0x20, 0x0A, 0x09, 0x1F, 0x21, 0xC3, 0xA9, 0x7F, 0xFF, 0x00]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in choices.randomElement(using: &generator)! }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(TextAssembler.isPlainRun(word) == plain(bytes), "\(bytes)")
        }
    }
}
