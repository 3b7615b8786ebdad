import ArgumentParser
import Logging

/// `arrival migrate`: applies pending schema steps and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let runtime = try await Runtime.open(database, logger: Logger(label: "arrival"))
        await runtime.close()
        Console.say("Database is up to date.")
    }
}
