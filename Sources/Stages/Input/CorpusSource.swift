import Foundation
import TextGraphSupport

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
/// The walk is safe by default: inside a named directory only regular files and directories are
/// taken; a symbolic link is not followed (`followSymlinks` follows it, and a link back to a
/// directory being walked is refused, by device and inode); a FIFO, socket or device, a dangling
/// link, a directory that cannot be read and a file name that is not UTF-8 each become a
/// document that fails with the reason, so that the report and the exit status say what was
/// left out. Nothing is skipped without a word.
///
/// The input `-` reads JSON lines from standard input, one document per line:
/// `{"id": "kv-1", "text": "…"}`, or `{"id": "kv-2", "path": "a.xml"}` when a `root` directory
/// is given: the path is read inside it, and a path that leads out of it (`..`, an absolute
/// path, a symbolic link) is refused. A line that is not such an object becomes a document that
/// fails with the reason, so the run goes on.
///
/// Ids never collide silently: where two inputs give the same id (two JSON lines, or `run
/// a/docs b/docs` both holding `docs/x.txt`), the second fails with the reason. The walk keeps
/// the ids it gave only then (more than one input, or standard input).
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
    private let followSymlinks: Bool
    private let root: String?
    private let maximumLineLength: Int

    fileprivate struct Root: Sendable {
        var path: String
        var name: String
        var kind: Kind
        enum Kind: Sendable { case file, directory, standardInput }
    }

    /// Checks that every input exists; walks nothing yet.
    /// - Parameters:
    ///   - followSymlinks: Whether symbolic links inside the named directories are followed.
    ///   - root: The directory that files named by JSON lines on standard input are read from;
    ///     `nil` refuses such lines.
    ///   - maximumLineLength: The longest JSON line read from standard input, in bytes; a longer
    ///     line is skipped as it is read (never held whole) and fails with the reason.
    /// - Throws: ``StageError`` with code ``StageError/Code/unreadable`` for a missing input or root.
    public init(
        inputs: [String], include: [String] = [], exclude: [String] = [], followSymlinks: Bool = false,
        root: String? = nil, maximumLineLength: Int = 256 << 20
    ) throws {
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
        self.followSymlinks = followSymlinks
        self.maximumLineLength = maximumLineLength
        if let root {
            guard let resolved = realpath(root, nil) else {
                throw StageError(.unreadable, "--root \(root): no such directory")
            }
            defer { free(resolved) }
            self.root = String(cString: resolved)
        } else {
            self.root = nil
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(
            roots: roots, filter: filter, followSymlinks: followSymlinks, root: root,
            maximumLineLength: maximumLineLength)
    }

    /// Walks the inputs one document at a time.
    public struct Iterator: IteratorProtocol {
        private var pendingRoots: [Root]
        private let filter: PathFilter
        private let followSymlinks: Bool
        private let root: String?
        /// Directories being walked: each holds its remaining entries, sorted, reversed for
        /// popping, and its device and inode (a link back to one of them is a loop).
        private var stack: [(path: String, id: String, entries: [DirectoryEntry], key: FileKey)] = []
        private var readingStandardInput = false
        private var lineNumber = 0
        /// The ids given so far, where two inputs could give the same one (JSON lines, or more
        /// than one named input); a single directory's paths cannot collide, and are not kept.
        private var seenIDs: Set<String>?
        private var lines: LineReader

        fileprivate init(roots: [Root], filter: PathFilter, followSymlinks: Bool, root: String?, maximumLineLength: Int)
        {
            lines = LineReader(descriptor: 0, maximumLength: maximumLineLength)
            pendingRoots = roots.reversed()
            self.filter = filter
            self.followSymlinks = followSymlinks
            self.root = root
            if roots.count > 1 || roots.contains(where: { $0.kind == .standardInput }) { seenIDs = [] }
        }

        /// The next document; a second document with an id already given fails with the reason
        /// (its graph would merge with the first's), and the first stays as it was.
        public mutating func next() -> SourceDocument? {
            guard let document = nextInWalk() else { return nil }
            guard seenIDs?.insert(document.id).inserted == false else { return document }
            let reason =
                "another input already has the id \(document.id); this one is not read (two documents with one id would merge into one graph)"
            return SourceDocument(id: document.id, content: .unreadable(reason))
        }

        private mutating func nextInWalk() -> SourceDocument? {
            while true {
                if readingStandardInput {
                    if let document = nextLine() { return document }
                    readingStandardInput = false
                    continue
                }
                if var top = stack.popLast() {
                    guard let entry = top.entries.popLast() else { continue }
                    stack.append(top)
                    if let document = visit(entry, in: top.path, id: top.id) { return document }
                    continue
                }
                guard let root = pendingRoots.popLast() else { return nil }
                switch root.kind {
                case .directory:
                    if let failure = push(directory: root.path, id: root.name) { return failure }
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

        /// The document an entry of a directory gives: a regular file of a known format, or a
        /// failure that says why an entry the walk would have taken is left out; `nil` for
        /// entries the walk passes by (a file of another format, a directory it descends into).
        private mutating func visit(_ entry: DirectoryEntry, in directory: String, id parentID: String)
            -> SourceDocument?
        {
            let path = directory + "/" + entry.name
            let id = parentID.isEmpty ? entry.name : parentID + "/" + entry.name
            let taken = DocumentFormat.forPath(entry.name) != nil && filter.accepts(id)
            func failure(_ reason: String) -> SourceDocument { SourceDocument(id: id, content: .unreadable(reason)) }
            guard entry.isUTF8 else { return failure("\(path): the file name is not valid UTF-8; skipped") }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                return failure("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard stat(path, &info) == 0 else {
                    let what =
                        errno == ELOOP
                        ? "a loop of symbolic links"
                        : errno == ENOENT
                            ? "a symbolic link to nothing (dangling)"
                            : "a symbolic link that cannot be followed (\(String(cString: strerror(errno))))"
                    return taken ? failure("\(path) is \(what); skipped") : nil
                }
                let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                guard followSymlinks else {
                    return isDirectory || taken
                        ? failure("\(path) is a symbolic link; not followed without --follow-symlinks") : nil
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let key = FileKey(info)
                if stack.contains(where: { $0.key == key }) {
                    return failure(
                        "\(path) leads back to a directory that holds it (a loop of symbolic links); not walked")
                }
                return push(directory: path, id: id, key: key)
            case S_IFREG:
                return taken
                    ? SourceDocument(
                        id: id, content: .file(path), format: DocumentFormat.forPath(entry.name)!,
                        size: Int(info.st_size)) : nil
            default:
                return taken ? failure("\(path) is \(FileStatus.kind(info.st_mode)), not a regular file; skipped") : nil
            }
        }

        /// Starts walking a directory; a directory that cannot be listed gives a failure instead.
        private mutating func push(directory path: String, id: String, key: FileKey? = nil) -> SourceDocument? {
            let key =
                key
                ?? {
                    var info = stat()
                    return stat(path, &info) == 0 ? FileKey(info) : FileKey(device: 0, inode: 0)
                }()
            guard let entries = DirectoryEntry.list(path) else {
                let reason = "cannot read the directory \(path): \(String(cString: strerror(errno)))"
                return SourceDocument(id: id.isEmpty ? path : id, content: .unreadable(reason))
            }
            let visible = entries.filter { !$0.name.hasPrefix(".") }
            // Byte order of the UTF-8 names: independent of locale and file system.
            let sorted = visible.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            stack.append((path, id, sorted.reversed(), key))
            return nil
        }

        /// The next JSON line from standard input as a document, skipping blank lines.
        private mutating func nextLine() -> SourceDocument? {
            while let read = lines.next() {
                lineNumber += 1
                guard case .line(let line) = read else {
                    return SourceDocument(
                        id: "stdin:\(lineNumber)",
                        content: .unreadable(
                            "line \(lineNumber) of standard input is longer than \(lines.maximumLength) bytes; skipped without reading it whole"
                        )
                    )
                }
                if line.allSatisfy(\.isWhitespace) { continue }
                if let document = JSONLineDocument.parse(line, lineNumber: lineNumber, root: root),
                    filter.accepts(document.id)
                {
                    return document
                }
            }
            return nil
        }
    }
}

/// Lines of a file descriptor (standard input), each at most `maximumLength` bytes: a longer
/// line is read past in chunks, never held whole, and reported as too long.
struct LineReader {
    enum Line {
        case line(String)
        case tooLong
    }

    let descriptor: Int32
    let maximumLength: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line feed goes on: the bytes before it hold none.
    private var searched = 0
    private var finished = false
    private static let chunk = 1 << 20

    init(descriptor: Int32, maximumLength: Int) {
        self.descriptor = descriptor
        self.maximumLength = maximumLength
    }

    /// The next line without its line feed (and a carriage return before it), or `nil` at the end.
    mutating func next() -> Line? {
        var tooLong = false
        while true {
            if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0A) {
                defer {
                    start = newline + 1
                    searched = start
                }
                if tooLong || newline - start > maximumLength { return .tooLong }
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                return .line(String(decoding: buffer[start..<end], as: UTF8.self))
            }
            searched = buffer.count
            if buffer.count - start > maximumLength {
                // Too long: keep reading to its end, keeping nothing of it.
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searched = 0
            }
            if finished {
                guard start < buffer.count || tooLong else { return nil }
                defer {
                    buffer.removeAll()
                    start = 0
                    searched = 0
                }
                return tooLong || buffer.count - start > maximumLength
                    ? .tooLong : .line(String(decoding: buffer[start...], as: UTF8.self))
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                searched -= start
                start = 0
            }
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, Self.chunk) }
            if count < 0 && errno == EINTR {
                buffer.removeLast(Self.chunk)
                continue
            }
            buffer.removeLast(Self.chunk - max(count, 0))
            if count <= 0 { finished = true }
        }
    }
}

