import CLibFuzzer

/// The entry of a fuzz target: hands libFuzzer's driver the command line and the test function.
///
/// A release build links an executable target on Linux with `main` defined as `<target>_main`, so
/// each target defines that symbol with `@_cdecl` (and no top-level code, no `@main`) and calls
/// this. A debug build links no such alias: libFuzzer's own `main` is linked and calls
/// `LLVMFuzzerTestOneInput`, so the test function carries that name too:
///
/// ```swift
/// @_cdecl("TokenizerFuzzer_main")
/// func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
///     FuzzEntry.run(argc, argv, testOneInput)
/// }
///
/// @_cdecl("LLVMFuzzerTestOneInput")
/// func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { … }
/// ```
public enum FuzzEntry {
    /// The test function libFuzzer calls with each input; it returns 0.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs libFuzzer's driver over `test` with the process's arguments.
    public static func run(
        _ argc: Int32,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        _ test: TestOneInput
    ) -> Int32 {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }

    /// The input as bytes (libFuzzer may pass a null pointer with size 0).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
