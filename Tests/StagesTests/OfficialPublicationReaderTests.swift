import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct OfficialPublicationReaderTests {
    static let handelingen = """
        <?xml version="1.0" encoding="utf-8"?>
        <officiele-publicatie>
         <metadata><meta content="https://zoek.officielebekendmakingen.nl/h-tk-20172018-70-2/metadata.xml" name="OVERHEIDop.externMetadataRecord"/></metadata>
         <handelingen><agendapunt>
          <nr>2</nr>
          <item-titel>Mededelingen</item-titel>
          <spreekbeurt>
           <spreker><voorvoegsels>De</voorvoegsels> <naam><achternaam>voorzitter</achternaam></naam>:</spreker>
           <tekst><al-groep><al>Ik deel aan de Kamer mee dat er geen afmeldingen zijn.</al></al-groep></tekst>
          </spreekbeurt>
         </agendapunt></handelingen>
        </officiele-publicatie>
        """

    func read(_ bytes: [UInt8]) async throws -> (Document, [String]) {
        var harness = StageHarness(OfficialPublicationReader())
        let out = try await harness.feed(SourceDocument(id: "h.xml", content: .bytes(bytes), format: .xml))
        #expect(try await harness.finish().isClean)
        #expect(out[0]._checkInvariants().isEmpty)
        return (out[0], harness.warnings.map(\.message))
    }

    @Test func readsParagraphsTitlesSpeakersAndIdentifier() async throws {
        let (document, warnings) = try await read(Array(Self.handelingen.utf8))
        #expect(warnings.isEmpty)
        #expect(
            document.text == "Mededelingen\n\nDe voorzitter:\n\nIk deel aan de Kamer mee dat er geen afmeldingen zijn.")
        #expect(document.metadata.identifier == "h-tk-20172018-70-2")
        #expect(document.metadata.title == "Mededelingen")
        let utterance = try #require(document[Utterances.self]?.first)
        #expect(utterance.speakerName == "De voorzitter")
        #expect(
            document.text(of: utterance.span)
                == "De voorzitter:\n\nIk deel aan de Kamer mee dat er geen afmeldingen zijn.")
    }

    @Test func damagedByteOrderMarkAndDoubleEncodingAreRepairedWithWarnings() async throws {
        let original = Self.handelingen.replacingOccurrences(of: "afmeldingen", with: "cliënten “afmeldingen”")
        // UTF-8 read as Windows-1252 and written as UTF-8 again, after a BOM that suffered the same.
        var latin: [UInt8] = [0xEF, 0xBB, 0xBF, 0x0A] + Array(original.utf8)
        let windows1252: [UInt8: UInt32] = [0x80: 0x20AC, 0x9C: 0x0153, 0x9D: 0x9D, 0x93: 0x201C, 0x94: 0x201D]
        var damaged: [UInt8] = []
        for byte in latin {
            let scalar = byte < 0x80 || byte >= 0xA0 ? UInt32(byte) : (windows1252[byte] ?? UInt32(byte))
            damaged += Array(String(Unicode.Scalar(scalar)!).utf8)
        }
        latin = damaged
        let (document, warnings) = try await read(latin)
        #expect(document.text.contains("cliënten “afmeldingen”"))
        #expect(warnings.count == 2)
        #expect(warnings[0].hasPrefix("removed a damaged byte-order mark"))
        #expect(warnings[1].hasPrefix("repaired double-encoded UTF-8"))
    }

    @Test func correctUTF8IsLeftAlone() async throws {
        let (document, warnings) = try await read(
            Array("<officiele-publicatie><al>cliënten Ã la carte, Â€ 5</al></officiele-publicatie>".utf8))
        #expect(document.text == "cliënten Ã la carte, Â€ 5")
        #expect(warnings.isEmpty)
    }

    @Test func otherRootsAreRejected() async {
        var harness = StageHarness(OfficialPublicationReader())
        let error = await #expect(throws: StageError.self) {
            _ = try await harness.feed(SourceDocument(id: "x.xml", content: .text("<TEI><p>x</p></TEI>"), format: .xml))
        }
        #expect(error?.message.contains("not an official publication") == true)
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func everyDamagedHandelingenFileIsReadOrExplained() async throws {
        for path in try SharedData.files(in: "handelingen-xml", ending: ".xml") {
            var harness = StageHarness(DocumentReader())
            let out = try await harness.feed(SourceDocument(id: path, content: .file(path), format: .xml))
            let document = try #require(out.first)
            #expect(document.metadata.format == "officiele-publicatie")
            #expect(!document.text.contains("Ã"), "\(path) still holds double-encoded text")
            #expect(document.metadata.identifier.map { path.contains($0) } == true)
        }
    }
}
