import Foundation

/// Trains a ``NamedEntityModel``: an averaged structured perceptron, Viterbi-decoded under the
/// BILOU constraints, the training sentences shuffled each epoch by a seeded generator (so the
/// same data and seed make the same model, byte for byte).
///
/// After each epoch the averaged model is scored on the development data, and the best epoch's
/// model is kept. The softmax temperature that turns scores into confidences is then fitted on
/// the development data (or on the training data when there is none).
public struct NamedEntityTrainer: Sendable {
    /// Bits of the feature hash (2^bits feature rows).
    public var hashBits = 20
    /// Passes over the training data.
    public var epochs = 12
    /// The seed of the shuffling.
    public var seed: UInt64 = 1
    /// How many runs, with the seeds from ``seed`` on, are trained and averaged into one model
    /// (their weights' mean): each run shuffles the data differently, and the mean of several
    /// perceptrons generalizes better than any one of them.
    public var seeds = 1
    /// What the features know of words (besides the clusters).
    public var lexicon = NamedEntityLexicon()
    /// Word clusters for the features, kept in the model.
    public var clusters: [String: UInt32] = [:]
    /// Whether the development score uses document consistency.
    public var consistent = true
    /// Free text written into the model file.
    public var provenance = ""

    /// Creates a trainer with the default settings.
    public init() {}

    /// One training sentence, its features and gold tags.
    private struct Example {
        var rows: [Int32]  // feature rows (times the tag count), NamedEntityFeatures.count per token
        var gold: [Int]
    }

    /// Trains on `training`, choosing the epoch by `development`.
    /// - Parameter progress: Receives a line per epoch.
    public func train(
        _ training: NamedEntityCorpus, development: NamedEntityCorpus?, progress: (String) -> Void = { _ in }
    ) -> NamedEntityModel {
        let types = Set(
            training.documents.joined().flatMap { $0.tags.filter { $0 != "O" }.map { String($0.dropFirst(2)) } }
        ).sorted()
        let tags = NamedEntityTags(types: types.isEmpty ? ["MISC"] : types)
        let count = tags.count
        var lexicon = self.lexicon
        lexicon.add(clusters: clusters)
        let features = NamedEntityFeatures(lexicon: lexicon)
        let shift = UInt64(64 - hashBits)
        var examples: [Example] = []
        for document in training.documents {
            let text = NamedEntityText(sentences: document)
            let hashes = features.extract(text, segments: text.sentences.map { .init(tokens: $0, sentence: $0) })
            var offset = 0
            for (sentence, range) in zip(document, text.sentences) {
                let rows = hashes[offset..<(offset + range.count * NamedEntityFeatures.count)].map {
                    Int32(truncatingIfNeeded: ($0 >> shift) &* UInt64(count))
                }
                offset += range.count * NamedEntityFeatures.count
                guard !range.isEmpty else { continue }
                let gold = tags.tags(of: Self.spans(sentence.tags, types: tags.types), count: range.count)
                examples.append(Example(rows: rows, gold: gold))
            }
        }
        var runs: [Run] = []
        for k in 0..<max(1, seeds) {
            let run = self.run(
                examples, tags: tags, seed: seed &+ UInt64(k), lexicon: lexicon, development: development,
                progress: progress)
            if development != nil { progress("seed \(seed &+ UInt64(k)): kept epoch \(run.epoch)") }
            runs.append(run)
        }
        var model = Self.model(averaging: runs, tags: tags, hashBits: hashBits, provenance: provenance)
        model.clusters = clusters
        if runs.count > 1, let development {
            let score = model.score(development, lexicon: lexicon, consistent: consistent)
            progress(
                String(
                    format: "%d seeds averaged: dev P %.4f R %.4f F1 %.4f", runs.count, score.total.precision,
                    score.total.recall, score.total.f1))
        }
        model.temperature = Self.fittedTemperature(model, on: development ?? training, lexicon: lexicon)
        progress(String(format: "confidence temperature %.3f", model.temperature))
        return model
    }

