public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph gazetteer check FILE...`: loads gazetteers and reports what they hold and which
/// names point at several entities.
public struct GazetteerCheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load gazetteers, count their entries by type and source, and list names shared by several entities.",
        discussion: """
            The files are combined as `run --gazetteer` combines them. A shared name is one the \
            tagger cannot resolve alone (the linker then needs the document's context): it is \
            reported, not an error. Exit status 1 when a file does not load.
            """
    )

    @Argument(help: "The gazetteer files (TSV); none with --with-bundled checks the bundled gazetteer alone.")
    public var files: [String] = []

    @Flag(name: .long, help: "Check the files together with the bundled gazetteer.")
    public var withBundled = false

    @Option(name: .long, help: "How many shared names to list (all: -1).")
    public var limit: Int = 25

    public init() {}

    public func validate() throws {
        if files.isEmpty && !withBundled { throw ValidationError("give gazetteer files to check, or --with-bundled") }
    }

    public func run() throws {
        var gazetteer = Gazetteer()
        do {
            if withBundled {
                gazetteer = try Gazetteer.bundled()
                print("bundled: \(gazetteer.count) entries")
            }
            for file in files {
                let loaded = try Gazetteer.load(path: file)
                print("\(file): \(loaded.count) entries")
                gazetteer = gazetteer.combining(loaded)
            }
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        }
        print(report(gazetteer), terminator: "")
    }

    /// The report of a combined gazetteer.
    func report(_ gazetteer: Gazetteer) -> String {
        var out = ""
        var types: [String: Int] = [:]
        for entry in gazetteer.entries {
            for type in entry.types {
                types[type.value.replacingOccurrences(of: Vocabulary.Namespace.schema.iri, with: ""), default: 0] += 1
            }
        }
        let matcher = GazetteerMatcher(gazetteer: gazetteer)
        out += "total: \(gazetteer.count) entries, \(matcher.aliasCount) distinct names\n"
        for (type, count) in types.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            out += "  \(type): \(count)\n"
        }
        var sources: [String: Int] = [:]
        for entry in gazetteer.entries {
            for source in entry.sources.isEmpty ? [IRI("(no source)")] : entry.sources {
                sources[source.value, default: 0] += 1
            }
        }
        out += "by source (an entity from several sources counts in each):\n"
        for (source, count) in sources.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            out += "  \(source): \(count)\n"
        }
        let withSameAs = gazetteer.entries.filter { !$0.sameAs.isEmpty }.count
        let withMemberOf = gazetteer.entries.filter { !$0.memberOf.isEmpty }.count
        out += "  with same_as: \(withSameAs); with member_of: \(withMemberOf)\n"
        let unknownMembers = Set(gazetteer.entries.flatMap(\.memberOf)).filter { gazetteer[$0] == nil }.sorted()
        if !unknownMembers.isEmpty {
            out += "member_of targets not in these gazetteers: \(unknownMembers.count): "
            out += unknownMembers.prefix(10).map(Gazetteer.entityID).joined(separator: ", ")
            out += unknownMembers.count > 10 ? ", …\n" : "\n"
        }
        let shared = matcher.sharedNames()
        out += "names shared by several entities: \(shared.count)\n"
        for name in (limit < 0 ? shared[...] : shared.prefix(limit)) {
            let ids = name.entries.map { Gazetteer.entityID(gazetteer.entries[$0].iri) }
            out += "  \(name.name): \(ids.joined(separator: ", "))\n"
        }
        if limit >= 0 && shared.count > limit { out += "  … (\(shared.count - limit) more; --limit -1 lists all)\n" }
        return out
    }
}
