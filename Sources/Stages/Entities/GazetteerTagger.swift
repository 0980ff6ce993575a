public import Pipeline

/// Tags the names a gazetteer knows as ``Mentions``, with their candidate entities.
///
/// The tagger finds names; it does not choose between entities that share a name. Each mention
/// carries every candidate (in gazetteer order) and the class of the first; the
/// ``EntityLinker`` decides. Mentions found earlier by other stages are kept; a gazetteer match
/// that overlaps one of them is dropped (earlier stages win, as in spaCy's entity ruler without
/// `overwrite_ents`). Names inside page furniture (running heads) are not tagged.
///
/// ```swift
/// let matcher = GazetteerMatcher(gazetteer: try .bundled())
/// let pipeline = try Pipeline { Tokenizer(); GazetteerTagger(matcher: matcher) }
/// ```
public struct GazetteerTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// The indexed gazetteer.
    public let matcher: GazetteerMatcher

    /// Creates a tagger over an indexed gazetteer.
    public init(matcher: GazetteerMatcher) { self.matcher = matcher }

    /// Creates a tagger over a gazetteer, indexing it.
    public init(gazetteer: Gazetteer) { self.matcher = GazetteerMatcher(gazetteer: gazetteer) }

    public var requires: Set<AnnotationKey> { [.tokens] }
    public var assigns: Set<AnnotationKey> { [.mentions] }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        let existing = document[Mentions.self] ?? []
        let entries = matcher.gazetteer.entries
        let source = name  // computed once: the default name reflects on the type
        var found: [Mention] = []
        let furniture = (document[Blocks.self] ?? []).filter { $0.kind == .furniture }.map(\.span)
        let refinement = MatchRefinement(text: document.text, sentences: (document[Sentences.self] ?? []).map(\.span))
        let matches = matcher.matches(in: document.text, tokens: tokens)
        for k in matches.indices {
            var match = matches[k]
            guard
                !existing.contains(where: { $0.span.overlaps(match.span) })
                    && !furniture.contains(where: { $0.contains(match.span) })
            else { continue }
            let types = entries[match.entries[0]].types
            if refinement.isSurnameAfterParticle(match.span, types: types) { continue }
            if refinement.isPartOfLongerName(
                match.span, types: types, previousMatchEnd: k > 0 ? matches[k - 1].span.end : nil,
                nextMatchStart: k + 1 < matches.count ? matches[k + 1].span.start : nil
            ) {
                continue
            }
            match.span = refinement.withYear(match.span, types: types)
            let named = refinement.withInitials(match.span, types: types)
            if named != match.span && !existing.contains(where: { $0.span.overlaps(named) })
                && !found.contains(where: { $0.span.overlaps(named) })
            {
                match.span = named
            }
            found.append(
                Mention(
                    span: match.span,
                    entityClass: entries[match.entries[0]].types.first,
                    candidates: match.entries.map { entries[$0].iri },
                    form: match.form,
                    source: source
                )
            )
        }
        // Matches come in text order: only mentions from earlier stages need sorting in.
        document[Mentions.self] = existing.isEmpty ? found : Self.merged(existing, found)
        try await emit(document)
    }

    /// `existing + found` in span order, as a stable sort orders them: merged in one pass when
    /// both are already in order (as the matcher and earlier stages leave them), else sorted.
    /// On equal spans the merge takes `existing` first, as the stable sort does.
    private static func merged(_ existing: [Mention], _ found: [Mention]) -> [Mention] {
        func isInOrder(_ mentions: [Mention]) -> Bool {
            // By index and span only: no copies of whole mentions.
            for k in mentions.indices.dropFirst() where mentions[k].span < mentions[k - 1].span { return false }
            return true
        }
        guard isInOrder(existing) && isInOrder(found) else {
            return (existing + found).sorted { $0.span < $1.span }
        }
        var all: [Mention] = []
        all.reserveCapacity(existing.count + found.count)
        var e = 0
        var f = 0
        while e < existing.count && f < found.count {
            if found[f].span < existing[e].span {
                all.append(found[f])
                f += 1
            } else {
                all.append(existing[e])
                e += 1
            }
        }
        all += existing[e...]
        all += found[f...]
        return all
    }
}
