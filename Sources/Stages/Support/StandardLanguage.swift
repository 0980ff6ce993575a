/// The language of the standard stages: Dutch. Their abbreviation lists, gazetteers and
/// recognizer model are Dutch, and the graph says it of a document whose source names no
/// language. Public as ``TextGraphPipeline/language``.
package enum StandardLanguage {
    /// Its ISO 639-1 code.
    package static let code = "nl"
}