/// A file's identity on its machine: device and inode.
struct FileKey: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// A name in a directory, as the file system holds it.
struct DirectoryEntry: Sendable {
    /// The name; where its bytes are not UTF-8, with U+FFFD in place of the bad bytes.
    var name: String
    /// Whether the name's bytes are valid UTF-8.
    var isUTF8: Bool

    /// The entries of a directory but "." and "..", or `nil` (with `errno` set) when it cannot be read.
    static func list(_ path: String) -> [DirectoryEntry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> DirectoryEntry in
                let bytes = raw.bindMemory(to: CChar.self)
                if let valid = String(validatingCString: bytes.baseAddress!) {
                    return DirectoryEntry(name: valid, isUTF8: true)
                }
                return DirectoryEntry(name: String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self), isUTF8: false)
            }
            if name.name == "." || name.name == ".." { continue }
            entries.append(name)
        }
        return entries
    }
}

/// Whether a path is a directory, and its size, from one `stat` call (following links).
public enum FileStatus {
    static func of(_ path: String) -> (isDirectory: Bool, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int(info.st_size))
    }

    /// What an existing path that is not a regular file is, in words ("a device", "a directory");
    /// `nil` for a regular file or a path that does not exist.
    public static func notRegularFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG else { return nil }
        return kind(info.st_mode)
    }

    /// What a file that is not a regular file is, in words: "a FIFO (named pipe)", "a socket", "a device".
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}

