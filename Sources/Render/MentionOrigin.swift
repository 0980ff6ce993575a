public import Pipeline

/// What found a mention: a gazetteer, the trained model, a pattern, the document's structure.
///
/// A document fresh from the pipeline says it by the stage that made each mention
/// (``Mention/source``). A document read back from a graph has no stage names (the graph does
/// not keep them), so its origin is told from what the graph does keep: a value (a date, a
/// number) came from a pattern, an entity typed `tg:RecognizedEntity` from the model, a
/// mention without a confidence from the document's structure (the asker lines), an unlinked
/// one from the fallback tagger, and the rest from a gazetteer.
public struct MentionOrigin: Hashable, Sendable {
    /// The identifier (`gazetteer`, `model`, `pattern`, `structure`, `definition`, `unlinked`).
    public let id: String
    /// How a page says it.
    public let description: String

    /// Found in a gazetteer.
    public static let gazetteer = MentionOrigin(id: "gazetteer", description: "gazetteer")
    /// Found by the trained entity model.
    public static let model = MentionOrigin(id: "model", description: "entity model")
    /// Found by a pattern (dates, document numbers, article references).
    public static let pattern = MentionOrigin(id: "pattern", description: "pattern")
    /// Found in the document's structure (who asked, who answered).
    public static let structure = MentionOrigin(id: "structure", description: "document structure")
    /// An abbreviation the document itself defines.
    public static let definition = MentionOrigin(id: "definition", description: "definition in the text")
    /// A capitalized name nothing else knows (not linked).
    public static let unlinked = MentionOrigin(id: "unlinked", description: "unlinked name")

    /// The stage a graph-read mention carries: its origin must be inferred.
    public static let graphSource = "graph"

    /// The origin of a mention.
    /// - Parameters:
    ///   - mention: The mention.
    ///   - isRecognizedEntity: Whether its entity is typed `tg:RecognizedEntity` (found by the model).
    public static func of(_ mention: Mention, isRecognizedEntity: Bool) -> MentionOrigin {
        switch mention.source {
        case "GazetteerTagger", "EntityLinker": return .gazetteer
        case "EntityRecognizer": return .model
        case "DateTagger", "DocumentNumberTagger", "ArticleReferenceTagger": return .pattern
        case "ParliamentaryStructureTagger": return .structure
        case "AbbreviationDefinitionTagger": return .definition
        case "CapitalizedSpanTagger": return .unlinked
        default: break
        }
        if mention.form == .value { return .pattern }
        if mention.entity == nil { return .unlinked }
        if isRecognizedEntity { return .model }
        if mention.confidence == nil { return .structure }
        if let entity = mention.entity, entity.value.contains("/artikel/") { return .pattern }
        return .gazetteer
    }
}
