import Foundation
import Testing

/// The `arrival` executable run as a person runs it, on a SQLite database of its own in a temporary folder.
@Suite("Command line: organisations export and import")
struct OrganisationsCommandsTests {
    /// The `arrival` binary the build put beside the test runner (`swift build --build-tests` builds both).
    static func executable() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("arrival")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw CommandFailed(output: "no arrival executable near \(CommandLine.arguments[0]); run `swift build` first")
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { output }
    }

    /// Runs `arrival` with `arguments` on the SQLite database in `folder`; throws with its output when it fails.
    static func arrival(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments + ["--data-dir", folder.path]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["LOG_LEVEL"] = "warning"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(
                output: "arrival \(arguments.joined(separator: " ")): \(String(decoding: printed, as: UTF8.self))")
        }
    }

    @Test("the export command writes names that look like formulas with an apostrophe, and imports them back")
    func exportNeutralisesFormulasAndRoundTrips() throws {
        // given the demo city and an organisation whose name and description a spreadsheet would run
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrival-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.arrival(["demo"], in: folder)
        let input = folder.appendingPathComponent("new.csv")
        try Data("kind,name_fi,description_fi\nngo,'=SUM(A1),-x\n".utf8).write(to: input)
        try Self.arrival(["import", "organisations", input.path, "--city", "vantaa"], in: folder)
        // when
        let first = folder.appendingPathComponent("first.csv")
        try Self.arrival(["export", "organisations", "--city", "vantaa", "--output", first.path], in: folder)
        // then
        let text = String(decoding: try Data(contentsOf: first), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}id,kind,name_fi"))
        #expect(text.contains(",'=SUM(A1),") && text.contains(",'-x,"))
        #expect(!text.contains(",=") && !text.contains(",\"=") && !text.contains(",-x,"))
        // when the export is imported back and exported again
        try Self.arrival(["import", "organisations", first.path, "--city", "vantaa"], in: folder)
        let second = folder.appendingPathComponent("second.csv")
        try Self.arrival(["export", "organisations", "--city", "vantaa", "--output", second.path], in: folder)
        // then nothing changed
        #expect(try Data(contentsOf: second) == Data(contentsOf: first))
    }
}
