import Foundation
import TextGraphSupport

/// The translations of a gettext catalog: a compiled `.mo` file or a `.po` text file.
///
/// Reads what ``ISO3166Importer`` needs from Debian's `iso-codes` translations: each message
/// id (the English name) and its translation. Context (`msgctxt`) is dropped, the first plural
/// form is taken, the header (empty `msgid`) and entries marked `#, fuzzy` or left
/// untranslated are left out.
public struct GettextCatalog: Sendable {
    /// Translations by message id.
    public private(set) var translations: [String: String]

    /// Creates a catalog from translations.
    public init(translations: [String: String] = [:]) { self.translations = translations }

    /// The translation of a message, or `nil`.
    public subscript(id: String) -> String? { translations[id] }

    /// Loads a `.mo` or `.po` file, by its first bytes (the `.mo` magic number) rather than its name.
    /// - Throws: ``StageError`` naming the file and, for a `.po` file, the line.
    public static func load(path: String) throws -> GettextCatalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "cannot read gettext catalog \(path)")
        }
        let bytes = [UInt8](data)
        if bytes.count >= 4, [[0xDE, 0x12, 0x04, 0x95], [0x95, 0x04, 0x12, 0xDE]].contains(Array(bytes[0..<4])) {
            return try parse(mo: bytes, source: path)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StageError(.invalidEncoding, "\(path): a .po catalog must be UTF-8")
        }
        return try parse(po: text, source: path)
    }

    // MARK: .mo

    /// Parses a compiled catalog (GNU gettext's `.mo` format, either byte order).
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` when a table points
    ///   outside the file.
    public static func parse(mo bytes: [UInt8], source: String) throws -> GettextCatalog {
        func invalid(_ what: String) -> StageError {
            StageError(.invalidData, "\(source): not a valid .mo file: \(what)")
        }
        guard bytes.count >= 28 else { throw invalid("too short for the header") }
        let littleEndian = bytes[0] == 0xDE
        func word(_ offset: Int) throws -> Int {
            guard offset >= 0, offset + 4 <= bytes.count else { throw invalid("offset \(offset) lies past the end") }
            let b = bytes[offset..<offset + 4].map(UInt32.init)
            return Int(
                littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24)
        }
        func string(_ table: Int, _ k: Int) throws -> [UInt8] {
            let length = try word(table + 8 * k)
            let offset = try word(table + 8 * k + 4)
            guard offset + length <= bytes.count else { throw invalid("string \(k) lies past the end") }
            return Array(bytes[offset..<offset + length])
        }
        let revision = try word(4)
        guard revision >> 16 <= 1 else { throw invalid("unknown major revision \(revision >> 16)") }
        let count = try word(8)
        let originals = try word(12)
        let translated = try word(16)
        guard count <= bytes.count / 8 else { throw invalid("\(count) strings cannot fit") }
        var catalog = GettextCatalog()
        for k in 0..<count {
            let id = message(try string(originals, k))
            let translation = message(try string(translated, k))
            guard let id, let translation, !id.isEmpty, !translation.isEmpty else { continue }
            catalog.translations[id] = translation
        }
        return catalog
    }

    /// A message's text: context (before U+0004) dropped, the first plural form (before NUL).
    private static func message(_ bytes: [UInt8]) -> String? {
        var bytes = bytes
        if let separator = bytes.firstIndex(of: 0x04) { bytes.removeSubrange(...separator) }
        if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: .po

    /// Parses a catalog in the `.po` text format.
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` naming the line of a
    ///   malformed string.
    public static func parse(po text: String, source: String) throws -> GettextCatalog {
        var catalog = GettextCatalog()
        var id: String? = nil
        var translation: String? = nil
        var fuzzy = false
        var field: String? = nil  // the keyword continuation lines append to

        func flush() {
            if let id, let translation, !id.isEmpty, !translation.isEmpty, !fuzzy {
                catalog.translations[id] = translation
            }
            id = nil
            translation = nil
            fuzzy = false
            field = nil
        }

        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let location = "\(source):\(index + 1)"
            if line.isEmpty {
                continue
            } else if line.hasPrefix("#") {
                if line.hasPrefix("#,") && line.contains("fuzzy") {
                    if id != nil { flush() }
                    fuzzy = true
                }
                continue
            } else if line.hasPrefix("\"") {
                let value = try quoted(line, at: location)
                switch field {
                case "msgid": id = (id ?? "") + value
                case "msgstr": translation = (translation ?? "") + value
                case nil: throw StageError(.invalidData, "\(location): a string continues no keyword")
                default: break  // msgctxt, msgid_plural, later plural forms
                }
                continue
            }
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw StageError(.invalidData, "\(location): expected a keyword and a quoted string")
            }
            let keyword = String(line[..<space])
            let value = try quoted(line[space...].trimmingCharacters(in: .whitespaces), at: location)
            switch keyword {
            case "msgctxt":
                if id != nil { flush() }
                field = "msgctxt"
            case "msgid":
                if id != nil && translation != nil { flush() }
                id = value
                field = "msgid"
            case "msgstr", "msgstr[0]":
                translation = value
                field = "msgstr"
            case "msgid_plural":
                field = "msgid_plural"
            default:
                if keyword.hasPrefix("msgstr[") {
                    field = keyword
                } else {
                    throw StageError(.invalidData, "\(location): unknown keyword '\(keyword)'")
                }
            }
        }
        flush()
        return catalog
    }

    /// The value of a C-style quoted string (`"Cura\"ao\n"`).
    private static func quoted(_ text: String, at location: String) throws -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else {
            throw StageError(.invalidData, "\(location): expected a quoted string, found \(text.prefix(40))")
        }
        var out = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                default: out.append(character)  // \" \\ and anything else as itself
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                throw StageError(.invalidData, "\(location): an unescaped quote inside a string")
            } else {
                out.append(character)
            }
        }
        if escaped { throw StageError(.invalidData, "\(location): the string ends in a lone backslash") }
        return out
    }
}
