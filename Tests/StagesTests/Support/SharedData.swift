import Foundation
import Testing

/// The project's evaluation data in `../shared/data`, for tests that read it.
///
/// Where the folder is absent (a checkout without it), such tests are skipped with a message
/// that says so; with `CI=true` they run anyway and fail on the missing file, so CI never
/// passes by skipping them.
enum SharedData {
    /// `../shared/data`, beside the package root.
    static let root = Fixtures.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("data")

    /// Whether the data must be there (`CI=true`).
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether the data folder exists.
    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// The condition for tests that read the data: it is there, or CI requires it.
    static var enabled: Bool { isPresent || isRequired }

    /// The message shown when such a test is skipped.
    static let skipMessage: Comment = "skipped: ../shared/data is absent (with CI=true this test fails instead)"

    /// The path of a data file; throws, failing the test, when it is missing.
    static func path(_ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return url.path
    }
}