    /// The averaged weights of one training run, from its best epoch.
    struct Run {
        var weights: [Float]
        var transitions: [Float]
        var epoch: Int
    }

    /// A model whose weights are the mean of the runs' weights.
    static func model(averaging runs: [Run], tags: NamedEntityTags, hashBits: Int, provenance: String)
        -> NamedEntityModel
    {
        var weights = runs[0].weights
        var transitions = runs[0].transitions
        for run in runs.dropFirst() {
            for i in weights.indices { weights[i] += run.weights[i] }
            for i in transitions.indices { transitions[i] += run.transitions[i] }
        }
        if runs.count > 1 {
            let n = Float(runs.count)
            for i in weights.indices { weights[i] /= n }
            for i in transitions.indices { transitions[i] /= n }
        }
        return NamedEntityModel(
            tags: tags, hashBits: hashBits, weights: weights, transitions: transitions, temperature: 1,
            provenance: provenance)
    }

    /// Trains with one seed: ``epochs`` passes, keeping the averaged weights of the epoch that
    /// scores best on `development` (the last without).
    private func run(
        _ examples: [Example], tags: NamedEntityTags, seed: UInt64, lexicon: NamedEntityLexicon,
        development: NamedEntityCorpus?,
        progress: (String) -> Void
    ) -> Run {
        let count = tags.count
        var weights = [Float](repeating: 0, count: (1 << hashBits) * count)
        var sums = weights  // Σ c·Δw, for the average w − sums/c
        var transitions = [Float](repeating: 0, count: (count + 1) * count)
        var transitionSums = transitions
        var c: Float = 1
        var generator = SeededGenerator(seed: seed)
        var order = Array(examples.indices)
        var best: (run: Run, f1: Double)? = nil
        let started = Date()
        for epoch in 1...max(1, epochs) {
            order.shuffle(using: &generator)
            var mistakes = 0
            for index in order {
                if Self.update(&weights, &sums, &transitions, &transitionSums, on: examples[index], tags: tags, c: c) {
                    mistakes += 1
                }
                c += 1
            }
            let run = Run(
                weights: zip(weights, sums).map { $0 - $1 / c },
                transitions: zip(transitions, transitionSums).map { $0 - $1 / c }, epoch: epoch)
            var line = String(
                format: "epoch %2d: %5.1f%% of %d sentences wrong, %.0f s", epoch,
                100 * Double(mistakes) / Double(max(1, examples.count)), examples.count,
                Date().timeIntervalSince(started))
            if let development {
                var averaged = Self.model(averaging: [run], tags: tags, hashBits: hashBits, provenance: provenance)
                averaged.clusters = clusters
                let score = averaged.score(development, lexicon: lexicon, consistent: consistent)
                line += String(
                    format: "; dev P %.4f R %.4f F1 %.4f", score.total.precision, score.total.recall, score.total.f1)
                if best == nil || score.total.f1 > best!.f1 { best = (run, score.total.f1) }
            } else {
                best = (run, 0)
            }
            progress(line)
        }
        return best!.run
    }

