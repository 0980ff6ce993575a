/// The entity ids of the organizations ParlaMint-NL refers to (`#party.VVD`, `#ministry.BZ`,
/// `#TK`), so that people's parties and the organization list land on the bundled entities.
///
/// Known references map to the ids of `organizations.tsv` (`party.VVD` → `party/vvd`,
/// `party.GL` and `party.GroenLinks` → `party/groenlinks`, `ministry.JENV` →
/// `gov/ministerie-van-justitie-en-veiligheid`, `TK` → `gov/tweede-kamer`). Any other
/// reference gets an id of its own from its name: `party.GroepKuzu-Öztürk` →
/// `party/groepkuzu-ozturk`, `ministry.X` → `gov/ministry-x`, anything else `org/<slug>`;
/// both importers use this one rule, so a person's `member_of` finds the organization that
/// ``TEIOrganizationImporter`` writes from the same corpus.
public enum ParlaMintOrganizations {
    /// ParlaMint references (without `#`) and the bundled entity ids they denote.
    public static let knownIDs: [String: String] = [
        "party.VVD": "party/vvd", "party.PVV": "party/pvv", "party.CDA": "party/cda", "party.D66": "party/d66",
        "party.GL": "party/groenlinks", "party.GroenLinks": "party/groenlinks", "party.PvdA": "party/pvda",
        "party.GL-PvdA": "party/groenlinks-pvda", "party.GLPvdA": "party/groenlinks-pvda",
        "party.SP": "party/sp", "party.CU": "party/christenunie", "party.ChristenUnie": "party/christenunie",
        "party.SGP": "party/sgp", "party.PvdD": "party/pvdd", "party.DENK": "party/denk", "party.FvD": "party/fvd",
        "party.FVD": "party/fvd", "party.JA21": "party/ja21", "party.VOLT": "party/volt", "party.Volt": "party/volt",
        "party.BBB": "party/bbb", "party.NSC": "party/nsc", "party.50PLUS": "party/50plus", "party.BIJ1": "party/bij1",
        "party.BVNL": "party/bvnl",
        "ministry.AZ": "gov/ministerie-van-algemene-zaken",
        "ministry.BZK": "gov/ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties",
        "ministry.BZ": "gov/ministerie-van-buitenlandse-zaken",
        "ministry.DEF": "gov/ministerie-van-defensie",
        "ministry.EZK": "gov/ministerie-van-economische-zaken",
        "ministry.FIN": "gov/ministerie-van-financien",
        "ministry.IENW": "gov/ministerie-van-infrastructuur-en-waterstaat",
        "ministry.JENV": "gov/ministerie-van-justitie-en-veiligheid",
        "ministry.LNV": "gov/ministerie-van-landbouw-visserij-voedselzekerheid-en-natuur",
        "ministry.OCW": "gov/ministerie-van-onderwijs-cultuur-en-wetenschap",
        "ministry.SZW": "gov/ministerie-van-sociale-zaken-en-werkgelegenheid",
        "ministry.VWS": "gov/ministerie-van-volksgezondheid-welzijn-en-sport",
        "GOV": "gov/rijksoverheid", "TK": "gov/tweede-kamer", "EK": "gov/eerste-kamer",
    ]

    /// The entity id of a ParlaMint organization reference (with or without `#`).
    public static func entityID(for reference: String) -> String {
        let reference = reference.hasPrefix("#") ? String(reference.dropFirst()) : reference
        if let known = knownIDs[reference] { return known }
        if reference.hasPrefix("party.") { return "party/" + Gazetteer.slug(String(reference.dropFirst(6))) }
        if reference.hasPrefix("ministry.") { return "gov/ministry-" + Gazetteer.slug(String(reference.dropFirst(9))) }
        return "org/" + Gazetteer.slug(reference)
    }

    /// Whether a reference names a party or parliamentary group (`party.*`).
    public static func isParty(_ reference: String) -> Bool {
        (reference.hasPrefix("#") ? reference.dropFirst() : Substring(reference)).hasPrefix("party.")
    }
}
