import Foundation
import Pipeline
import Stages

/// The journal of a run started with `--resume`: one line per finished document, written after
/// the document's output reached the operating system, so that a run killed at any point (even
/// with SIGKILL) can be taken up again.
///
/// ```
/// textgraph-journal 3	<fingerprint>	<output size>	<side file size>
/// 0	ok	18231	912	corpus/a.txt
/// 1	failed	18231	912	corpus/b.txt	DocumentReader	invalid UTF-8 at byte 4 (0xFF)
/// ```
///
/// Each line holds the sizes of the output and of the writer's side file after the document; on
/// resuming, both files are cut back to the sizes of the last complete line (dropping what the
/// killed run wrote after it), the documents listed are skipped (checking that the input still
/// gives them in the same order), and the run goes on. A line cut short by the kill is ignored.
struct RunJournal {
    struct Entry {
        var index: Int
        var failed: Bool
        var outputSize: Int
        var sharedSize: Int
        var documentID: String
        var stage: String
        var reason: String

        /// The failure this entry records, if it records one.
        var failure: DocumentFailure? {
            failed ? DocumentFailure(documentID: documentID, stage: stage, reason: reason) : nil
        }
    }

    let path: String
    let fingerprint: String
    private(set) var baseSizes: (output: Int, shared: Int) = (0, 0)
    private(set) var entries: [Entry] = []
    private var handle: FileHandle?

    /// The journal beside an output file.
    init(output: String, fingerprint: String) {
        path = output + ".partial.journal"
        self.fingerprint = fingerprint
    }

    /// Reads an existing journal; `false` when there is none.
    /// - Throws: when the journal belongs to a run with other arguments.
    mutating func load() throws -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        // The last piece has no line feed: a line the kill cut short, or nothing.
        lines.removeLast()
        guard let header = lines.first?.components(separatedBy: "\t"), header.count == 4,
            header[0] == "textgraph-journal 3"
        else {
            return false
        }
        guard header[1] == fingerprint else {
            throw StageError(
                .output, "\(path) belongs to a run with other inputs or options; run without --resume, or remove it")
        }
        baseSizes = (Int(header[2]) ?? 0, Int(header[3]) ?? 0)
        for line in lines.dropFirst() {
            let fields = line.components(separatedBy: "\t")
            guard fields.count >= 5, let index = Int(fields[0]), let output = Int(fields[2]),
                let shared = Int(fields[3])
            else { break }
            entries.append(
                Entry(
                    index: index, failed: fields[1] == "failed", outputSize: output, sharedSize: shared,
                    documentID: Self.unescaped(fields[4]),
                    stage: fields.count > 5 ? Self.unescaped(fields[5]) : "",
                    reason: fields.count > 6 ? Self.unescaped(fields[6]) : ""
                )
            )
        }
        return true
    }

    /// A field as the journal holds it: backslash, tab, line feed and carriage return escaped
    /// (`\\`, `\t`, `\n`, `\r`), so that any file name survives the round trip.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A field of the journal as it was before ``escaped(_:)``.
    static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The sizes the output and side file must be cut back to.
    var resumeSizes: (output: Int, shared: Int) {
        entries.last.map { ($0.outputSize, $0.sharedSize) } ?? baseSizes
    }

    /// Starts a new journal, recording the sizes before the first document.
    mutating func start(baseSizes: (output: Int, shared: Int)) throws {
        self.baseSizes = baseSizes
        entries = []
        _ = FileManager.default.createFile(
            atPath: path,
            contents: Data("textgraph-journal 3\t\(fingerprint)\t\(baseSizes.output)\t\(baseSizes.shared)\n".utf8))
        try open()
    }

    /// Continues an existing journal, dropping a line the kill may have cut short.
    mutating func reopen() throws {
        var text = "textgraph-journal 3\t\(fingerprint)\t\(baseSizes.output)\t\(baseSizes.shared)\n"
        for entry in entries { text += line(entry) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        try open()
    }

    private mutating func open() throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw StageError(.output, "cannot write \(path)") }
        try handle.seekToEnd()
        self.handle = handle
    }

    /// Records a finished document.
    mutating func record(index: Int, failure: DocumentFailure?, documentID: String, sizes: (output: Int, shared: Int))
        throws
    {
        let entry = Entry(
            index: index, failed: failure != nil, outputSize: sizes.output, sharedSize: sizes.shared,
            documentID: documentID,
            stage: failure?.stage ?? "", reason: failure?.reason ?? ""
        )
        entries.append(entry)
        try handle?.write(contentsOf: Data(line(entry).utf8))
    }

    private func line(_ entry: Entry) -> String {
        let escape = Self.escaped
        return
            "\(entry.index)\t\(entry.failed ? "failed" : "ok")\t\(entry.outputSize)\t\(entry.sharedSize)\t\(escape(entry.documentID))\t\(escape(entry.stage))\t\(escape(entry.reason))\n"
    }

    /// Removes the journal once the output is complete.
    mutating func remove() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: path)
    }
}
