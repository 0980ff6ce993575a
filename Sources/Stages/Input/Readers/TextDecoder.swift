import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a text file into normalized text, or says exactly why it cannot.
///
/// Accepts UTF-8 with or without a byte-order mark and UTF-16 with a byte-order mark. Line ends
/// (`\r\n`, `\r`) become `\n`, so that offsets in the graph count one character per line end
/// on every platform; nothing else is changed (form feeds, the page breaks of text extracted
/// from PDF, stay, and readers treat them as paragraph breaks).
/// Rejects empty files, binary files (a NUL byte) and invalid UTF-8, naming the byte offset.
public enum TextDecoder {
    /// Decodes and normalizes `bytes`.
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - windows1252Fallback: Whether bytes that are not UTF-8 (and have no UTF-16 byte-order
    ///     mark) are decoded as Windows-1252 instead of failing.
    /// - Returns: The text, and the encoding it was read in.
    public static func decode(_ bytes: [UInt8], windows1252Fallback: Bool = false) throws -> (
        text: String, encoding: String
    ) {
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return (try decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF), "UTF-16")
        }
        var start = 0
        var encoding = "UTF-8"
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = 3
            encoding = "UTF-8 with byte-order mark"
        }
        let body = bytes[start...]
        if let nul = firstOffset(of: 0, in: body) {
            throw StageError(.binaryContent, "binary content, not text: NUL byte at byte \(nul)")
        }
        // The string is made, and the bytes validated, in one pass: the standard library checks
        // UTF-8 as it makes a string anyway. Only invalid text is looked at again, for the offset.
        // (Turning `\r` into `\n` changes no byte's validity.)
        let normalized = firstOffset(of: 0x0D, in: body) == nil ? body : normalizeLineEnds(body)[...]
        guard let text = validString(normalized) else {
            let bad = firstInvalidUTF8Offset(body) ?? body.startIndex
            if windows1252Fallback {
                return (
                    try finish(normalizeLineEnds(try windows1252ToUTF8(body)[...])[...]),
                    "Windows-1252 (not valid UTF-8 at byte \(bad))"
                )
            }
            throw StageError(
                .invalidEncoding,
                "invalid UTF-8 at byte \(bad) (0x\(String(bytes[bad], radix: 16, uppercase: true))); "
                    + "convert the file to UTF-8"
            )
        }
        try checkNotBlank(normalized)
        return (text, encoding)
    }

    /// The offset of the first `byte` in `bytes` (memchr), or `nil`.
    static func firstOffset(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            ByteSearch.firstOffset(of: byte, in: buffer, from: 0, to: buffer.count).map { bytes.startIndex + $0 }
        }
    }

    /// Windows-1252 bytes as UTF-8; the five bytes Windows-1252 leaves undefined are an error.
    static func windows1252ToUTF8(_ bytes: ArraySlice<UInt8>) throws -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in zip(bytes.indices, bytes) {
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else if let value = windows1252Scalars[byte], let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                throw StageError(
                    .invalidEncoding,
                    "neither UTF-8 nor Windows-1252: byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset)"
                )
            }
        }
        return Array(String(scalars).utf8)
    }

    private static let windows1252Scalars: [UInt8: UInt32] = Dictionary(
        uniqueKeysWithValues: XMLRepair.windows1252Byte.map { ($0.value, $0.key) }
    )

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) throws -> String {
        guard bytes.count % 2 == 0 else {
            throw StageError(.invalidEncoding, "invalid UTF-16: odd number of bytes (\(bytes.count))")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var index = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    throw StageError(.binaryContent, "binary content, not text: NUL character at code unit \(index)")
                }
                scalars.append(scalar)
                index += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error:
                throw StageError(.invalidEncoding, "invalid UTF-16 (unpaired surrogate) at code unit \(index + 1)")
            }
        }
        return try finish(normalizeLineEnds(Array(String(scalars).utf8)[...])[...])
    }

    private static func finish(_ normalized: ArraySlice<UInt8>) throws -> String {
        try checkNotBlank(normalized)
        return String(decoding: normalized, as: UTF8.self)
    }

    /// The string of `bytes`, or `nil` when they are not valid UTF-8.
    private static func validString(_ bytes: ArraySlice<UInt8>) -> String? {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            return String(validating: bytes, as: UTF8.self)
        }
        return firstInvalidUTF8Offset(bytes) == nil ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Throws ``StageError/Code/emptyDocument`` when the text is empty or only white space.
    private static func checkNotBlank(_ normalized: ArraySlice<UInt8>) throws {
        guard normalized.contains(where: { !isASCIIWhitespace($0) }) else {
            throw StageError(
                .emptyDocument, normalized.isEmpty ? "the document is empty" : "the document holds only white space")
        }
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private static func normalizeLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(0x0D) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(byte)
            }
            i += 1
        }
        return out
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            firstInvalidUTF8Offset(buffer).map { bytes.startIndex + $0 }
        }
    }

    /// The offset of the first byte of `bytes` that is not part of well-formed UTF-8, or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let end = bytes.count
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 {
                // Runs of ASCII, eight bytes at a time.
                i += 1
                while i + 8 <= end, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            let b1 = bytes[i + 1]
            if b1 < low || b1 > high { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
