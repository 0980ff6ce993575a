import Foundation
import TextGraphCommands

#if os(Linux)
    import CMallocTuning
#endif

/// The program's entry point: runs the command line and exits with its status.
@main
enum TextGraphEntryPoint {
    static func main() async {
        keepFreedMemory()
        exit(await TextGraphCommand.execute())
    }

    /// Tells glibc's allocator to keep freed memory for reuse: the pipeline allocates and frees
    /// the same few megabytes for every document (text, layers, the encoded graph), and by
    /// default glibc gives large blocks back to the system at once and takes them again for the
    /// next document, a page fault for every 4 KiB (ten times as many page faults on a corpus,
    /// some 7% of the time). Memory stays bounded by the run's window of documents.
    private static func keepFreedMemory() {
        #if os(Linux)
            _ = mallopt(M_MMAP_THRESHOLD, 16 << 20)
            _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
    }
}
