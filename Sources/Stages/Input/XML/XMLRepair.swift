/// Repairs the damage that copied XML files commonly carry, each repair reported as a warning.
///
/// - A damaged byte-order mark before the XML declaration (the three bytes of a UTF-8 BOM read
///   as Windows-1252 and saved again as UTF-8: "ï»¿") is removed, with the white space after it.
/// - Double-encoded UTF-8 ("cliÃ«nten" for "cliënten": UTF-8 read as Windows-1252 and saved as
///   UTF-8 again) is decoded once more, when the whole file decodes cleanly that way.
///
/// Anything else is left for libxml2 to judge, so a file that is really broken still fails with
/// its own reason.
enum XMLRepair {
    /// The repaired bytes and a description of each repair made.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], repairs: [String]) {
        var bytes = bytes
        var repairs: [String] = []
        let damagedMark: [UInt8] = [0xC3, 0xAF, 0xC2, 0xBB, 0xC2, 0xBF]
        if bytes.starts(with: damagedMark) {
            var end = damagedMark.count
            while end < bytes.count, TextDecoder.isASCIIWhitespace(bytes[end]) { end += 1 }
            bytes.removeFirst(end)
            repairs.append("removed a damaged byte-order mark (\(end) bytes) before the XML declaration")
        }
        if let repaired = undoDoubleEncoding(bytes) {
            bytes = repaired
            repairs.append("repaired double-encoded UTF-8 (text was UTF-8 read as Windows-1252 and encoded again)")
        }
        return (bytes, repairs)
    }

    /// The bytes decoded once more, if they are double-encoded UTF-8; `nil` otherwise.
    static func undoDoubleEncoding(_ bytes: [UInt8]) -> [UInt8]? {
        // Only when the tell-tale pairs are there: "Ã" or "Â" followed by a character that UTF-8
        // uses as a continuation byte, or "â€" (the start of a double-encoded quote or dash).
        var suspicious = false
        var i = 0
        while i + 3 < bytes.count {
            if bytes[i] == 0xC3 && (bytes[i + 1] == 0x83 || bytes[i + 1] == 0x82)
                && (bytes[i + 2] == 0xC2 || bytes[i + 2] == 0xE2 || bytes[i + 2] == 0xC5 || bytes[i + 2] == 0xCB)
            {
                suspicious = true
                break
            }
            if bytes[i] == 0xC3 && bytes[i + 1] == 0xA2 && bytes[i + 2] == 0xE2 && bytes[i + 3] == 0x82 {
                suspicious = true
                break
            }
            i += 1
        }
        guard suspicious, TextDecoder.firstInvalidUTF8Offset(bytes[...]) == nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            if v < 0x80 || (v >= 0xA0 && v <= 0xFF) {
                out.append(UInt8(v))
            } else if let byte = windows1252Byte[v] {
                out.append(byte)
            } else if v >= 0x80 && v <= 0x9F {
                out.append(UInt8(v))  // C1 controls: the Windows-1252 holes, passed through by Latin-1 decoders
            } else {
                return nil  // a character Windows-1252 cannot hold: not double-encoded
            }
        }
        guard TextDecoder.firstInvalidUTF8Offset(out[...]) == nil else { return nil }
        return out
    }

    /// Windows-1252's characters in 0x80–0x9F, by Unicode scalar.
    static let windows1252Byte: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
