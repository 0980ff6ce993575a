import Foundation
import Pipeline
import Stages
import Testing

@testable import TextGraphOutput

/// ``ByteBuffer``'s escapes (which ``RDFEncoder`` and every writer use) are the ones N-Triples
/// defines, byte for byte, wherever in an IRI or literal the byte that needs one falls (its fast
/// paths look at eight bytes at a time): checked against the escapes written out one byte at a
/// time here.
@Suite struct ByteBufferTests {
    /// `\u00XX` for a byte.
    static func uchar(_ byte: UInt8) -> [UInt8] {
        Array("\\u00".utf8) + Array(String(format: "%02X", byte).utf8)
    }

    /// An IRI as IRIREF writes it, escaping one byte at a time.
    static func expectedIRI(_ value: String) -> [UInt8] {
        var out: [UInt8] = [0x3C]
        for byte in value.utf8 {
            let forbidden: Set<UInt8> = [0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C]
            out += byte <= 0x20 || forbidden.contains(byte) ? uchar(byte) : [byte]
        }
        return out + [0x3E]
    }

    /// A plain literal as N-Triples writes it, escaping one byte at a time.
    static func expectedLiteral(_ value: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in value.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20, 0x7F: out += uchar(byte)
            default: out.append(byte)
            }
        }
        return out + [0x22]
    }

    /// IRIs with a byte that needs an escape at every position of a 20-byte IRI, and some
    /// without any.
    static let iris: [String] = {
        var iris = ["", "a", "https://w3id.org/textgraph/entity/country/china", "https://example.org/één/😀"]
        for special in [" ", "<", ">", "\"", "{", "}", "|", "^", "`", "\\", "\u{01}", "\n"] {
            for position in 0...20 {
                var characters = Array("https://example.org/")
                characters.insert(Character(special), at: position)
                iris.append(String(characters))
            }
        }
        return iris
    }()

    @Test(arguments: iris)
    func iriEscapesAreTheOnesIRIREFNeeds(_ value: String) {
        let expected = Self.expectedIRI(value)
        var encoded: [UInt8] = []
        RDFEncoder().append(IRI(value), to: &encoded)
        #expect(encoded == expected)
        let buffer = ByteBuffer()
        buffer.append(0x3C)
        buffer.withUTF8(of: value) { buffer.appendEscapedIRI($0) }
        buffer.append(0x3E)
        #expect(Array(buffer.bytes) == expected)
    }

    @Test(arguments: [
        "", "plain text, long enough for two words of eight", "\"quoted\" at the start", "tab\tand\nline\r\n",
        "backslash \\ and DEL \u{7F} and \u{01}", "België 😀 \"ja\"",
    ])
    func literalEscapesAreTheOnesNTriplesDefines(_ value: String) {
        let expected = Self.expectedLiteral(value)
        var encoded: [UInt8] = []
        RDFEncoder().append(Literal(value), to: &encoded)
        #expect(encoded == expected)
        let buffer = ByteBuffer()
        buffer.append(0x22)
        buffer.withUTF8(of: value) { buffer.appendEscapedLiteral($0) }
        buffer.append(0x22)
        #expect(Array(buffer.bytes) == expected)
    }
}
