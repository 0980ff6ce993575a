/// Lays ranges of markup (sentences, mentions) over a text and writes well-formed HTML, however
/// the ranges overlap.
///
/// Each range has a level: a lower level encloses a higher one (sentences enclose mentions). A
/// range that starts inside another and ends after it is closed where the other closes and
/// opened again after it, so elements always nest, as HTML requires. The text between the
/// boundaries is escaped with ``HTMLText/escape(_:)``.
///
/// ```
/// text:      Nuctech in China. Ja.
/// ranges:    [sentence 0..<17] [sentence 18..<21] [mention 0..<7 Nuctech] [mention 11..<16 China]
/// html:      <span class="s"><a …>Nuctech</a> in <a …>China</a>.</span> <span class="s">Ja.</span>
/// ```
struct TextMarkup {
    /// One range of markup.
    struct Range {
        /// The first UTF-8 offset.
        var start: Int
        /// The UTF-8 offset just past the range.
        var end: Int
        /// Lower levels enclose higher ones.
        var level: Int
        /// The opening tag, written at the start (again after each split).
        var open: String
        /// The closing tag.
        var close: String
    }

    /// The ranges.
    var ranges: [Range] = []

    /// The HTML of `text` with the ranges laid over it.
    func html(of text: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 2)
        // Opening order: by start, then lower level, then longer first.
        let order = ranges.indices.filter { ranges[$0].start < ranges[$0].end && ranges[$0].end <= text.count }.sorted {
            let a = ranges[$0]
            let b = ranges[$1]
            if a.start != b.start { return a.start < b.start }
            if a.level != b.level { return a.level < b.level }
            if a.end != b.end { return a.end > b.end }
            return $0 < $1
        }
        var boundaries = Set<Int>([0, text.count])
        for index in order {
            boundaries.insert(ranges[index].start)
            boundaries.insert(ranges[index].end)
        }
        var open: [Int] = []  // indices into ranges, outermost first
        var next = 0
        let positions = boundaries.sorted()
        for (position, following) in zip(positions, positions.dropFirst()) {
            closeEnded(at: position, open: &open, output: &output)
            while next < order.count, ranges[order[next]].start == position {
                let index = order[next]
                // An enclosing range must stay outside: open it only where it nests.
                reopen(index, open: &open, output: &output)
                next += 1
            }
            HTMLText.escape(utf8: text[position..<following], into: &output, marksBidi: true)
        }
        for index in open.reversed() { output += ranges[index].close.utf8 }
        return String(decoding: output, as: UTF8.self)
    }

    /// Closes the ranges that end at `position`, closing and reopening any opened inside them
    /// that go on.
    private func closeEnded(at position: Int, open: inout [Int], output: inout [UInt8]) {
        guard let firstEnded = open.firstIndex(where: { ranges[$0].end <= position }) else { return }
        let goingOn = open[firstEnded...].filter { ranges[$0].end > position }
        for index in open[firstEnded...].reversed() { output += ranges[index].close.utf8 }
        open.removeSubrange(firstEnded...)
        for index in goingOn {
            open.append(index)
            output += ranges[index].open.utf8
        }
    }

    /// Opens a range inside the open ones; ranges of a higher level that are open are closed
    /// around it and reopened inside it, so that levels nest.
    private func reopen(_ index: Int, open: inout [Int], output: inout [UInt8]) {
        let level = ranges[index].level
        guard let firstDeeper = open.firstIndex(where: { ranges[$0].level > level }) else {
            open.append(index)
            output += ranges[index].open.utf8
            return
        }
        let deeper = Array(open[firstDeeper...])
        for inner in deeper.reversed() { output += ranges[inner].close.utf8 }
        open.removeSubrange(firstDeeper...)
        open.append(index)
        output += ranges[index].open.utf8
        for inner in deeper {
            open.append(inner)
            output += ranges[inner].open.utf8
        }
    }
}
