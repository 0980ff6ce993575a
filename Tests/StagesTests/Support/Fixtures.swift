import Foundation
import Pipeline
import Stages

/// Paths and shared data for the stage tests.
enum Fixtures {
    /// The package's root folder.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of a file in `corpus/`.
    static func corpusText(_ name: String) throws -> String {
        try String(
            contentsOf: packageRoot.appendingPathComponent("corpus").appendingPathComponent(name), encoding: .utf8)
    }

    static let answers2019 = "2019Z15231-antwoorden-export-cybersurveillance.txt"
    static let questions2024 = "2024Z01911-vragen-nuctech-douanescanners.txt"

    /// The bundled gazetteer, loaded once.
    static let gazetteer: Gazetteer = {
        do { return try Gazetteer.bundled() } catch { fatalError("bundled gazetteer: \(error)") }
    }()

    /// The bundled gazetteer, indexed once.
    static let matcher = GazetteerMatcher(gazetteer: gazetteer)

    /// A document read, tokenized and split as the standard pipeline does.
    static func segmented(_ text: String, id: String = "d") throws -> Document {
        var document = Document(id: id, text: text)
        document[Blocks.self] = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
        document[Tokens.self] = Tokenizer().tokenize(text)
        document[Sentences.self] = SentenceSplitter().split(
            text, tokens: document[Tokens.self]!, blocks: document[Blocks.self])
        return document
    }
}

extension Document {
    /// The texts of a layer's spans.
    func texts(_ spans: [Span]) -> [String] { spans.map { text(of: $0) } }
}
