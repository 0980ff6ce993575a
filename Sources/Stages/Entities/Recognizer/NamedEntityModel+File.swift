package import Foundation
import TextGraphSupport

/// The model file: a compact binary layout, version 1, all numbers little-endian.
///
/// ```
/// offset  size  field
///      0     8  magic "TGNER\0\r\n"
///      8     4  UInt32 format version (1)
///     12     4  UInt32 hash bits B (the model has 2^B feature rows)
///     16     4  UInt32 features per token (must equal the reader's NamedEntityFeatures.count)
///     20     4  Float32 temperature
///     24     4  UInt32 type count T, then T × (UInt8 length, UTF-8 name)
///      …     4  UInt32 provenance length, then the provenance (UTF-8)
///      …     4  UInt32 cluster count K, then K × (UInt8 length, UTF-8 word, UInt32 cluster), by word
///      …        (T·4+2)·(T·4+1) × Float32 transitions (a row per previous tag, the last for the start)
///      …     4  UInt32 row count R, then R × (UInt32 row index, Float32 scale, T·4+1 × Int8 weight)
///      …     8  UInt64 FNV-1a hash of every byte before it
/// ```
///
/// Feature rows whose weights are all zero are left out; the others are quantized to eight bits
/// with a scale per row (weight = scale × Int8), which keeps a model a few megabytes.
extension NamedEntityModel {
    static let magic: [UInt8] = Array("TGNER\0\r\n".utf8)
    /// The version of the layout this reader and writer speak.
    public static let formatVersion: UInt32 = 1

    /// The model's bytes, as written to its file.
    /// - Parameter minimumWeight: Rows whose largest weight (in absolute value) is below this are
    ///   left out, to make the file smaller.
    public func serialized(minimumWeight: Float = 0) -> [UInt8] {
        var out: [UInt8] = Self.magic
        func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        func put(_ value: Float) { put(value.bitPattern) }
        put(Self.formatVersion)
        put(UInt32(hashBits))
        put(UInt32(NamedEntityFeatures.count))
        put(temperature)
        put(UInt32(tags.types.count))
        for type in tags.types {
            out.append(UInt8(type.utf8.count))
            out += type.utf8
        }
        put(UInt32(provenance.utf8.count))
        out += provenance.utf8
        let words = clusters.filter { $0.key.utf8.count < 256 }.sorted { $0.key < $1.key }
        put(UInt32(words.count))
        for (word, id) in words {
            out.append(UInt8(word.utf8.count))
            out += word.utf8
            put(id)
        }
        for weight in transitions { put(weight) }
        let rowCountOffset = out.count
        put(UInt32(0))
        var rows: UInt32 = 0
        for row in 0..<weights.rows {
            let scale = weights.scale(ofRow: row)
            guard scale > 0, scale * 127 >= minimumWeight else { continue }
            put(UInt32(row))
            put(scale)
            out += weights.codes(ofRow: row)
            rows += 1
        }
        withUnsafeBytes(of: rows.littleEndian) { out.replaceSubrange(rowCountOffset..<(rowCountOffset + 4), with: $0) }
        var hash = NamedEntityHash.bytes(out[...])
        withUnsafeBytes(of: &hash) { out += $0 }
        return out
    }

