public import Foundation
import Pipeline
import TextGraphSupport

/// The bundled gazetteer compiled: its entries and the matcher's index in one binary file, so a
/// run loads in milliseconds what takes most of a second to parse and index from the TSV files.
///
/// `textgraph gazetteer compile` (run by `scripts/build-gazetteers.sh`) writes
/// `Resources/Gazetteer/bundled.gazetteer`. ``Gazetteer/bundled()`` uses it only when it was
/// compiled from exactly the TSV files beside it (a hash of their names and bytes is stored in
/// it); otherwise, after a hand edit without a compile, it parses the TSV files as before. So the
/// TSV files stay the source of truth, and the compiled file can only make loading faster.
///
/// Layout (little-endian): the magic `TGGAZ` and a format version (`UInt32`), the source hash
/// (`UInt64`), the table of distinct strings, the entries as numbers into it (``StringTable``),
/// then the index's arrays. A string is its UTF-8 length (`UInt32`) and bytes; a list is its
/// count (`UInt32`) and elements; an array of numbers is its count and the raw little-endian
/// values. A file with another magic or version, or cut short, is an error
/// naming the file.
public enum CompiledGazetteer {
    /// The format's version; a file of another version is refused.
    public static let version: UInt32 = 2
    static let magic = Array("TGGAZ".utf8)
    /// The file name in a gazetteer resource folder.
    public static let fileName = "bundled.gazetteer"

    /// The hash that ties a compiled file to its sources: FNV-1a (64 bits) over each file's name
    /// and bytes, in load order.
    public static func sourceHash(_ files: [(name: String, data: Data)]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        for file in files {
            var name = file.name + "\n"
            name.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
            file.data.withUnsafeBytes(mix)
        }
        return hash
    }

    /// The compiled form of a gazetteer with its matcher's index.
    public static func data(of gazetteer: Gazetteer, matcher: GazetteerMatcher, sourceHash: UInt64) -> Data {
        // Every string once, in a table the entries point into: sources, types and languages
        // repeat thousands of times, and a string read once is shared by every entry that has it.
        var table = StringTable()
        let entries = gazetteer.entries.map { table.references(of: $0) }
        var writer = BinaryWriter()
        writer.bytes(magic)
        writer.integer(version)
        writer.integer(sourceHash)
        writer.strings(table.strings)
        writer.integer(UInt32(entries.count))
        for entry in entries { writer.array(entry) }
        writer.index(matcher.index)
        return writer.data
    }

    /// The gazetteer in compiled data, with its index, or `nil` when the data was compiled from
    /// other sources than `expectedHash` says.
    /// - Throws: ``StageError`` naming `source` when the data is not a compiled gazetteer of this
    ///   version, or is damaged.
    public static func gazetteer(from data: Data, expectedHash: UInt64, source: String) throws -> Gazetteer? {
        try data.withUnsafeBytes { raw in
            var reader = BinaryReader(bytes: raw, source: source)
            guard try reader.bytes(magic.count) == magic else {
                throw StageError(.invalidData, "\(source): not a compiled gazetteer (no TGGAZ header)")
            }
            let found = try reader.integer(UInt32.self)
            guard found == version else {
                throw StageError(
                    .invalidData,
                    "\(source): compiled gazetteer format \(found), this TextGraph reads \(version); run textgraph gazetteer compile"
                )
            }
            guard try reader.integer(UInt64.self) == expectedHash else { return nil }
            let strings = try reader.strings()
            let count = try reader.count()
            var entries: [GazetteerEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count { entries.append(try reader.entry(strings)) }
            let index = try reader.index()
            guard reader.isAtEnd else {
                throw StageError(.invalidData, "\(source): bytes left after the compiled gazetteer")
            }
            var gazetteer = Gazetteer(entries)
            gazetteer.compiledIndex = index
            return gazetteer
        }
    }
}

/// The distinct strings of a gazetteer's entries, and each entry as numbers pointing at them.
///
/// An entry is: its IRI, then for each of types, labels (form and language, two numbers each),
/// aliases, adjectives, same-as, member-of, pages, identifiers and sources, a count and that
/// many string numbers.
struct StringTable {
    var strings: [String] = []
    private var numbers: [String: UInt32] = [:]

