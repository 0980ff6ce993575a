import Stages
import Testing

@testable import TextGraphOutput

/// ``SharedLineSet`` decides which shared lines a sink writes: each exactly once.
@Suite struct SharedLineSetTests {
    @Test func eachLineIsNewOnceThroughEveryGrowthOfTheTable() {
        var set = SharedLineSet()
        // Lines of every length around the eight-byte words the hash reads, many more than the
        // first table holds, and lines that differ only in their last byte.
        let lines = (0..<5000).map { Array("<e\($0)> <p> \"\(String(repeating: "x", count: $0 % 19))\" .\n".utf8) }
        #expect(lines.allSatisfy { set.insert($0) })
        #expect(lines.allSatisfy { !set.insert($0) })
        let lastByteDiffers = set.insert(Array("<e1> <p> \"x\" .\r".utf8))
        let emptyFirst = set.insert([])
        let emptyAgain = set.insert([])
        #expect(lastByteDiffers && emptyFirst && !emptyAgain)
    }

    @Test func removingAllMakesEveryLineNewAgain() {
        var set = SharedLineSet()
        let line = Array("<a> <b> <c> .\n".utf8)
        let first = set.insert(line)
        set.removeAll()
        let afterRemoval = set.insert(line)
        let again = set.insert(line)
        #expect(first && afterRemoval && !again)
    }
}
