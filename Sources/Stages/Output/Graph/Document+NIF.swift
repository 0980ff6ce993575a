public import Pipeline
import TextGraphSupport

extension Document {
    /// The NIF 2.0 IRI of a span of the text, as the graph names it: the document's IRI with
    /// `#char=begin,end` (RFC 5147), the offsets counted in Unicode code points from the start of
    /// the text.
    ///
    /// Spans hold UTF-8 offsets; NIF counts code points (as Python's `str` and Java's
    /// `codePointCount` do), so the two differ after the first letter outside ASCII. A stage that
    /// writes statements about its own annotations names them with this, so that they meet the
    /// sentences and mentions the standard graph describes:
    ///
    /// ```swift
    /// let document = Document(id: "kv-1", text: "België en China")
    /// document.nifIRI(of: Span(start: 11, end: 16))
    /// // <https://w3id.org/textgraph/doc/kv-1#char=10,15>: "België" is 7 bytes, 6 code points
    /// ```
    ///
    /// Each call counts the text up to the span (a fast byte scan); for a whole layer use
    /// ``nifIRIs(of:)``, which counts once.
    /// - Parameter span: A span of ``text``, on code point boundaries.
    /// - Returns: The IRI the graph gives the string the span covers.
    public func nifIRI(of span: Span) -> IRI {
        let begin = codePointOffset(ofUTF8Offset: span.start)
        let end = begin + codePointOffset(ofUTF8Offset: span.end, from: span.start)
        return NIFString.iri(in: iri, begin: begin, end: end)
    }

    /// The NIF 2.0 IRIs of many spans, counting the text once when they are in text order.
    /// - Parameter spans: Spans of ``text``, on code point boundaries, in any order.
    /// - Returns: One IRI per span, as ``nifIRI(of:)`` gives it.
    public func nifIRIs(of spans: [Span]) -> [IRI] {
        var lastUTF8 = 0
        var lastCodePoint = 0
        func codePoint(_ offset: Int) -> Int {
            if offset < lastUTF8 {
                lastUTF8 = 0
                lastCodePoint = 0
            }
            lastCodePoint += codePointOffset(ofUTF8Offset: offset, from: lastUTF8)
            lastUTF8 = offset
            return lastCodePoint
        }
        return spans.map { span in
            let begin = codePoint(span.start)
            return NIFString.iri(in: iri, begin: begin, end: codePoint(span.end))
        }
    }

    /// The NIF 2.0 IRI of the whole text, the `nif:Context` the graph's strings refer to.
    public var nifContextIRI: IRI { nifIRI(of: Span(start: 0, end: utf8Count)) }

    /// The number of code points between two UTF-8 offsets of the text (from the start, by default).
    /// - Parameters:
    ///   - offset: A UTF-8 offset on a code point boundary.
    ///   - start: An earlier UTF-8 offset on a code point boundary.
    public func codePointOffset(ofUTF8Offset offset: Int, from start: Int = 0) -> Int {
        let utf8 = text.utf8
        precondition(
            start >= 0 && start <= offset && offset <= utf8.count, "offsets \(start), \(offset) outside the text")
        if let count = utf8.withContiguousStorageIfAvailable({ CodePointOffsets.count($0, start..<offset) }) {
            return count
        }
        return Array(utf8).withUnsafeBufferPointer { CodePointOffsets.count($0, start..<offset) }
    }
}
