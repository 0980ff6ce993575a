/// The classes of Unicode scalars the tokenizer distinguishes.
enum CharacterClass: UInt8 {
    case space, newline, upper, lower, otherLetter, digit, hyphen, apostrophe, period, punctuation, symbol

    var isLetter: Bool { self == .upper || self == .lower || self == .otherLetter }
    var isAlphanumeric: Bool { isLetter || self == .digit }

    /// The class of a scalar. ASCII and Latin-1 letters, the most frequent scalars in Dutch text,
    /// are classified without a Unicode property lookup.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
        let v = scalar.value
        if v < 0x80 { return ofASCII(UInt8(truncatingIfNeeded: v)) }
        return ofNonASCII(scalar)
    }

    /// The class of an ASCII byte.
    @inline(__always)
    static func ofASCII(_ v: UInt8) -> CharacterClass {
        switch v {
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x20, 0x09: return .space
        case 0x30...0x39: return .digit
        case 0x2E: return .period
        case 0x0A, 0x0B, 0x0C, 0x0D: return .newline
        case 0x2D: return .hyphen
        case 0x27: return .apostrophe
        case 0x00..<0x20, 0x7F: return .space
        case 0x24, 0x25, 0x26, 0x2B, 0x3C, 0x3D, 0x3E, 0x40, 0x5E, 0x60, 0x7C, 0x7E, 0x2A, 0x23, 0x5C: return .symbol
        default: return .punctuation
        }
    }

    private static func ofNonASCII(_ scalar: Unicode.Scalar) -> CharacterClass {
        let v = scalar.value
        switch v {
        case 0xC0...0xD6, 0xD8...0xDE: return .upper  // À…Ö, Ø…Þ
        case 0xDF...0xF6, 0xF8...0xFF: return .lower  // ß…ö, ø…ÿ
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x200B...0x200D, 0x2060: return .space  // zero-width characters separate nothing visible
        case 0xAD, 0x2010, 0x2011: return .hyphen  // soft hyphen, hyphen, non-breaking hyphen
        case 0x2019, 0x2018: return .apostrophe
        case 0x2026: return .punctuation  // … counts as terminal punctuation in the splitter
        case 0x2012...0x2015, 0x201C...0x201F, 0xAB, 0xBB, 0x2039, 0x203A: return .punctuation  // dashes, quotes
        default: break
        }
        let properties = scalar.properties
        if properties.isAlphabetic {
            if properties.isUppercase { return .upper }
            if properties.isLowercase { return .lower }
            return .otherLetter
        }
        if properties.numericType == .decimal { return .digit }
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .otherLetter
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return .symbol
        default: return .punctuation
        }
    }
}

/// Decodes scalars from UTF-8 bytes known to be valid (a Swift string's storage).
struct ScalarCursor {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The scalar at `offset` and its length in bytes.
    @inline(__always)
    func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        if b0 < 0xE0 {
            let v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
            return (Unicode.Scalar(v)!, 2)
        }
        if b0 < 0xF0 {
            let v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            return (Unicode.Scalar(v)!, 3)
        }
        let v =
            UInt32(b0 & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }

    /// The class of the scalar at `offset` and its length; `.space` past the end.
    @inline(__always)
    func classAt(_ offset: Int) -> (CharacterClass, Int) {
        guard offset >= 0 && offset < bytes.count else { return (.space, 1) }
        let b0 = bytes[offset]
        if b0 < 0x80 { return (CharacterClass.ofASCII(b0), 1) }
        let (scalar, length) = scalar(at: offset)
        return (CharacterClass.of(scalar), length)
    }

    /// The start offset of the scalar that ends just before `offset`.
    func previousStart(_ offset: Int) -> Int {
        var i = offset - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}
