import Stages
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

    @Test func occurrencesAnchoredOnTheRarestByteFindWhatANaiveSearchFinds() {
        let text = Array("ingezonden, ingezonden 3 mei; zo ingezonden. Vragen van de leden; vragen van het lid Ö".utf8)
        func naive(_ needle: String, from start: Int, before limit: Int) -> [Int] {
            let pattern = Array(needle.utf8)
            guard text.count >= pattern.count else { return [] }
            return (max(0, start)...(text.count - pattern.count)).filter {
                $0 < limit && Array(text[$0..<($0 + pattern.count)]) == pattern
            }
        }
        func search(_ needle: StaticString, from start: Int = 0, before limit: Int, first: Bool = false) -> [Int] {
            text.withUnsafeBufferPointer {
                ByteSearch.occurrences(of: needle, in: $0, from: start, before: limit, first: first)
            }
        }
        #expect(search("ingezonden", before: text.count) == naive("ingezonden", from: 0, before: text.count))
        #expect(search("ingezonden", before: text.count).count == 3)
        #expect(search("ingezonden", from: 1, before: text.count) == naive("ingezonden", from: 1, before: text.count))
        // Starts before the limit count, even where the needle runs past it.
        #expect(search("ingezonden", before: 13) == [0, 12])
        #expect(search("ingezonden", before: 12) == [0])
        #expect(search("ingezonden", from: 5, before: text.count, first: true) == [12])
        #expect(search("vragen van ", before: text.count) == naive("vragen van ", from: 0, before: text.count))
        #expect(search("Ö", before: text.count) == [text.count - 2])
        #expect(search("afwezig", before: text.count).isEmpty)
        #expect(search("ingezonden", from: 80, before: 200).isEmpty)
    }
}
