import ArgumentParser
import Logging
import Storage
import Web

/// `arrival demo`: creates the demo city (Vantaa) if it is missing, then exits.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create the demo city and accounts.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let logger = Logger(label: "arrival")
        let runtime = try await Runtime.open(database, logger: logger)
        try await DemoSeed(repositories: runtime.repositories, hasher: BcryptHasher()).run(logger: logger)
        DemoCommand.printAccounts()
        await runtime.close()
    }

    static func printAccounts() {
        Console.say("Demo accounts (email / password):")
        for account in DemoSeed.accounts {
            let role = account.role.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            Console.say("  \(role) \(account.email) / \(account.password)")
        }
    }
}
