import Foundation
import Pipeline
import Testing

@testable import TextGraphCommands

@Suite struct RunJournalTests {
    @Test func fileNamesWithTabsLineBreaksAndBackslashesSurviveTheJournal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("graph.nq").path
        let ids = ["corpus/a\tb.txt", "corpus/c\nd.txt", "corpus/e\\f\r.txt", "corpus/\\t.txt", "corpus/gewoon.txt"]
        var journal = RunJournal(output: output, fingerprint: "f")
        try journal.start(baseSizes: (0, 0))
        for (index, id) in ids.enumerated() {
            let failure =
                index == 1 ? DocumentFailure(documentID: id, stage: "Doc\treader", reason: "kapot\nbestand") : nil
            try journal.record(index: index, failure: failure, documentID: id, sizes: (index * 10, index))
        }
        var reloaded = RunJournal(output: output, fingerprint: "f")
        #expect(try reloaded.load())
        #expect(reloaded.entries.map(\.documentID) == ids)
        #expect(reloaded.entries[1].failure?.reason == "kapot\nbestand")
        #expect(reloaded.entries[1].failure?.stage == "Doc\treader")
        #expect(reloaded.resumeSizes.output == 40)
        // One line per document: nothing in an id breaks the journal's lines or fields.
        let text = try String(contentsOfFile: output + ".partial.journal", encoding: .utf8)
        #expect(text.split(separator: "\n").count == ids.count + 1)
        #expect(
            text.split(separator: "\n").dropFirst().allSatisfy {
                $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7
            })
    }
}