    /// One perceptron step on one sentence: decodes it with the current weights and, when the
    /// tagging is wrong, moves the weights towards the gold tags (and the sums by `c`, for the
    /// average). Returns whether the tagging was wrong.
    private static func update(
        _ weights: inout [Float], _ sums: inout [Float], _ transitions: inout [Float], _ transitionSums: inout [Float],
        on example: Example,
        tags: NamedEntityTags, c: Float
    ) -> Bool {
        let count = tags.count
        let allowed = NamedEntityModel.Decoder.constrained(transitions, tags: tags)
        let endAllowed = (0..<count).map(tags.mayEnd)
        let n = example.gold.count
        var emissions = [Float](repeating: 0, count: n * count)
        weights.withUnsafeBufferPointer { w in
            for j in 0..<n {
                for f in 0..<NamedEntityFeatures.count {
                    let row = Int(example.rows[j * NamedEntityFeatures.count + f])
                    for l in 0..<count { emissions[j * count + l] += w[row + l] }
                }
            }
        }
        var scores: [Float] = []
        var back: [Int32] = []
        let predicted = NamedEntityModel.Decoder.viterbi(
            emissions: emissions, count: count, length: n, allowed: allowed,
            predecessors: NamedEntityModel.Decoder.Predecessors(allowed: allowed, count: count), endAllowed: endAllowed,
            scores: &scores, back: &back)
        guard predicted != example.gold else { return false }
        for j in 0..<n {
            let g = example.gold[j]
            let p = predicted[j]
            let gp = j == 0 ? count : example.gold[j - 1]
            let pp = j == 0 ? count : predicted[j - 1]
            if g != p {
                for f in 0..<NamedEntityFeatures.count {
                    let row = Int(example.rows[j * NamedEntityFeatures.count + f])
                    weights[row + g] += 1
                    sums[row + g] += c
                    weights[row + p] -= 1
                    sums[row + p] -= c
                }
            }
            if g != p || gp != pp {
                transitions[gp * count + g] += 1
                transitionSums[gp * count + g] += c
                transitions[pp * count + p] -= 1
                transitionSums[pp * count + p] -= c
            }
        }
        return true
    }

    /// The name spans of a BIO tagging, as type indices.
    static func spans(_ bio: [String], types: [String]) -> [NamedEntitySpan] {
        NamedEntityScore.chunks(bio).compactMap { chunk in
            types.firstIndex(of: chunk[2]).map { NamedEntitySpan(start: Int(chunk[0])!, end: Int(chunk[1])!, type: $0) }
        }.sorted { $0.start < $1.start }
    }

    /// The temperature that makes the local tag probabilities fit the gold tags best (log loss),
    /// among a geometric grid.
    static func fittedTemperature(_ model: NamedEntityModel, on corpus: NamedEntityCorpus, lexicon: NamedEntityLexicon)
        -> Float
    {
        let count = model.tags.count
        var decoder = NamedEntityModel.Decoder(model: model)
        let features = NamedEntityFeatures(lexicon: lexicon)
        var samples: [(local: [Float], gold: Int)] = []
        for document in corpus.documents.prefix(400) {
            let text = NamedEntityText(sentences: document)
            let hashes = features.extract(text, segments: text.sentences.map { .init(tokens: $0, sentence: $0) })
            var offset = 0
            for (sentence, range) in zip(document, text.sentences) {
                defer { offset += range.count * NamedEntityFeatures.count }
                guard !range.isEmpty else { continue }
                let gold = model.tags.tags(of: spans(sentence.tags, types: model.tags.types), count: range.count)
                _ = hashes.withUnsafeBufferPointer {
                    decoder.best(UnsafeBufferPointer(rebasing: $0[offset...]), length: range.count)
                }
                for j in 0..<range.count where gold[j] != 0 || (j > 0 && gold[j - 1] != 0) || j % 8 == 0 {
                    let previous = j == 0 ? count : gold[j - 1]
                    let local = (0..<count).map {
                        decoder.emissions[j * count + $0] + decoder.allowed[previous * count + $0]
                    }
                    samples.append((local, gold[j]))
                }
            }
        }
        var best: (Float, Double) = (1, .infinity)
        var temperature: Float = 0.125
        while temperature <= 256 {
            var loss = 0.0
            for sample in samples {
                let top = sample.local.max()!
                var total = 0.0
                for value in sample.local where value > -.infinity { total += exp(Double((value - top) / temperature)) }
                loss -= Double((sample.local[sample.gold] - top) / temperature) - log(total)
            }
            if loss < best.1 { best = (temperature, loss) }
            temperature *= 1.25
        }
        return best.0
    }
}

/// SplitMix64: a small seeded generator, so that shuffles are the same on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return NamedEntityHash.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }
}
