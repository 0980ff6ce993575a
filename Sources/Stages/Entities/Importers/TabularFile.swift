import Foundation
import TextGraphSupport

/// A tab-separated file with a header row, read as records keyed by column name.
///
/// The open reference data TextGraph imports (BWB, Tweede Kamer open data, TOOI, GeoNames, the
/// mined abbreviations) comes as such files: UTF-8, one record per line, a header naming the
/// columns, no quoting. A missing column reads as the empty string, so an importer states the
/// columns it needs once with ``require(_:)``.
///
/// ```swift
/// let table = try TabularFile(path: "tk_personen.tsv")
/// try table.require(["achternaam", "fractie"])
/// for row in table.rows { print(row["achternaam"]) }
/// ```
public struct TabularFile: Sendable {
    /// One record: its fields by column name.
    public struct Row: Sendable {
        let fields: [String]
        let columns: [String: Int]
        /// The line the record is on (1 is the header).
        public let line: Int

        /// The field of a column, trimmed of surrounding white space; empty when the column or
        /// the field is missing.
        public subscript(_ column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index].trimmingCharacters(in: .whitespaces)
        }
    }

    /// The file's name, for messages.
    public let source: String
    /// The header's column names.
    public let header: [String]
    /// The records, in file order; blank lines are left out.
    public let rows: [Row]

    /// Parses the text of a tab-separated file.
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` when there is no header.
    public init(text: String, source: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else {
            throw StageError(.invalidData, "\(source): empty file, expected a header row")
        }
        var header = first.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if let name = header.first, name.hasPrefix("\u{FEFF}") { header[0] = String(name.dropFirst()) }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        var rows: [Row] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            rows.append(Row(fields: fields, columns: columns, line: offset + 1))
        }
        self.source = source
        self.header = header
        self.rows = rows
    }

    /// Reads a tab-separated file.
    /// - Throws: ``StageError`` naming the file when it cannot be read or has no header.
    public init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
        }
        try self.init(text: text, source: path)
    }

    /// Checks that the header names the given columns.
    /// - Throws: ``StageError`` naming the file and the missing columns.
    public func require(_ names: [String]) throws {
        let missing = names.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw StageError(
                .invalidData,
                "\(source): the header lacks the column(s) \(missing.joined(separator: ", ")); is this the right file?"
            )
        }
    }
}
