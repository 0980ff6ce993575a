public import ArgumentParser
import Foundation
import Pipeline
import Stages

/// `textgraph gazetteer import FORMAT INPUT... --output FILE.tsv`: writes a gazetteer from
/// another format.
public struct GazetteerImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Write a gazetteer (TSV) from a person list, an organization list, ISO 3166 codes, SKOS, CSV or open reference data.",
        discussion: """
            Formats: tei-persons (TEI listPerson, such as ParlaMint's), tei-orgs (TEI listOrg), \
            iso3166 (Debian iso-codes: iso_3166-1.json and a .mo or .po catalog; with no inputs, the \
            installed /usr/share files), skos (N-Triples; other RDF files are converted with rapper \
            from raptor2-utils first), csv (a header row naming the TSV's columns). Several inputs \
            combine into one gazetteer.

            Open reference data (scripts/build-gazetteers.sh runs these): bwb (bwb_regelingen_2017.tsv \
            and optionally bwb_afkortingen_uit_teksten.tsv: laws with their BWB ids), tk-people \
            (tk_personen.tsv and tk_fracties.tsv: members and parliamentary groups), tk-laws \
            (tk_wetgevingszaken.tsv: laws after 2017), tooi (the TOOI tables of municipalities, \
            provinces and water boards, and gemeenten_wikidata_tooi.tsv for Wikidata links), geonames \
            (GeoNames extracts; --attested keeps alternate names Dutch text uses), abbreviations \
            (afkortingen_definities.tsv; --known gazetteers whose entities get the abbreviations).
            """
    )

    /// The formats the command reads.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case teiPersons = "tei-persons"
        case teiOrgs = "tei-orgs"
        case iso3166
        case skos
        case csv
        case bwb
        case tkPeople = "tk-people"
        case tkLaws = "tk-laws"
        case tooi
        case geonames
        case abbreviations
    }

    @Argument(
        help:
            "The input format: tei-persons, tei-orgs, iso3166, skos, csv, bwb, tk-people, tk-laws, tooi, geonames or abbreviations."
    )
    public var format: Format

    @Argument(help: "The files to import.")
    public var inputs: [String] = []

    @Option(name: .shortAndLong, help: "The gazetteer file to write (.tsv), or - for standard output.")
    public var output: String

    @Option(
        name: .long, help: "The language of names that say none (tei-orgs, skos), or of the translations (iso3166).")
    public var language: String = "nl"

    @Option(name: .long, help: "skos: keep only labels in this language (repeatable; untagged labels are always kept).")
    public var keepLanguage: [String] = []

    @Option(name: .long, help: "skos: the schema.org class of concepts without one.")
    public var defaultType: String = "Thing"

    @Option(name: .long, help: "csv: the field separator.")
    public var delimiter: String = ","

    @Option(
        name: .long,
        help: "geonames: a file of names Dutch text attests, one a line; other alternate names are left out.")
    public var attested: String?

    @Option(
        name: .long, help: "geonames, abbreviations, bwb: a file of names never imported (common words), one a line.")
    public var exclude: String?

    @Option(name: .long, help: "geonames: the smallest population imported.")
    public var minimumPopulation: Int = 0

    @Option(
        name: .long,
        help: "abbreviations: gazetteers (TSV) whose entities receive the abbreviations of their names (repeatable).")
    public var known: [String] = []

    public init() {}

    static let isoJSON = "/usr/share/iso-codes/json/iso_3166-1.json"
    static func isoCatalog(_ language: String) -> String { "/usr/share/locale/\(language)/LC_MESSAGES/iso_3166-1.mo" }

    public func validate() throws {
        if format == .iso3166 {
            guard inputs.isEmpty || inputs.count == 2 else {
                throw ValidationError(
                    "iso3166 takes iso_3166-1.json and a .mo or .po catalog, or nothing for the installed files")
            }
            if inputs.count == 2 && inputs.filter({ $0.hasSuffix(".json") }).count != 1 {
                throw ValidationError("iso3166: one input must be the .json file, the other the .mo or .po catalog")
            }
        } else if inputs.isEmpty {
            throw ValidationError("give at least one file to import")
        }
        if delimiter.count != 1 { throw ValidationError("--delimiter must be one character") }
    }

    public func run() throws {
        do {
            let gazetteer = try imported()
            let comments = [
                "Imported by textgraph gazetteer import \(format.rawValue) from \(sources.joined(separator: ", "))",
                "Format: see Gazetteer (id, type, label@LANG, aliases, adjectives, same_as, member_of, page).",
            ]
            let text = try gazetteer.tsv(comments: comments)
            if output == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                let names = gazetteer.entries.reduce(0) {
                    $0 + $1.labels.count + $1.aliases.count + $1.adjectives.count
                }
                Console.info("wrote \(gazetteer.count) entries with \(names) names to \(output)")
            }
        } catch let error as StageError {
            Console.error(error.message)
            throw ExitCode(1)
        } catch let error as CocoaError {
            Console.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    /// The files read, as the output's header names them.
    var sources: [String] {
        format == .iso3166 && inputs.isEmpty ? [Self.isoJSON, Self.isoCatalog(language)] : inputs
    }

    /// The gazetteer of all inputs, combined in order.
    func imported() throws -> Gazetteer {
        switch format {
        case .iso3166:
            let json = sources.first { $0.hasSuffix(".json") }!
            let catalog = sources.first { !$0.hasSuffix(".json") }!
            return try ISO3166Importer(language: language).gazetteer(jsonPath: json, catalogPath: catalog)
        case .teiPersons:
            return try combined { try TEIPersonImporter().gazetteer(path: $0) }
        case .teiOrgs:
            return try combined { try TEIOrganizationImporter(defaultLanguage: language).gazetteer(path: $0) }
        case .csv:
            return try combined { try CSVGazetteerImporter(delimiter: delimiter.first!).gazetteer(path: $0) }
        case .bwb:
            let (abbreviations, regulations) = try Self.split(inputs, byColumn: "afkorting_of_verkorte_naam")
            guard regulations.count == 1, abbreviations.count <= 1 else {
                throw StageError(
                    .invalidData, "bwb takes bwb_regelingen_2017.tsv and optionally bwb_afkortingen_uit_teksten.tsv")
            }
            return try BWBImporter(excludedNames: try exclude.map(Self.nameList) ?? [])
                .gazetteer(regulationsPath: regulations[0], abbreviationsPath: abbreviations.first)
        case .tkPeople:
            let (persons, groups) = try Self.split(inputs, byColumn: "persoon_id")
            guard persons.count == 1, groups.count == 1 else {
                throw StageError(.invalidData, "tk-people takes tk_personen.tsv and tk_fracties.tsv")
            }
            return try TweedeKamerImporter().people(personsPath: persons[0], groupsPath: groups[0])
        case .tkLaws:
            return try combined { try TweedeKamerImporter().laws(casesPath: $0) }
        case .tooi:
            return try tooi()
        case .geonames:
            let importer = GeoNamesImporter(
                attestedNames: try attested.map(Self.nameList) ?? [],
                excludedNames: try exclude.map(Self.nameList) ?? [],
                minimumPopulation: minimumPopulation
            )
            return try importer.gazetteer(paths: inputs)
        case .abbreviations:
            let knownGazetteer = try known.reduce(Gazetteer()) { $0.combining(try Gazetteer.load(path: $1)) }
            let importer = AbbreviationImporter(
                known: knownGazetteer, excludedNames: try exclude.map(Self.nameList) ?? [])
            return try combined { try importer.gazetteer(path: $0) }
        case .skos:
            let importer = SKOSImporter(
                defaultType: defaultType.contains(":") && !defaultType.hasPrefix("schema:")
                    ? IRI(defaultType) : .schema(defaultType.replacingOccurrences(of: "schema:", with: "")),
                defaultLanguage: language,
                languages: keepLanguage.isEmpty ? nil : Set(keepLanguage.map { $0.lowercased() })
            )
            return try combined { path in
                let text = try Self.nTriples(path)
                return importer.gazetteer(from: try NTriplesReader.triples(in: text, source: path))
            }
        }
    }

    /// The TOOI inputs told apart by their contents: the Wikidata crosswalk by its columns, the
    /// registers by the kind of organisation in their `types` column.
    private func tooi() throws -> Gazetteer {
        var paths: [String: String] = [:]
        for path in inputs {
            let table = try TabularFile(path: path)
            if table.header.contains("wikidata_qid") {
                paths["wikidata"] = path
            } else if let kind = table.rows.first?["types"], ["Gemeente", "Provincie", "Waterschap"].contains(kind) {
                paths[kind] = path
            } else {
                throw StageError(
                    .invalidData,
                    "\(path): neither a TOOI register of municipalities, provinces or water boards nor the Wikidata crosswalk"
                )
            }
        }
        return try TOOIImporter().gazetteer(
            municipalitiesPath: paths["Gemeente"],
            provincesPath: paths["Provincie"],
            waterBoardsPath: paths["Waterschap"],
            wikidataPath: paths["wikidata"]
        )
    }

    /// The inputs whose header has a column, and the others.
    static func split(_ paths: [String], byColumn column: String) throws -> ([String], [String]) {
        var with: [String] = []
        var without: [String] = []
        for path in paths {
            if try TabularFile(path: path).header.contains(column) { with.append(path) } else { without.append(path) }
        }
        return (with, without)
    }

    /// The names of a word-list file (one a line, `#` comments), folded as the matcher folds them.
    static func nameList(_ path: String) throws -> Set<String> {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
        }
        return Set(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty && !$0.hasPrefix("#")
            }
            .map(Gazetteer.foldedName)
        )
    }

    private func combined(_ load: (String) throws -> Gazetteer) throws -> Gazetteer {
        try inputs.reduce(Gazetteer()) { $0.combining(try load($1)) }
    }

    /// The N-Triples text of an RDF file: an `.nt` file as it is, any other converted by rapper.
    static func nTriples(_ path: String) throws -> String {
        if path.hasSuffix(".nt") {
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw StageError(.unreadable, "cannot read \(path): \(error.localizedDescription)", cause: error)
            }
        }
        let syntax: [String]
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "ttl", "turtle": syntax = ["-i", "turtle"]
        case "rdf", "owl", "xml": syntax = ["-i", "rdfxml"]
        case "n3": syntax = ["-i", "turtle"]
        default: syntax = ["-g"]
        }
        let command = "rapper -q \(syntax.joined(separator: " ")) -o ntriples \(path)"
        guard
            let rapper = ["/usr/bin/rapper", "/usr/local/bin/rapper"].first(
                where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw StageError(
                .unreadable,
                "\(path) is not N-Triples (.nt) and rapper is not installed: install raptor2-utils, or convert it with '\(command) > FILE.nt'"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rapper)
        process.arguments = ["-q"] + syntax + ["-o", "ntriples", path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot block rapper.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason =
                String(decoding: errorData, as: UTF8.self).split(separator: "\n").first.map(String.init)
                ?? "exit status \(process.terminationStatus)"
            throw StageError(.invalidData, "\(path): rapper could not read it: \(reason)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
