public import Pipeline

/// The data sets gazetteer entries come from, as the IRIs written with `dcterms:source`.
///
/// Each importer stamps its entries with its data set, and the bundled hand-made lists with
/// ``curated``, so a user can tell (and query) where an entity's description came from and
/// join it with the official register.
public enum GazetteerSource {
    /// The hand-made lists bundled with TextGraph.
    public static let curated = IRI("https://w3id.org/textgraph/gazetteer/curated")
    /// The Basiswettenbestand (BWB), the register of Dutch laws and regulations.
    public static let bwb = IRI("https://wetten.overheid.nl/")
    /// The Tweede Kamer's open data (members, parliamentary groups, bills).
    public static let tweedeKamer = IRI("https://opendata.tweedekamer.nl/")
    /// TOOI, the government's register of organisations (municipalities, provinces, water boards).
    public static let tooi = IRI("https://standaarden.overheid.nl/tooi")
    /// GeoNames, the geographical database (CC BY 4.0).
    public static let geoNames = IRI("https://www.geonames.org/")
    /// Abbreviations and their long forms mined from Dutch laws and parliamentary papers.
    public static let minedAbbreviations = IRI("https://w3id.org/textgraph/gazetteer/mined-abbreviations")

    /// The official page of a law or regulation in the BWB: `https://wetten.overheid.nl/BWBR0005416`.
    public static func bwbPage(_ identifier: String) -> String { "https://wetten.overheid.nl/" + identifier }
}
