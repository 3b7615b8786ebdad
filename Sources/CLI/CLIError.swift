/// A problem with the command's input or data, printed as `Error: …` without the usage text.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
