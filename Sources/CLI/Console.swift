import Foundation

/// Writes a line to standard output at once (not buffered), so the address and accounts a person needs
/// appear even when the output goes to a file or a pipe.
enum Console {
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
