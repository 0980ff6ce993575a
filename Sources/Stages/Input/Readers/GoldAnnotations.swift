public import Pipeline

/// Sentences as the source marks them (ParlaMint `<s>`, CoNLL-U sentences): a reference for
/// evaluation, never used by the built-in stages to make their own annotations.
public enum GoldSentences: AnnotationLayer {
    public typealias Value = [Sentence]
    public static let key = AnnotationKey("gold-sentences", for: GoldSentences.self)
}

/// Tokens as the source marks them (ParlaMint `<w>`/`<pc>`, CoNLL-U tokens), for evaluation.
public enum GoldTokens: AnnotationLayer {
    public typealias Value = [Token]
    public static let key = AnnotationKey("gold-tokens", for: GoldTokens.self)
}

/// Named entities as the source marks them (ParlaMint `<name type="PER">`, CoNLL-U `NER=B-ORG`),
/// for evaluation. ``Mention/entityClass`` holds the source's label as an IRI in the TextGraph
/// namespace (`https://w3id.org/textgraph/ns#PER`), ``Mention/source`` the file it came from.
public enum GoldMentions: AnnotationLayer {
    public typealias Value = [Mention]
    public static let key = AnnotationKey("gold-mentions", for: GoldMentions.self)
}