    mutating func number(_ string: String) -> UInt32 {
        if let number = numbers[string] { return number }
        let number = UInt32(strings.count)
        strings.append(string)
        numbers[string] = number
        return number
    }

    mutating func references(of entry: GazetteerEntry) -> [UInt32] {
        var out = [number(entry.iri.value)]
        func list(_ values: [String]) {
            out.append(UInt32(values.count))
            for value in values { out.append(number(value)) }
        }
        list(entry.types.map(\.value))
        out.append(UInt32(entry.labels.count))
        for label in entry.labels { out += [number(label.lexicalForm), number(label.language ?? "")] }
        list(entry.aliases)
        list(entry.adjectives)
        list(entry.sameAs.map(\.value))
        list(entry.memberOf.map(\.value))
        list(entry.pages)
        list(entry.identifiers)
        list(entry.sources.map(\.value))
        return out
    }
}

/// Writes the compiled format.
struct BinaryWriter {
    var data = Data()

    mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(UInt32(utf8.count))
            data.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        integer(UInt32(values.count))
        for value in values { string(value) }
    }

    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        integer(UInt32(values.count))
        for value in values { integer(value) }
    }

    mutating func index(_ index: GazetteerMatcher.Index) {
        array(index.vocabularyBytes)
        array(index.vocabularyStart)
        array(index.vocabularySlots)
        integer(Int64(index.vocabularyMask))
        array(index.vocabularyFilter)
        integer(index.vocabularyFilterShift)
        array(index.edgeKeys)
        array(index.edgeChildren)
        integer(Int64(index.edgeMask))
        array(index.rootChildren)
        array(index.aliasStart)
        array(index.aliases.map(\.entry))
        array(index.aliases.map(\.firstToken))
        array(index.aliases.map(\.tokenCount))
        array(index.aliases.map { UInt8($0.isAdjective ? 1 : 0) | ($0.hasExactRule ? 2 : 0) })
        array(index.tokenRules.map(\.rawValue))
        array(index.tokenSurfaceStart)
        array(index.tokenSurfaceEnd)
        array(index.surfaceBytes)
    }
}

