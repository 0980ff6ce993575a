import Foundation

/// The documents of a corpus: files and directories, walked lazily in a stable order.
///
/// Directories are walked recursively; each directory's entries are visited in byte order of
/// their names, so the order never depends on the file system. Only files of a known format
/// (``DocumentFormat/forPath(_:)``) are taken from directories; hidden files and folders are
/// skipped. A file named directly is always taken (as text when its extension is unknown).
///
/// A document's identifier is its path from the named input's parent: `textgraph run corpus`
/// gives `corpus/a.txt`, wherever it runs from.
///
/// ```swift
/// for source in try CorpusSource(inputs: ["corpus"]) { print(source.id) }
/// ```
public struct CorpusSource: Sequence, Sendable {
    private let roots: [Root]

    fileprivate struct Root: Sendable {
        var path: String
        var name: String
        var isDirectory: Bool
    }

    /// Checks that every input exists; walks nothing yet.
    /// - Throws: ``StageError`` with code ``StageError/Code/unreadable`` for a missing input.
    public init(inputs: [String]) throws {
        var roots: [Root] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw StageError(.unreadable, "\(input): no such file or directory")
            }
            var trimmed = input
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            let name = trimmed == "." || trimmed == "/" ? "" : (trimmed as NSString).lastPathComponent
            roots.append(Root(path: trimmed, name: name, isDirectory: isDirectory.boolValue))
        }
        self.roots = roots
    }

    public func makeIterator() -> Iterator { Iterator(roots: roots) }

    /// Walks the inputs one file at a time.
    public struct Iterator: IteratorProtocol {
        private var pendingRoots: [Root]
        /// Directories being walked: each holds its remaining entries, sorted, reversed for popping.
        private var stack: [(path: String, id: String, entries: [String])] = []

        fileprivate init(roots: [Root]) { pendingRoots = roots.reversed() }

        public mutating func next() -> SourceDocument? {
            while true {
                if var top = stack.popLast() {
                    guard let entry = top.entries.popLast() else { continue }
                    stack.append(top)
                    let path = top.path + "/" + entry
                    let id = top.id.isEmpty ? entry : top.id + "/" + entry
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                    if isDirectory.boolValue {
                        push(directory: path, id: id)
                    } else if let format = DocumentFormat.forPath(entry) {
                        return SourceDocument(id: id, content: .file(path), format: format)
                    }
                    continue
                }
                guard let root = pendingRoots.popLast() else { return nil }
                if root.isDirectory {
                    push(directory: root.path, id: root.name)
                } else {
                    return SourceDocument(
                        id: root.name,
                        content: .file(root.path),
                        format: DocumentFormat.forPath(root.path) ?? .text
                    )
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
    }
}
