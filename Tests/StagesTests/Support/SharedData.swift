import Foundation
import Testing

/// The real corpora in `../shared/data` beside the checkout.
///
/// A user's clone has no `../shared`: tests that need it are skipped there, visibly (Swift
/// Testing lists them as skipped with the reason). On CI (`CI=true`) the data must be there:
/// ``SharedDataPresenceTests`` fails otherwise, so CI never skips them silently.
enum SharedData {
    static let root = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

    static let reason: Comment = "needs ../shared/data beside the checkout (absent: test skipped)"

    /// A path below `../shared/data`.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The files of a folder below `../shared/data` with the given extension, sorted.
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
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(SharedData.isAvailable, "CI=true but \(SharedData.root.path) is missing: the data tests would be skipped")
        } else if !SharedData.isAvailable {
            print("note: \(SharedData.root.path) is absent; tests that need it are skipped")
        }
    }
}