/// Reads the compiled format, every read checked against the end of the data.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    let source: String
    var offset = 0

    init(bytes: UnsafeRawBufferPointer, source: String) {
        self.bytes = bytes
        self.source = source
    }

    var isAtEnd: Bool { offset == bytes.count }

    func damaged() -> StageError {
        StageError(
            .invalidData,
            "\(source): the compiled gazetteer is cut short or damaged at byte \(offset); run textgraph gazetteer compile"
        )
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count else { throw damaged() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw damaged() }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    mutating func count() throws -> Int {
        let count = Int(try integer(UInt32.self))
        guard count <= bytes.count - offset else { throw damaged() }
        return count
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func array<T: FixedWidthInteger>(_ type: T.Type) throws -> [T] {
        let count = try count()
        let size = MemoryLayout<T>.size
        guard count <= (bytes.count - offset) / size else { throw damaged() }
        let start = offset
        offset += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // The file is little-endian, as nearly every host: one copy of the bytes, then swapped only on a big-endian one.
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count * size)]))
            if 1.littleEndian != 1 {
                for k in 0..<count { buffer[k] = T(littleEndian: buffer[k]) }
            }
            initialized = count
        }
    }

    /// An entry as ``StringTable`` writes it, read in place: its numbers are checked against the
    /// entry's own count and the string table as they are read, with no array of them made first
    /// (a run loads some 23,000 entries at start-up).
    mutating func entry(_ strings: [String]) throws -> GazetteerEntry {
        let total = try count()
        guard total <= (bytes.count - offset) / 4 else { throw damaged() }
        let end = offset + total * 4
        var cursor = offset
        func next() throws -> Int {
            guard cursor < end else { throw damaged() }
            defer { cursor += 4 }
            return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)))
        }
        func string() throws -> String {
            let number = try next()
            guard number < strings.count else { throw damaged() }
            return strings[number]
        }
        func list<T>(_ make: (String) -> T) throws -> [T] {
            let count = try next()
            guard count <= (end - cursor) / 4 else { throw damaged() }
            guard count > 0 else { return [] }
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(make(try string())) }
            return values
        }
        let iri = IRI(try string())
        let types = try list { IRI($0) }
        let labelCount = try next()
        guard labelCount <= (end - cursor) / 8 else { throw damaged() }
        var labels: [Literal] = []
        labels.reserveCapacity(labelCount)
        for _ in 0..<labelCount {
            let form = try string()
            let language = try string()
            labels.append(language.isEmpty ? Literal(form) : Literal(form, language: language))
        }
        let entry = GazetteerEntry(
            iri: iri, types: types, labels: labels, aliases: try list { $0 }, adjectives: try list { $0 },
            sameAs: try list { IRI($0) }, memberOf: try list { IRI($0) }, pages: try list { $0 },
            identifiers: try list { $0 }, sources: try list { IRI($0) }
        )
        guard cursor == end else { throw damaged() }
        offset = end
        return entry
    }

    mutating func index() throws -> GazetteerMatcher.Index {
        let vocabularyBytes = try array(UInt8.self)
        let vocabularyStart = try array(Int32.self)
        let vocabularySlots = try array(UInt64.self)
        let vocabularyMask = Int(try integer(Int64.self))
        let vocabularyFilter = try array(UInt64.self)
        let vocabularyFilterShift = try integer(UInt64.self)
        let edgeKeys = try array(UInt64.self)
        let edgeChildren = try array(Int32.self)
        let edgeMask = Int(try integer(Int64.self))
        let rootChildren = try array(Int32.self)
        let aliasStart = try array(Int32.self)
        let entries = try array(Int32.self)
        let firstTokens = try array(Int32.self)
        let tokenCounts = try array(Int32.self)
        let flags = try array(UInt8.self)
        guard firstTokens.count == entries.count, tokenCounts.count == entries.count, flags.count == entries.count
        else { throw damaged() }
        let aliases = entries.indices.map {
            GazetteerMatcher.Alias(
                entry: entries[$0], firstToken: firstTokens[$0], tokenCount: tokenCounts[$0],
                isAdjective: flags[$0] & 1 != 0,
                hasExactRule: flags[$0] & 2 != 0
            )
        }
        let rules = try array(UInt8.self).map { GazetteerMatcher.CaseRule(rawValue: $0) ?? .any }
        let index = GazetteerMatcher.Index(
            vocabularyBytes: vocabularyBytes, vocabularyStart: vocabularyStart, vocabularySlots: vocabularySlots,
            vocabularyMask: vocabularyMask, vocabularyFilter: vocabularyFilter,
            vocabularyFilterShift: vocabularyFilterShift,
            edgeKeys: edgeKeys, edgeChildren: edgeChildren, edgeMask: edgeMask, rootChildren: rootChildren,
            aliasStart: aliasStart, aliases: aliases, tokenRules: rules, tokenSurfaceStart: try array(Int32.self),
            tokenSurfaceEnd: try array(Int32.self), surfaceBytes: try array(UInt8.self)
        )
        // The tables' sizes must agree, or a lookup would read out of bounds.
        guard vocabularyMask + 1 == vocabularySlots.count, edgeMask + 1 == edgeKeys.count,
            edgeChildren.count == edgeKeys.count,
            vocabularyStart.count == rootChildren.count + 1, index.tokenSurfaceStart.count == rules.count,
            index.tokenSurfaceEnd.count == rules.count, !aliasStart.isEmpty
        else { throw damaged() }
        return index
    }
}
