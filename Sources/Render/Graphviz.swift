public import Foundation

/// Draws DOT as SVG with Graphviz's `dot`, when it is installed.
public enum Graphviz {
    /// The path of `dot` on `PATH`, if it is installed.
    public static var dotPath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The SVG of a DOT picture.
    /// - Throws: ``RenderError`` with ``RenderError/Code/graphvizMissing`` when `dot` is not
    ///   installed, ``RenderError/Code/graphvizFailed`` when it refuses the input.
    public static func svg(dot source: String) throws -> Data {
        guard let dot = dotPath else {
            throw RenderError(
                .graphvizMissing,
                "Graphviz's dot is not installed, so no SVG can be drawn (Debian: apt install graphviz); --dot FILE writes the DOT without it"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Write on another thread: dot may fill its output pipe before it has read all input.
        let data = Data(source.utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RenderError(
                .graphvizFailed,
                "dot refused the picture: "
                    + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return svg
    }
}
