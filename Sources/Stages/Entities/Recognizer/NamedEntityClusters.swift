import Foundation
import TextGraphSupport

/// Word clusters learned from unlabelled text, for the recognizer's features: words that occur
/// before the same words share a cluster ("Antwerpen" with "Gent", "Dehaene" with "Verhofstadt").
///
/// The predictive exchange algorithm (Uszkoreit & Brants 2008): each word is moved, in turn, to
/// the cluster that makes the words following it most predictable from the cluster, until a
/// pass moves few. Words seen fewer than `minimumCount` times are not clustered. Deterministic.
public struct NamedEntityClusters: Sendable {
    /// The cluster of each word, by the word as written.
    public var clusters: [String: UInt32]

    /// Creates clusters from a table.
    public init(clusters: [String: UInt32]) { self.clusters = clusters }

    /// Learns clusters from sentences of tokens.
    /// - Parameters:
    ///   - sentences: The tokens of each sentence.
    ///   - classes: The number of clusters.
    ///   - minimumCount: Words seen less often are left out.
    ///   - iterations: Passes over the vocabulary.
    ///   - progress: Receives a line per pass.
    public static func learn(
        _ sentences: [[String]], classes: Int = 128, minimumCount: Int = 3, iterations: Int = 8,
        progress: (String) -> Void = { _ in }
    ) -> NamedEntityClusters {
        var counts: [String: Int] = [:]
        for sentence in sentences { for word in sentence { counts[word, default: 0] += 1 } }
        let vocabulary = counts.filter { $0.value >= minimumCount }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }.map(\.key)
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let v = vocabulary.count
        let unknown = v  // the successor id of words not in the vocabulary and of the sentence end
        // Successor counts of each word: (successor, count).
        var pairs: [Int: Int] = [:]
        for sentence in sentences {
            let ids = sentence.map { index[$0] ?? unknown }
            for k in ids.indices where ids[k] != unknown {
                let next = k + 1 < ids.count ? ids[k + 1] : unknown
                pairs[ids[k] * (v + 1) + next, default: 0] += 1
            }
        }
        var successors = [[(Int, Int)]](repeating: [], count: v)
        for (key, n) in pairs.sorted(by: { $0.key < $1.key }) { successors[key / (v + 1)].append((key % (v + 1), n)) }
        let totals = successors.map { $0.reduce(0) { $0 + $1.1 } }
        var cluster = (0..<v).map { $0 % classes }
        var classSuccessor = [Double](repeating: 0, count: classes * (v + 1))
        var classTotal = [Double](repeating: 0, count: classes)
        for word in 0..<v {
            for (next, n) in successors[word] { classSuccessor[cluster[word] * (v + 1) + next] += Double(n) }
            classTotal[cluster[word]] += Double(totals[word])
        }
        @inline(__always) func f(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
        for iteration in 1...max(1, iterations) {
            var moved = 0
            for word in 0..<v {
                let from = cluster[word]
                let total = Double(totals[word])
                for (next, n) in successors[word] { classSuccessor[from * (v + 1) + next] -= Double(n) }
                classTotal[from] -= total
                var best = from
                var bestGain = -Double.infinity
                for c in 0..<classes {
                    var gain = f(classTotal[c]) - f(classTotal[c] + total)
                    let base = c * (v + 1)
                    for (next, n) in successors[word] {
                        let old = classSuccessor[base + next]
                        gain += f(old + Double(n)) - f(old)
                    }
                    if gain > bestGain + 1e-9 {
                        bestGain = gain
                        best = c
                    }
                }
                for (next, n) in successors[word] { classSuccessor[best * (v + 1) + next] += Double(n) }
                classTotal[best] += total
                if best != from {
                    cluster[word] = best
                    moved += 1
                }
            }
            progress("clusters: pass \(iteration), \(moved) of \(v) words moved")
            if moved < v / 200 { break }
        }
        return NamedEntityClusters(
            clusters: Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, UInt32(cluster[$0])) }))
    }

    /// Reads clusters from a file of `word<TAB>cluster` lines.
    public static func load(path: String) throws -> NamedEntityClusters {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "\(path): cannot read the clusters file")
        }
        var clusters: [String: UInt32] = [:]
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let id = UInt32(fields[1]) else {
                throw StageError(.invalidData, "\(path): line \(number + 1) is not 'word<TAB>cluster'")
            }
            clusters[String(fields[0])] = id
        }
        return NamedEntityClusters(clusters: clusters)
    }

    /// The `word<TAB>cluster` lines, sorted by word.
    public var tsv: String { clusters.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined() }
}
