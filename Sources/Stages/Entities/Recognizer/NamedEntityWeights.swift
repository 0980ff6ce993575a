/// The feature weights of a ``NamedEntityModel``, quantized as its file stores them: for each
/// feature row, a `Float` scale and one signed byte per tag (weight = scale × byte).
///
/// A row is its scale and its bytes side by side, padded to a multiple of four bytes: 24 bytes
/// for 17 tags instead of 68 as `Float`s. A model of 2^18 rows then holds 6 MB instead of
/// 18 MB, loads by copying bytes, and the decoder's random reads of rows (one per feature of
/// every token) touch one cache line, seldom two. A row whose weights are all zero has scale
/// 0, and the decoder skips it.
///
/// ```
///  row r:  [ scale (Float32) ][ code 0 ][ code 1 ] … [ code T-1 ][ padding ]
///          ╰──────────────────────────── stride ─────────────────────────────╯
/// ```
struct NamedEntityWeights: Sendable, Equatable {
    /// The number of weights in a row: one per tag.
    let width: Int
    /// The bytes of a row: its scale, its codes and padding.
    let stride: Int
    /// The number of rows.
    let rows: Int
    /// The rows, `stride` bytes each.
    private(set) var table: [UInt8]

    /// Rows of zeros.
    init(rows: Int, width: Int) {
        precondition(rows >= 0 && width > 0)
        self.width = width
        self.rows = rows
        stride = (4 + width + 3) / 4 * 4
        table = [UInt8](repeating: 0, count: rows * stride)
    }

    /// `Float` weights (`width` per row) quantized: each row's largest weight in absolute value
    /// becomes ±127.
    init(quantizing weights: [Float], width: Int) {
        precondition(width > 0 && weights.count % width == 0)
        self.init(rows: weights.count / width, width: width)
        var codes = [Int8](repeating: 0, count: width)
        for row in 0..<rows {
            let base = row * width
            var largest: Float = 0
            for l in 0..<width { largest = max(largest, abs(weights[base + l])) }
            let scale = largest / 127
            guard scale > 0 else { continue }
            for l in 0..<width { codes[l] = Int8((weights[base + l] / scale).rounded()) }
            set(row: row, scale: scale, codes: codes)
        }
    }

    /// The scale of a row; 0 for a row of zeros.
    func scale(ofRow row: Int) -> Float {
        table.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: row * stride, as: Float.self) }
    }

    /// One weight.
    func weight(row: Int, tag: Int) -> Float {
        scale(ofRow: row) * Float(Int8(bitPattern: table[row * stride + 4 + tag]))
    }

    /// The codes of a row.
    func codes(ofRow row: Int) -> ArraySlice<UInt8> { table[(row * stride + 4)..<(row * stride + 4 + width)] }

    /// Sets a row: its scale and `width` codes.
    mutating func set(row: Int, scale: Float, codes: some Collection<Int8>) {
        precondition(codes.count == width && row >= 0 && row < rows)
        let base = row * stride
        table.withUnsafeMutableBytes { table in
            table.storeBytes(of: scale, toByteOffset: base, as: Float.self)
            for (l, code) in codes.enumerated() { table[base + 4 + l] = UInt8(bitPattern: code) }
        }
    }

    /// Sets the rows of a model file's records, each a little-endian `UInt32` row number, a
    /// `Float` scale and `width` codes, after `check` has accepted the row and its scale (one
    /// pass over the bytes, with the table opened once).
    mutating func set(records bytes: UnsafeRawBufferPointer, check: (_ row: Int, _ scale: Float) throws -> Void)
        rethrows
    {
        let record = 8 + width
        precondition(bytes.count % record == 0)
        try table.withUnsafeMutableBytes { table in
            for offset in Swift.stride(from: 0, to: bytes.count, by: record) {
                let row = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                let scale = Float(
                    bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
                try check(row, scale)
                precondition(row >= 0 && row < rows)
                let base = row * stride
                table.storeBytes(of: scale, toByteOffset: base, as: Float.self)
                UnsafeMutableRawBufferPointer(rebasing: table[(base + 4)..<(base + 4 + width)]).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[(offset + 8)..<(offset + record)]))
            }
        }
    }

    /// Checks the layout: a row of `stride` bytes each, and no codes in a row of scale 0.
    func _checkInvariants() {
        precondition(stride >= 4 + width && stride % 4 == 0 && table.count == rows * stride, "rows of stride bytes")
        for row in 0..<rows where scale(ofRow: row) == 0 {
            precondition(codes(ofRow: row).allSatisfy { $0 == 0 }, "row \(row) has codes but no scale")
        }
    }
}
