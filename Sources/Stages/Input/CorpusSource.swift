import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The documents of a corpus: files, directories walked lazily in a stable order, and JSON lines
/// on standard input.
///
/// Directories are walked recursively; each directory's entries are visited in byte order of
/// their names, so the order never depends on the file system, and the walk holds one directory
/// listing per level, never the whole corpus. Only files of a known format
/// (``DocumentFormat/forPath(_:)``) are taken from directories; hidden files and folders are
/// skipped. A file named directly is always taken (its format sniffed when the extension is
/// unknown).
///
/// A document's identifier is its path from the named input's parent: `textgraph run corpus`
/// gives `corpus/a.txt`, wherever it runs from.
///
/// The input `-` reads JSON lines from standard input, one document per line:
/// `{"id": "kv-1", "text": "…"}` or `{"id": "kv-2", "path": "corpus/a.xml"}`. A line that is not
/// such an object becomes a document that fails with the reason, so the run goes on.
///
/// Include and exclude patterns are shell globs (`*`, `?`, `[…]`): a pattern without `/` is
/// matched against the file name, one with `/` against the whole identifier (where `*` also
/// crosses `/`). Excludes win over includes.
///
/// ```swift
/// for source in try CorpusSource(inputs: ["corpus"], include: ["*.txt"]) { print(source.id) }
/// ```
public struct CorpusSource: Sequence, Sendable {
    private let roots: [Root]
    private let filter: PathFilter

    fileprivate struct Root: Sendable {
        var path: String
        var name: String
        var kind: Kind
        enum Kind: Sendable { case file, directory, standardInput }
    }

    /// Checks that every input exists; walks nothing yet.
    /// - Throws: ``StageError`` with code ``StageError/Code/unreadable`` for a missing input.
    public init(inputs: [String], include: [String] = [], exclude: [String] = []) throws {
        var roots: [Root] = []
        for input in inputs {
            if input == "-" {
                roots.append(Root(path: "-", name: "", kind: .standardInput))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw StageError(.unreadable, "\(input): no such file or directory")
            }
            var trimmed = input
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            let name = trimmed == "." || trimmed == "/" ? "" : (trimmed as NSString).lastPathComponent
            roots.append(Root(path: trimmed, name: name, kind: isDirectory.boolValue ? .directory : .file))
        }
        self.roots = roots
        self.filter = PathFilter(include: include, exclude: exclude)
    }

    public func makeIterator() -> Iterator { Iterator(roots: roots, filter: filter) }

    /// Walks the inputs one document at a time.
    public struct Iterator: IteratorProtocol {
        private var pendingRoots: [Root]
        private let filter: PathFilter
        /// Directories being walked: each holds its remaining entries, sorted, reversed for popping.
        private var stack: [(path: String, id: String, entries: [String])] = []
        private var readingStandardInput = false
        private var lineNumber = 0

        fileprivate init(roots: [Root], filter: PathFilter) {
            pendingRoots = roots.reversed()
            self.filter = filter
        }

        public mutating func next() -> SourceDocument? {
            while true {
                if readingStandardInput {
                    if let document = nextLine() { return document }
                    readingStandardInput = false
                    continue
                }
                if var top = stack.popLast() {
                    guard let entry = top.entries.popLast() else { continue }
                    stack.append(top)
                    let path = top.path + "/" + entry
                    let id = top.id.isEmpty ? entry : top.id + "/" + entry
                    guard let (isDirectory, size) = FileStatus.of(path) else { continue }
                    if isDirectory {
                        push(directory: path, id: id)
                    } else if let format = DocumentFormat.forPath(entry), filter.accepts(id) {
                        return SourceDocument(id: id, content: .file(path), format: format, size: size)
                    }
                    continue
                }
                guard let root = pendingRoots.popLast() else { return nil }
                switch root.kind {
                case .directory:
                    push(directory: root.path, id: root.name)
                case .file:
                    guard filter.accepts(root.name) else { continue }
                    return SourceDocument(
                        id: root.name,
                        content: .file(root.path),
                        format: DocumentFormat.forPath(root.path) ?? .text,
                        size: FileStatus.of(root.path)?.size
                    )
                case .standardInput:
                    readingStandardInput = true
                }
            }
        }

        private mutating func push(directory path: String, id: String) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let visible = names.filter { !$0.hasPrefix(".") }
            // Byte order of the UTF-8 names: independent of locale and file system.
            let sorted = visible.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            stack.append((path, id, sorted.reversed()))
        }

        /// The next JSON line from standard input as a document, skipping blank lines.
        private mutating func nextLine() -> SourceDocument? {
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                if let document = JSONLineDocument.parse(line, lineNumber: lineNumber), filter.accepts(document.id) {
                    return document
                }
            }
            return nil
        }
    }
}

/// Whether a path is a directory, and its size, from one `stat` call (following links).
enum FileStatus {
    static func of(_ path: String) -> (isDirectory: Bool, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int(info.st_size))
    }
}

/// Turns one JSON line into a source document.
enum JSONLineDocument {
    /// The document a line describes; a malformed line gives a document that fails with the reason.
    static func parse(_ line: String, lineNumber: Int) -> SourceDocument? {
        let fallbackID = "stdin:\(lineNumber)"
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return SourceDocument(id: fallbackID, content: .unreadable("line \(lineNumber) of standard input is not a JSON object"))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        if let text = object["text"] as? String {
            let format = (object["format"] as? String).map(DocumentFormat.init) ?? .text
            return SourceDocument(id: id, content: .text(text), format: format)
        }
        if let path = object["path"] as? String {
            return SourceDocument(id: id, content: .file(path), format: DocumentFormat.forPath(path) ?? .text)
        }
        return SourceDocument(id: id, content: .unreadable("line \(lineNumber) of standard input has neither \"text\" nor \"path\""))
    }
}

/// Include and exclude glob patterns over document identifiers.
struct PathFilter: Sendable {
    var include: [String]
    var exclude: [String]

    func accepts(_ id: String) -> Bool {
        if exclude.contains(where: { matches($0, id) }) { return false }
        return include.isEmpty || include.contains { matches($0, id) }
    }

    private func matches(_ pattern: String, _ id: String) -> Bool {
        if pattern.contains("/") { return fnmatch(pattern, id, 0) == 0 }
        let name = id.split(separator: "/").last.map(String.init) ?? id
        return fnmatch(pattern, name, 0) == 0
    }
}
