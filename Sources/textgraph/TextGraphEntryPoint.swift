import Foundation
import TextGraphCommands

/// The program's entry point: runs the command line and exits with its status.
@main
enum TextGraphEntryPoint {
    static func main() async {
        exit(await TextGraphCommand.execute())
    }
}
