import Foundation
import Testing

/// The project's evaluation data in `../shared/data`, for tests that read it.
///
/// Where the folder is absent (a user's clone has no `../shared`), such tests are skipped with a
/// message that says so; with `CI=true` they run anyway and fail on the missing file, so CI never
/// passes by skipping them. ``SharedDataPresenceTests`` fails on CI when the folder is missing.
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

    /// The files of a folder below `../shared/data` with the given ending, sorted.
    static func files(in folder: String, ending suffix: String) throws -> [String] {
        let directory = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
            .map { directory.appendingPathComponent($0).path }
    }
}

@Suite struct SharedDataPresenceTests {
    @Test func sharedDataIsPresentOnCI() {
        if SharedData.isRequired {
            #expect(
                SharedData.isPresent, "CI=true but \(SharedData.root.path) is missing: the data tests would not run")
        } else if !SharedData.isPresent {
            print("note: \(SharedData.root.path) is absent; tests that need it are skipped")
        }
    }
}