    /// Writes the model to a file.
    /// - Throws: ``StageError`` (`output`) naming the file.
    public func write(to path: String, minimumWeight: Float = 0) throws {
        let bytes = serialized(minimumWeight: minimumWeight)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw StageError(.output, "\(path): cannot write the model file")
        }
    }

    /// Reads a model from its file.
    /// - Throws: ``StageError`` (`unreadable`, `invalidData`) naming the file and what is wrong
    ///   with it: not a model file, a version this reader does not know, damaged or cut short.
    public static func load(path: String) throws -> NamedEntityModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "\(path): cannot read the model file")
        }
        do {
            return try parse([UInt8](data))
        } catch let error as StageError {
            throw StageError(error.code, "\(path): \(error.message)")
        }
    }

    /// Reads a model from the bytes of its file.
    public static func parse(_ bytes: [UInt8]) throws -> NamedEntityModel {
        func invalid(_ message: String) -> StageError { StageError(.invalidData, message) }
        guard bytes.count >= 36, Array(bytes[0..<8]) == magic else {
            throw invalid("not a TextGraph entity model (no TGNER header)")
        }
        var offset = 8
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard offset + n <= bytes.count - 8 else { throw invalid("the model file is cut short at byte \(offset)") }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }
        func uint32() throws -> UInt32 { try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        func float() throws -> Float { Float(bitPattern: try uint32()) }
        let version = try uint32()
        guard version == formatVersion else {
            throw invalid("model format version \(version), but this TextGraph reads version \(formatVersion)")
        }
        let stored = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard NamedEntityHash.bytes(bytes[..<(bytes.count - 8)]) == stored else {
            throw invalid("the model file is damaged (checksum mismatch)")
        }
        let hashBits = Int(try uint32())
        guard (8...26).contains(hashBits) else { throw invalid("hash bits \(hashBits) out of range") }
        let featureCount = try uint32()
        guard featureCount == NamedEntityFeatures.count else {
            throw invalid(
                "the model has \(featureCount) features per token, this TextGraph makes \(NamedEntityFeatures.count)")
        }
        let temperature = try float()
        let typeCount = Int(try uint32())
        guard (1...32).contains(typeCount) else { throw invalid("\(typeCount) entity types") }
        var types: [String] = []
        for _ in 0..<typeCount {
            let length = Int(try take(1).first!)
            types.append(String(decoding: try take(length), as: UTF8.self))
        }
        let provenance = String(decoding: try take(Int(try uint32())), as: UTF8.self)
        var clusters: [String: UInt32] = [:]
        for _ in 0..<Int(try uint32()) {
            let length = Int(try take(1).first!)
            let word = String(decoding: try take(length), as: UTF8.self)
            clusters[word] = try uint32()
        }
        let tags = NamedEntityTags(types: types)
        let count = tags.count
        var transitions: [Float] = []
        for _ in 0..<((count + 1) * count) { transitions.append(try float()) }
        let rows = Int(try uint32())
        guard rows <= 1 << hashBits, offset + rows * (8 + count) == bytes.count - 8 else {
            throw invalid("the model file's size does not match its \(rows) rows")
        }
        var weights = NamedEntityWeights(rows: 1 << hashBits, width: count)
        try bytes.withUnsafeBytes { bytes in
            try weights.set(records: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + rows * (8 + count))])) {
                row, scale in
                guard row < 1 << hashBits else { throw invalid("row \(row) out of range") }
                guard scale.isFinite, scale > 0 else { throw invalid("row \(row) has scale \(scale)") }
            }
        }
        var model = NamedEntityModel(
            tags: tags, hashBits: hashBits, weights: weights, transitions: transitions, temperature: temperature,
            provenance: provenance)
        model.clusters = clusters
        return model
    }
}

extension NamedEntityModel {
    /// The model bundled with TextGraph (`Resources/Recognizer/default.tgner`), trained only on
    /// data whose licences allow redistribution (see `MODEL.md` beside it). Read once per process.
    public static func bundled() throws -> NamedEntityModel {
        try bundledModel.get()
    }

    /// The bundled model, or `nil` when the resource bundle holds none.
    public static func bundledIfPresent() throws -> NamedEntityModel? {
        guard (try? bundledURL()) != nil else { return nil }
        return try bundled()
    }

    /// The file of the bundled model, in this module's resource bundle.
    package static func bundledURL() throws -> URL {
        try ResourceFile.url("Recognizer/default.tgner", in: .module)
    }

    private static let bundledModel = StageError.loadingOnce("the bundled entity model") {
        try load(path: try bundledURL().path)
    }
}