/// Turns one JSON line into a source document.
enum JSONLineDocument {
    /// The document a line describes; a malformed line gives a document that fails with the reason.
    static func parse(_ line: String, lineNumber: Int, root: String? = nil) -> SourceDocument? {
        let fallbackID = "stdin:\(lineNumber)"
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return SourceDocument(
                id: fallbackID, content: .unreadable("line \(lineNumber) of standard input is not a JSON object"))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        if let text = object["text"] as? String {
            let format = (object["format"] as? String).map(DocumentFormat.init) ?? .text
            return SourceDocument(id: id, content: .text(text), format: format)
        }
        if let path = object["path"] as? String {
            guard let root else {
                return SourceDocument(
                    id: id,
                    content: .unreadable(
                        "line \(lineNumber) of standard input names a file (\"path\"); files are read from standard input's lines only inside --root DIR"
                    ))
            }
            guard let resolved = confined(path, to: root) else {
                return SourceDocument(
                    id: id,
                    content: .unreadable(
                        "line \(lineNumber) of standard input: \(path) is not a file inside --root \(root)"))
            }
            return SourceDocument(id: id, content: .file(resolved), format: DocumentFormat.forPath(path) ?? .text)
        }
        return SourceDocument(
            id: id, content: .unreadable("line \(lineNumber) of standard input has neither \"text\" nor \"path\""))
    }
}

/// A path relative to `root` resolved with its links, when the result lies inside `root` (a
/// resolved, absolute directory); `nil` for absolute paths, paths that do not exist and paths
/// that lead out of it.
func confined(_ path: String, to root: String) -> String? {
    guard !path.hasPrefix("/"), let resolved = realpath(root + "/" + path, nil) else { return nil }
    defer { free(resolved) }
    let result = String(cString: resolved)
    return result.hasPrefix(root == "/" ? "/" : root + "/") ? result : nil
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
