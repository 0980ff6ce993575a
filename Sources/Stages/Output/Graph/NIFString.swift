import Pipeline

/// How NIF 2.0 names the string of a document between two code point offsets (RFC 5147):
/// `<document#char=begin,end>`. The one place the graph's writers and
/// `Document.nifIRI(of:)` take the form from.
enum NIFString {
    /// What comes between the document's IRI and the offsets.
    @inline(__always) static var fragmentStart: StaticString { "#char=" }

    /// The IRI of the string from code point `begin` to code point `end` of `document`.
    static func iri(in document: IRI, begin: Int, end: Int) -> IRI {
        document.appending("\(fragmentStart)\(begin),\(end)")
    }
}
