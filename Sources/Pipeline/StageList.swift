/// An ordered list of stages that take and give the same type, edited by stage type.
///
/// Where a chain built with ``StageBuilder`` is fixed when compiling, a list can be changed
/// afterwards: a stage inserted before or after another, one replaced or removed, each named by
/// its type. This is how a user extends a ready-made pipeline:
///
/// ```swift
/// let stages = try StageList<Document>()
///     .appending(Tokenizer())
///     .appending(SentenceSplitter())
///     .inserting(CaseNumberTagger(), after: Tokenizer.self)
/// let pipeline = try Pipeline { stages }
/// ```
///
/// A list is itself a ``Stage``: each item goes through its stages in order, as in a chain. Its
/// ``descriptors`` list every stage, so a ``Pipeline`` made from it checks their order and layer
/// keys as it would a chain's; editing a list checks nothing until then.
///
/// A type names the stage that was added with that type: a stage wrapped in ``AnyStage`` or a
/// ``Pipeline`` is found by the wrapper's type, not by what it wraps. A type that the list holds
/// more than once cannot be used as an anchor; editing by such a type throws.
public struct StageList<Item: Sendable>: Stage {
    public typealias Input = Item
    public typealias Output = Item

    /// The stages in order.
    private var entries: [Entry]

    /// One stage and the type it was added as.
    private struct Entry: Sendable {
        let type: ObjectIdentifier
        let typeName: String
        let name: String
        let stage: AnyStage<Item, Item>

        init<S: Stage>(_ stage: S) where S.Input == Item, S.Output == Item {
            type = ObjectIdentifier(S.self)
            typeName = String(describing: S.self)
            name = stage.name
            self.stage = AnyStage(stage)
        }
    }

    /// Creates an empty list, which passes items through unchanged.
    public init() { entries = [] }

    /// The names of the stages' types, in order.
    public var stageTypes: [String] { entries.map(\.typeName) }

    /// Whether the list holds a stage of the given type.
    public func contains<S: Stage>(_ type: S.Type) -> Bool {
        entries.contains { $0.type == ObjectIdentifier(type) }
    }

    /// This list with `stage` added at the end.
    public func appending<S: Stage>(_ stage: S) -> StageList where S.Input == Item, S.Output == Item {
        var copy = self
        copy.entries.append(Entry(stage))
        return copy
    }

    /// This list with `stage` inserted right after the stage of type `anchor`.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/stageNotFound`` when the list
    ///   holds no stage of type `anchor`, or more than one.
    public func inserting<S: Stage, Anchor: Stage>(_ stage: S, after anchor: Anchor.Type) throws -> StageList
    where S.Input == Item, S.Output == Item {
        var copy = self
        copy.entries.insert(Entry(stage), at: try index(of: anchor, toInsert: stage.name) + 1)
        return copy
    }

    /// This list with `stage` inserted right before the stage of type `anchor`.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/stageNotFound`` when the list
    ///   holds no stage of type `anchor`, or more than one.
    public func inserting<S: Stage, Anchor: Stage>(_ stage: S, before anchor: Anchor.Type) throws -> StageList
    where S.Input == Item, S.Output == Item {
        var copy = self
        copy.entries.insert(Entry(stage), at: try index(of: anchor, toInsert: stage.name))
        return copy
    }

    /// This list with the stage of type `old` replaced by `stage`, in the same place.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/stageNotFound`` when the list
    ///   holds no stage of type `old`, or more than one.
    public func replacing<Old: Stage, S: Stage>(_ old: Old.Type, with stage: S) throws -> StageList
    where S.Input == Item, S.Output == Item {
        var copy = self
        copy.entries[try index(of: old, toInsert: stage.name)] = Entry(stage)
        return copy
    }

    /// This list without the stage of type `old`.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/stageNotFound`` when the list
    ///   holds no stage of type `old`, or more than one.
    public func removing<Old: Stage>(_ old: Old.Type) throws -> StageList {
        var copy = self
        copy.entries.remove(at: try index(of: old, toInsert: nil))
        return copy
    }

    /// The index of the one stage of type `anchor`, or an error that names the type and the list.
    private func index<Anchor: Stage>(of anchor: Anchor.Type, toInsert inserted: String?) throws -> Int {
        let matches = entries.indices.filter { entries[$0].type == ObjectIdentifier(anchor) }
        if matches.count == 1 { return matches[0] }
        let wanted = String(describing: anchor)
        let action = inserted.map { " (to place '\($0)')" } ?? ""
        let list = stageTypes.map { "'\($0)'" }.joined(separator: ", ")
        throw PipelineError(
            .stageNotFound,
            matches.isEmpty
                ? "no stage of type '\(wanted)' in the list\(action); it holds " + (list.isEmpty ? "no stage" : list)
                : "the list holds \(matches.count) stages of type '\(wanted)'\(action), so it does not say which one",
            stage: wanted
        )
    }

    public var name: String { descriptors.map(\.name).joined(separator: " → ") }
    public var descriptors: [StageDescriptor] { entries.flatMap(\.stage.descriptors) }
    public var requires: Set<AnnotationKey> {
        var required: Set<AnnotationKey> = []
        var assigned: Set<AnnotationKey> = []
        for entry in entries {
            required.formUnion(entry.stage.requires.subtracting(assigned))
            assigned.formUnion(entry.stage.assigns)
        }
        return required
    }
    public var assigns: Set<AnnotationKey> { entries.reduce(into: []) { $0.formUnion($1.stage.assigns) } }

    public func process(_ input: Item, context: StageContext, emit: (Item) async throws -> Void) async throws {
        try await feed(input, from: 0, context: context, emit: emit)
    }

    public func finish(context: StageContext, emit: (Item) async throws -> Void) async throws {
        for (index, entry) in entries.enumerated() {
            do {
                try await entry.stage.finish(context: context.entering(entry.name)) { item in
                    try await feed(item, from: index + 1, context: context, emit: emit)
                }
            } catch {
                throw PipelineError.attributing(error, to: entry.name)
            }
        }
    }

    /// Passes an item through the stages from `index` on, naming the failing stage in errors.
    private func feed(_ item: Item, from index: Int, context: StageContext, emit: (Item) async throws -> Void)
        async throws
    {
        guard index < entries.count else { return try await emit(item) }
        let entry = entries[index]
        do {
            try await entry.stage.process(item, context: context.entering(entry.name)) { next in
                try await feed(next, from: index + 1, context: context, emit: emit)
            }
        } catch {
            throw PipelineError.attributing(error, to: entry.name)
        }
    }
}
