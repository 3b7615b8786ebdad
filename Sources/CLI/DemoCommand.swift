import ArgumentParser
import Foundation
import Logging
import Storage
import Web

/// `arrival demo`: creates the demo city (Vantaa) if it is missing, then exits. `--scale N` also fills it with N
/// activities, N/50 places, N/5 events and N/100 organisations, for benchmarks.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create the demo city and accounts.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Also add this many generated activities (with places, events and organisations in proportion).")
    var scale: Int?

    func validate() throws {
        if let scale, !(1...1_000_000).contains(scale) {
            throw ValidationError("--scale must be between 1 and 1,000,000")
        }
    }

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let logger = Logger(label: "arrival")
        let runtime = try await Runtime.open(database, logger: logger)
        let city = try await DemoSeed(repositories: runtime.repositories, hasher: BcryptHasher()).run(logger: logger)
        if let scale {
            let started = Date()
            try await ScaleSeed(repositories: runtime.repositories, activities: scale).run(city: city, logger: logger) {
                label, done, total in
                ProgressBar(total: total, label: label).update(done)
            }
            Console.say(
                String(
                    format: "Scale data for %d activities ready in %.1f s.", scale, Date().timeIntervalSince(started)))
        }
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
