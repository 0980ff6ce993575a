extension Gazetteer {
    /// The slug of a name, as entity ids use it: `person/<slug>` for people.
    ///
    /// Lowercase, without diacritics (folded as the matcher folds them), apostrophes dropped,
    /// every other run of characters that are not letters or digits made one `-`, none at
    /// either end. This is the rule the bundled `people.tsv` follows, so an imported person
    /// gets the IRI of the bundled one with the same name, and the two combine.
    ///
    /// ```swift
    /// Gazetteer.slug("Dilan Yeşilgöz-Zegerius")  // "dilan-yesilgoz-zegerius"
    /// Gazetteer.slug("Bas van 't Wout")           // "bas-van-t-wout"
    /// ```
    public static func slug(_ name: String) -> String {
        let foldedBytes = TextFolding.shared.fold(name)
        if foldedBytes.allSatisfy({ $0 < 0x80 }) { return asciiSlug(foldedBytes) }
        let folded = String(decoding: foldedBytes, as: UTF8.self)
        var slug = ""
        var pendingSeparator = false
        for scalar in folded.unicodeScalars {
            if scalar == "'" { continue }
            let isASCIIAlphanumeric = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            let isOtherAlphanumeric =
                !scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            if isASCIIAlphanumeric || isOtherAlphanumeric {
                if pendingSeparator && !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return slug
    }

    /// ``slug(_:)`` of a folded name that is all ASCII, on its bytes.
    private static func asciiSlug(_ folded: [UInt8]) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(folded.count)
        var pendingSeparator = false
        for byte in folded where byte != 0x27 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingSeparator && !slug.isEmpty { slug.append(0x2D) }
                pendingSeparator = false
                slug.append(byte)
            } else {
                pendingSeparator = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}
