import Foundation
import TextGraphSupport

/// Reads a gazetteer from a CSV file (RFC 4180) whose header names the columns of the
/// tab-separated format.
///
/// The header row names the columns as ``Gazetteer`` does (`id`, `type`, `label@nl`, …,
/// `aliases`, `adjectives`, `same_as`, `member_of`, `page`; others are ignored), and each
/// field means what it means there: lists are `|`-separated. Fields are separated by
/// ``delimiter`` (`,`; spreadsheets in Dutch often write `;`); a field in double quotes may hold
/// the delimiter, line breaks and `""` for a quote. Records end in CRLF or LF; a byte-order
/// mark is skipped; blank records are skipped.
///
/// ```
/// id,type,label@nl,aliases
/// org/asml,Corporation,ASML,"ASML Holding|ASML Holding N.V."
/// ```
public struct CSVGazetteerImporter: Sendable {
    /// The field separator.
    public var delimiter: Character

    /// Creates an importer.
    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    /// Parses CSV text into a gazetteer.
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` naming the file and
    ///   the line where the faulty record starts.
    public func gazetteer(csv text: String, source: String) throws -> Gazetteer {
        var gazetteer = Gazetteer()
        var header: [String]? = nil
        for (line, fields) in try records(text, source: source) {
            let location = "\(source):\(line)"
            guard let columns = header else {
                try Gazetteer.checkHeader(fields, at: location)
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw StageError(.invalidData, "\(location): expected \(columns.count) fields, found \(fields.count)")
            }
            gazetteer.add(try Gazetteer.entry(columns: columns, fields: fields, at: location))
        }
        return gazetteer
    }

    /// Reads a CSV file and imports it.
    public func gazetteer(path: String) throws -> Gazetteer {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
        }
        return try gazetteer(csv: text, source: path)
    }

    /// The records of a CSV text with the line each starts on, blank records left out.
    func records(_ text: String, source: String) throws -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false  // the field was quoted: only a delimiter or line end may follow
        var characters = text.makeIterator()
        var pending: Character? = nil
        if text.first == "\u{FEFF}" { _ = characters.next() }

        func endField() {
            fields.append(field)
            field = ""
            quotedField = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }

        while let c = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        quotedField = true
                        pending = next
                    }
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case delimiter:
                endField()
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !quotedField:
                inQuotes = true
            default:
                if quotedField {
                    throw StageError(.invalidData, "\(source):\(line): text after the closing quote of a field")
                }
                if c == "\"" {
                    throw StageError(
                        .invalidData,
                        "\(source):\(line): a quote inside an unquoted field (quote the field and write \"\")")
                }
                field.append(c)
            }
        }
        if inQuotes { throw StageError(.invalidData, "\(source):\(recordLine): a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        return records
    }
}
