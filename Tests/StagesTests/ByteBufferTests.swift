import Pipeline
@testable import Stages
import Testing

/// ``ByteBuffer``'s escapes are ``RDFEncoder``'s, byte for byte, wherever in an IRI or literal
/// the byte that needs one falls (its fast paths look at eight bytes at a time).
@Suite struct ByteBufferTests {
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
    func iriEscapesAreTheEncodersEscapes(_ value: String) {
        var expected: [UInt8] = []
        RDFEncoder().append(IRI(value), to: &expected)
        let buffer = ByteBuffer()
        buffer.append(0x3C)
        buffer.withUTF8(of: value) { buffer.appendEscapedIRI($0) }
        buffer.append(0x3E)
        #expect(Array(buffer.bytes) == expected)
    }

    @Test(arguments: ["", "plain text, long enough for two words of eight", "\"quoted\" at the start", "tab\tand\nline\r\n",
        "backslash \\ and DEL \u{7F} and \u{01}", "België 😀 \"ja\""])
    func literalEscapesAreTheEncodersEscapes(_ value: String) {
        var expected: [UInt8] = []
        RDFEncoder().append(Literal(value), to: &expected)
        let buffer = ByteBuffer()
        buffer.append(0x22)
        buffer.withUTF8(of: value) { buffer.appendEscapedLiteral($0) }
        buffer.append(0x22)
        #expect(Array(buffer.bytes) == expected)
    }
}
