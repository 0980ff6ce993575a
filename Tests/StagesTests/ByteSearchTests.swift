@testable import Stages
import Testing

@Suite struct ByteSearchTests {
    @Test func findsWordsAndPrefixes() {
        var text = "Vragen van de LEDEN Ojik"
        text.withUTF8 { bytes in
            #expect(ByteSearch.contains(bytes, "van de"))
            #expect(!ByteSearch.contains(bytes, "leden"))
            #expect(ByteSearch.containsIgnoringASCIICase(bytes, "vragen van de leden"))
            #expect(!ByteSearch.containsIgnoringASCIICase(bytes, "vragen van het lid"))
            #expect(ByteSearch.hasPrefix(bytes, "Vragen "))
            #expect(!ByteSearch.hasPrefix(bytes, "vragen"))
            #expect(ByteSearch.contains(bytes, "Ojik") && !ByteSearch.contains(bytes, "Ojik!"))
        }
    }
}
