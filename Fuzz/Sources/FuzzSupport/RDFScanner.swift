/// Reads the terms of N-Triples, N-Quads and the Turtle TextGraph writes, strictly, from UTF-8
/// bytes.
///
/// Strict means what the RDF 1.1 grammars say, and one thing more: an IRI, once its `\u`
/// escapes are resolved, must still be an absolute IRI without the characters IRIs forbid
/// (space, `<>"{}|^` and backquote, backslash, controls). The grammar lets such characters in
/// through escapes, but the result is no IRI, and stores such as Oxigraph refuse it.
struct RDFScanner {
    let bytes: [UInt8]
    var position: Int
    let end: Int
    /// The line reported in errors.
    let line: Int
    /// The offset of the line's first byte, for error columns.
    let lineStart: Int

    init(bytes: [UInt8], from start: Int, to end: Int, line: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
        self.line = line
        self.lineStart = start
    }

    var atEnd: Bool { position >= end }
    var current: UInt8? { position < end ? bytes[position] : nil }

    func error(_ message: String) -> RDFSyntaxError {
        RDFSyntaxError(line: line, column: position - lineStart, message: message)
    }

    /// Skips spaces and tabs; with `newlines`, line feeds and carriage returns too.
    mutating func skipSpace(newlines: Bool = false) {
        while let byte = current, byte == 0x20 || byte == 0x09 || (newlines && (byte == 0x0A || byte == 0x0D)) {
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(RDFSyntaxError) {
        guard current == byte else { throw error("expected \(what)") }
        position += 1
    }

    /// `IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'`, resolved and checked.
    mutating func iriRef() throws(RDFSyntaxError) -> String {
        try expect(0x3C, "'<'")
        // Most IRIs hold no escape: checked and made in one go.
        var close = position
        while close < end, bytes[close] != 0x3E, bytes[close] != 0x5C, bytes[close] > 0x20 { close += 1 }
        if close < end, bytes[close] == 0x3E {
            for byte in bytes[position..<close]
            where byte == 0x3C || byte == 0x22 || byte == 0x7B || byte == 0x7D || byte == 0x7C || byte == 0x5E
                || byte == 0x60
            {
                throw error("byte 0x\(String(byte, radix: 16)) not allowed in an IRI")
            }
            guard let value = String(validating: bytes[position..<close], as: UTF8.self) else {
                throw error("invalid UTF-8 in an IRI")
            }
            position = close + 1
            try Self.checkIRI(value, at: error(""))
            return value
        }
        var scalars = String.UnicodeScalarView()
        while true {
            guard let byte = current else { throw error("IRI without '>'") }
            if byte == 0x3E {
                position += 1
                break
            }
            if byte == 0x5C {
                let value = try uchar()
                scalars.append(value)
                continue
            }
            if byte <= 0x20 || byte == 0x3C || byte == 0x22 || byte == 0x7B || byte == 0x7D || byte == 0x7C
                || byte == 0x5E
                || byte == 0x60
            {
                throw error("byte 0x\(String(byte, radix: 16)) not allowed in an IRI")
            }
            scalars.append(try scalar())
        }
        let value = String(scalars)
        try Self.checkIRI(value, at: error(""))
        return value
    }

    /// An IRI must be absolute and hold no character IRIs forbid, even escaped.
    static func checkIRI(_ value: String, at location: RDFSyntaxError) throws(RDFSyntaxError) {
        var located = location
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v <= 0x20 || v == 0x3C || v == 0x3E || v == 0x22 || v == 0x7B || v == 0x7D || v == 0x7C || v == 0x5E
                || v == 0x60
                || v == 0x5C || (v >= 0x7F && v <= 0x9F)
            {
                located.message = "IRI <\(value)> holds U+\(String(v, radix: 16, uppercase: true)), which IRIs forbid"
                throw located
            }
        }
        // scheme ":" with scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        let utf8 = Array(value.utf8)
        guard let colon = utf8.firstIndex(of: 0x3A), colon > 0, Self.isAlpha(utf8[0]),
            utf8[1..<colon].allSatisfy({
                Self.isAlpha($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
            })
        else {
            located.message = "IRI <\(value)> is not absolute"
            throw located
        }
    }

    static func isAlpha(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }

    /// One UTF-8 encoded scalar (the input was validated as a whole, but a scanner is also used
    /// on parts of it, so this checks again).
    mutating func scalar() throws(RDFSyntaxError) -> Unicode.Scalar {
        let b0 = bytes[position]
        if b0 < 0x80 {
            position += 1
            return Unicode.Scalar(b0)
        }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard position + length <= end,
            let decoded = String(validating: bytes[position..<(position + length)], as: UTF8.self),
            let first = decoded.unicodeScalars.first, decoded.unicodeScalars.count == 1
        else { throw error("invalid UTF-8") }
        position += length
        return first
    }

    /// `UCHAR ::= '\u' HEX{4} | '\U' HEX{8}`, a Unicode scalar value (no surrogate).
    mutating func uchar() throws(RDFSyntaxError) -> Unicode.Scalar {
        try expect(0x5C, "'\\'")
        let digits: Int
        switch current {
        case 0x75: digits = 4
        case 0x55: digits = 8
        default: throw error("only \\u and \\U escapes are allowed here")
        }
        position += 1
        guard position + digits <= end else { throw error("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = Self.hexValue(bytes[position]) else { throw error("not a hex digit in a \\u escape") }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("\\u escape of U+\(String(value, radix: 16)), no scalar value")
        }
        return scalar
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// `BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`, on the
    /// ASCII part of PN_CHARS (TextGraph writes ASCII labels; other characters are refused).
    mutating func blankLabel() throws(RDFSyntaxError) -> String {
        try expect(0x5F, "'_'")
        try expect(0x3A, "':'")
        let start = position
        func isNameByte(_ b: UInt8) -> Bool {
            Self.isAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
        }
        guard let first = current, Self.isAlpha(first) || (first >= 0x30 && first <= 0x39) || first == 0x5F else {
            throw error("blank node label must start with a letter, digit or '_'")
        }
        position += 1
        while let byte = current, isNameByte(byte) || byte == 0x2E { position += 1 }
        // A label cannot end in '.': give a final period back (it ends the statement).
        while bytes[position - 1] == 0x2E { position -= 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'`, resolved.
    mutating func quotedString() throws(RDFSyntaxError) -> String {
        try expect(0x22, "'\"'")
        var scalars = String.UnicodeScalarView()
        while true {
            guard let byte = current else { throw error("literal without closing '\"'") }
            switch byte {
            case 0x22:
                position += 1
                return String(scalars)
            case 0x0A, 0x0D:
                throw error("raw line end in a literal")
            case 0x5C:
                guard position + 1 < end else { throw error("'\\' at the end") }
                let escaped = bytes[position + 1]
                let echar: UInt8? =
                    switch escaped {
                    case 0x74: 0x09
                    case 0x62: 0x08
                    case 0x6E: 0x0A
                    case 0x72: 0x0D
                    case 0x66: 0x0C
                    case 0x22: 0x22
                    case 0x27: 0x27
                    case 0x5C: 0x5C
                    default: nil
                    }
                if let echar {
                    scalars.append(Unicode.Scalar(echar))
                    position += 2
                } else {
                    scalars.append(try uchar())
                }
            default:
                scalars.append(try scalar())
            }
        }
    }

    /// `LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, after the '@'.
    mutating func languageTag() throws(RDFSyntaxError) -> String {
        let start = position
        var part = 0
        var partLength = 0
        while let byte = current {
            if byte == 0x2D {
                guard partLength > 0 else { throw error("empty part in a language tag") }
                part += 1
                partLength = 0
            } else if Self.isAlpha(byte) || (part > 0 && byte >= 0x30 && byte <= 0x39) {
                partLength += 1
            } else {
                break
            }
            position += 1
        }
        guard partLength > 0 else { throw error("invalid language tag") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }
}
