import FuzzSupport
import Pipeline
import Stages

// Decodes the input as a text file (``TextDecoder``, then the ``TextReader`` stage), with and
// without the Windows-1252 fallback, and checks the result against what the bytes are:
// - UTF-8 (after an optional byte-order mark) without NUL and not blank decodes, to the same
//   bytes with `\r\n` and `\r` turned into `\n`; with the fallback it decodes the same;
// - bytes that are not UTF-8 fail as invalid encoding, naming the first bad byte (the bytes
//   before it are valid UTF-8), and with the fallback decode byte for byte as Windows-1252
//   (one scalar per byte, line ends normalized) or fail naming a byte Windows-1252 leaves out;
// - no decoded text holds `\r` or NUL;
// - the reader's document has the decoded text and paragraphs inside it, on scalar boundaries.

@_cdecl("TextDecoderFuzzer_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzEntry.run(argc, argv, testOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzEntry.bytes(data, size)
    let strict = Result { try TextDecoder.decode(bytes) }
    let lenient = Result { try TextDecoder.decode(bytes, windows1252Fallback: true) }
    check(bytes, strict: strict, lenient: lenient)
    for fallback in [false, true] {
        let reader = TextReader(windows1252Fallback: fallback)
        let read = StageRun.outputs(of: reader, for: SourceDocument(id: "fuzz.txt", content: .bytes(bytes)))
        let decoded = fallback ? lenient : strict
        switch (read, decoded) {
        case (.success(let documents), .success(let result)):
            Invariant.check(documents.count == 1, "the reader made \(documents.count) documents")
            Invariant.check(documents[0].text == result.text, "the reader's text differs from the decoder's")
            LayerChecks.checkDocument(documents[0])
        case (.failure, .failure): break
        case (.success, .failure(let error)):
            Invariant.check(false, "the reader read what the decoder refused: \(error)")
        case (.failure(let error), .success):
            Invariant.check(false, "the reader refused what the decoder read: \(error)")
        }
    }
    return 0
}

func check(
    _ bytes: [UInt8], strict: Result<(text: String, encoding: String), any Error>,
    lenient: Result<(text: String, encoding: String), any Error>
) {
    for case .success(let result) in [strict, lenient] {
        Invariant.check(!result.text.utf8.contains(0x0D), "decoded text holds a carriage return")
        Invariant.check(!result.text.utf8.contains(0), "decoded text holds NUL")
        Invariant.check(
            result.text.utf8.contains { ![0x20, 0x0A, 0x09, 0x0C, 0x0B].contains($0) }, "decoded text is blank")
    }
    let isUTF16 = bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
    if isUTF16 {
        // Decoded as UTF-16 whatever the fallback.
        switch (strict, lenient) {
        case (.success(let a), .success(let b)): Invariant.check(a == b, "UTF-16 decodes differently with the fallback")
        case (.failure, .failure): break
        default: Invariant.check(false, "UTF-16 succeeds with one fallback setting only")
        }
        if case .success(let result) = strict {
            Invariant.check(result.encoding == "UTF-16", "UTF-16 read as \(result.encoding)")
        }
        return
    }
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let body = Array(bytes[(hasBOM ? 3 : 0)...])
    let normalized = normalizeLineEnds(body)
    if String(validating: body, as: UTF8.self) != nil {
        let blank = normalized.allSatisfy { [0x20, 0x0A, 0x09, 0x0D, 0x0C, 0x0B].contains($0) }
        if body.contains(0) || blank {
            if case .success = strict { Invariant.check(false, "NUL or blank text decoded") }
            if case .success = lenient { Invariant.check(false, "NUL or blank text decoded with the fallback") }
            return
        }
        guard case .success(let result) = strict else {
            Invariant.check(false, "valid UTF-8 refused: \(strict)")
            return
        }
        Invariant.check(Array(result.text.utf8) == normalized, "valid UTF-8 decoded to other bytes")
        Invariant.check(
            result.encoding == (hasBOM ? "UTF-8 with byte-order mark" : "UTF-8"), "encoding named \(result.encoding)")
        guard case .success(let other) = lenient else {
            Invariant.check(false, "valid UTF-8 refused with the fallback")
            return
        }
        Invariant.check(other == result, "valid UTF-8 decodes differently with the fallback")
        return
    }
    // Not UTF-8.
    if body.contains(0) {
        return  // a NUL is refused first, or after the bad byte: either error is right
    }
    switch strict {
    case .success: Invariant.check(false, "invalid UTF-8 decoded without the fallback")
    case .failure(let error):
        guard let stageError = error as? StageError else {
            Invariant.check(false, "not a StageError: \(error)")
            return
        }
        Invariant.check(stageError.code == .invalidEncoding, "invalid UTF-8 failed as \(stageError.code)")
        // "invalid UTF-8 at byte N (0xXX); …": the bytes before N are valid UTF-8, and N is in range.
        let message = stageError.message
        if let range = message.firstRange(of: "at byte "),
            let offset = Int(message[range.upperBound...].prefix(while: \.isNumber))
        {
            Invariant.check(offset >= (hasBOM ? 3 : 0) && offset < bytes.count, "bad byte \(offset) out of range")
            let before = Array(bytes[(hasBOM ? 3 : 0)..<offset])
            Invariant.check(
                String(validating: before, as: UTF8.self) != nil,
                "the bytes before the named bad byte \(offset) are not valid UTF-8")
            let suffix = Array(bytes[offset...])
            Invariant.check(
                String(validating: suffix, as: UTF8.self) == nil, "the named bad byte \(offset) starts valid UTF-8")
        } else {
            Invariant.check(false, "the error names no byte: \(message)")
        }
    }
    let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    switch lenient {
    case .success(let result):
        Invariant.check(!body.contains { undefined.contains($0) }, "a byte Windows-1252 leaves undefined was decoded")
        Invariant.check(result.encoding.hasPrefix("Windows-1252"), "fallback named \(result.encoding)")
        // One scalar per byte of the normalized body, ASCII unchanged, Latin-1 above 0x9F.
        let scalars = Array(result.text.unicodeScalars)
        Invariant.check(
            scalars.count == normalized.count,
            "Windows-1252 gave \(scalars.count) scalars for \(normalized.count) bytes")
        for (scalar, byte) in zip(scalars, normalized) where byte < 0x80 || byte >= 0xA0 {
            Invariant.check(
                scalar.value == UInt32(byte),
                "Windows-1252 byte 0x\(String(byte, radix: 16)) decoded as U+\(String(scalar.value, radix: 16))")
        }
    case .failure(let error):
        Invariant.check(
            body.contains { undefined.contains($0) }, "the fallback refused bytes Windows-1252 defines: \(error)")
    }
}

/// `\r\n` and `\r` as `\n`.
func normalizeLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x0D {
            out.append(0x0A)
            if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        } else {
            out.append(bytes[i])
        }
        i += 1
    }
    return out
}
