import CLibXML2
import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A forward-only cursor over an XML document, on libxml2's streaming `xmlTextReader`.
///
/// Never builds a tree of the document: it holds the current node only. Parsing is safe for
/// untrusted input: no network (`XML_PARSE_NONET`), no DTD loading, no substitution of entities
/// (so an external entity is never read and an entity-expansion bomb is refused), and libxml2's
/// default limits on depth and text size stay on. Errors carry libxml2's message and line.
///
/// ```swift
/// let cursor = try XMLCursor(bytes: bytes)
/// while try cursor.read() {
///     if cursor.kind == .elementStart, cursor.name == "seg" { ... }
/// }
/// ```
package final class XMLCursor {
    /// The kinds of node the cursor stops at.
    package enum Kind: Equatable {
        case elementStart, elementEnd, text, entityReference, other
    }

    private let reader: xmlTextReaderPtr
    private let bytes: [UInt8]
    private let errors: ErrorCollector
    private var names: [UnsafeRawPointer: String] = [:]

    /// The current node's kind.
    package private(set) var kind: Kind = .other
    /// Whether the current start tag is also its end (`<br/>`); no `elementEnd` follows it.
    package private(set) var isEmptyElement = false
    /// The elements open at the current node, outermost first.
    package private(set) var openElements: [String] = []
    /// The names of entity references that were left unexpanded (`&xxe;`), in document order.
    private(set) var unexpandedEntities: [String] = []

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Opens a cursor over a document held in memory.
    package init(bytes: [UInt8], url: String = "document.xml") throws {
        // libxml2 says "Document is empty" or "Extra content at the end of the document" for
        // these; say what is true.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw StageError(
                .malformedInput, bytes.isEmpty ? "the XML file is empty" : "the XML file holds only white space")
        }
        _ = XMLCursor.initialized
        self.bytes = bytes
        errors = ErrorCollector()
        let options =
            Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
            | Int32(XML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_NOERROR.rawValue)
            | Int32(XML_PARSE_NOWARNING.rawValue)
        // `bytes` shares its storage with `self.bytes`, which keeps it alive for libxml2 (the
        // reader reads the memory without copying it); the closure cannot capture `self` yet.
        let created = XMLCursor.routingErrors(to: errors) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlReaderForMemory($0, Int32(buffer.count), url, nil, options)
                    }
                }
            }
        }
        guard let created else {
            throw StageError(
                .malformedInput, bytes.isEmpty ? "the XML document is empty" : "libxml2 could not open the XML document"
            )
        }
        reader = created
        xmlTextReaderSetStructuredErrorHandler(
            reader, XMLCursor.recordError, Unmanaged.passUnretained(errors).toOpaque())
    }

    /// Records a libxml2 error in the ``ErrorCollector`` given as context.
    private static let recordError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    /// Runs `body`, a call into libxml2 that parses, with the errors libxml2 raises without a
    /// parser context (bytes the declared encoding cannot convert, an encoder's I/O error)
    /// recorded in `errors`, and its generic messages dropped. Otherwise libxml2 writes both
    /// straight to standard error, several lines per document, and the document fails as merely
    /// "not well formed". libxml2 keeps these handlers per thread; the structured one is put back
    /// after the call, so no other parse on this thread reports into this reader.
    private static func routingErrors<T>(to errors: ErrorCollector, _ body: () -> T) -> T {
        textgraph_xmlDropGenericErrors()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(errors).toOpaque(), recordError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }

    deinit { xmlFreeTextReader(reader) }

    /// Moves to the next node; `false` at the end of the document.
    /// - Throws: ``StageError`` with code ``StageError/Code/malformedInput`` naming the line and
    ///   libxml2's reason when the document is not well formed.
    package func read() throws -> Bool {
        let status = XMLCursor.routingErrors(to: errors) { xmlTextReaderRead(reader) }
        if status == 1 {
            switch xmlTextReaderNodeType(reader) {
            case 1:
                kind = .elementStart
                isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
                if !isEmptyElement { openElements.append(name) }
            case 15:
                kind = .elementEnd
                if !openElements.isEmpty { openElements.removeLast() }
            case 3, 4, 13, 14: kind = .text
            case 5:
                kind = .entityReference
                unexpandedEntities.append(name)
            default: kind = .other
            }
            if let error = errors.firstFatal { throw explained(error) }
            return true
        }
        if let error = errors.firstFatal ?? errors.first { throw explained(error) }
        if status < 0 { throw explained(StageError(.malformedInput, "the XML document is not well formed")) }
        if !openElements.isEmpty {
            throw StageError(.malformedInput, "the XML document ends inside <\(openElements.last!)>: it is truncated")
        }
        return false
    }

    /// libxml2's streaming reader reports a document cut off in the middle as "Extra content at
    /// the end of the document"; say what happened instead, keeping libxml2's words.
    private func explained(_ error: StageError) -> StageError {
        guard !openElements.isEmpty,
            error.message.contains("Extra content at the end of the document")
                || error.message.contains("Premature end")
        else { return error }
        let open = openElements.reversed().prefix(3).map { "<\($0)>" }.joined(separator: " in ")
        return StageError(.malformedInput, "the XML document is truncated: it ends inside \(open) (\(error.message))")
    }

    /// The local name of the current element (without prefix); interned, so cheap to call often.
    package var name: String { interned(xmlTextReaderConstLocalName(reader)) }

    /// The qualified name of the current attribute or element (`xml:id`).
    private var qualifiedName: String { interned(xmlTextReaderConstName(reader)) }

    /// A name from libxml2's dictionary as a string, made once per distinct name (libxml2 keeps
    /// one copy of each name, so its address identifies it).
    private func interned(_ pointer: UnsafePointer<UInt8>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = names[key] { return known }
        let string = String(cString: pointer)
        names[key] = string
        return string
    }

    /// The line of the current node in the source.
    package var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Appends the current text node's UTF-8 bytes.
    package func appendText(to out: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        out.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(value)))
    }

    /// Calls `body` with the current text node's UTF-8 bytes, in libxml2's memory (valid until
    /// the next ``read()``).
    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let value = xmlTextReaderConstValue(reader) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: value, count: strlen(value)))
    }

    /// The current text node's value.
    var text: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// The attributes of the current element, by qualified name (`who`, `xml:id`).
    package func attributes() -> [String: String] {
        var result: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            result[qualifiedName] = value
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// One attribute of the current element.
    func attribute(_ qualified: String) -> String? {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if qualifiedName == qualified { return xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }
        }
        return nil
    }

    /// Collects libxml2's errors for one reader.
    private final class ErrorCollector {
        var first: StageError?
        var firstFatal: StageError?

        func record(_ error: xmlError) {
            // One line: libxml2 ends its messages with a line break, and some hold more.
            let message = error.message.map { String(cString: $0) }?.oneLine ?? "unknown XML error"
            let described: StageError
            if error.domain == Int32(XML_FROM_I18N.rawValue) {
                // Raised while converting the input to UTF-8, before any line is known.
                described = StageError(
                    .malformedInput, "bytes the XML declaration's encoding cannot convert: \(message)")
            } else {
                described = StageError(.malformedInput, "malformed XML at line \(error.line): \(message)")
            }
            if first == nil { first = described }
            if error.level.rawValue >= XML_ERR_ERROR.rawValue, firstFatal == nil { firstFatal = described }
        }
    }
}

extension String {
    /// The string on one line: each run of white space (line breaks included) one space, none at
    /// either end; how a message goes to standard error, one line per problem.
    public var oneLine: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The string without leading and trailing white space (spaces, tabs, line ends).
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
