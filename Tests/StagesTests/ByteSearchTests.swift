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

    @Test func searchesAsBytesOnlyWhereFoundationWould() {
        func test(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { ByteSearch.searchesAsBytes($0) }
        }
        #expect(test("Vragen van het lid Öztürk (GroenLinks) aan de minister … “ingezonden” 5 mei – €"))
        #expect(test(""))
        // A combining mark, a soft hyphen, a dotted capital I and other scripts fall back.
        #expect(!test("lid\u{301}"))
        #expect(!test("vra\u{AD}gen"))
        #expect(!test("L\u{130}d"))
        #expect(!test("Ελλάδα"))
        #expect(!test("🙂"))
    }
}
