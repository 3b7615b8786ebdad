import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Storage
import Web

/// `arrival serve`: migrates, optionally creates the demo, and serves HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the web server.")

    @Flag(help: "Create the demo city (Vantaa) and demo accounts if they are missing.") var demo = false
    @Option(help: "Address to listen on (env ARRIVAL_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (env ARRIVAL_PORT; default 8080).") var port: Int?
    @Option(help: "Public address used in emailed links (env ARRIVAL_PUBLIC_URL).") var publicURL: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let logger = Logger(label: "arrival")
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["ARRIVAL_HOST"] ?? "127.0.0.1"
        let port = port ?? environment["ARRIVAL_PORT"].flatMap(Int.init) ?? 8080
        let publicURL = publicURL ?? environment["ARRIVAL_PUBLIC_URL"]
        let config = AppConfig(
            host: host, port: port, secureCookies: publicURL?.hasPrefix("https://") ?? false, publicURL: publicURL)

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let runtime = try await Runtime.open(database, logger: logger)
        let hasher = BcryptHasher()
        if demo {
            try await DemoSeed(repositories: runtime.repositories, hasher: hasher).run(logger: logger)
            DemoCommand.printAccounts()
        }
        let services = try runtime.services(hasher: hasher, metrics: registry)
        let app = try buildApplication(
            config, services: services,
            backgroundServices: [
                OutboxDelivery(outbox: runtime.repositories.outbox, logger: logger),
                Housekeeping(accounts: services.accounts, logger: logger),
            ],
            logger: logger)
        Console.say("Arrival is running at http://\(host):\(port)/" + (demo ? DemoSeed.citySlug : ""))
        do {
            try await app.runService()
        } catch {
            await runtime.close()
            throw error
        }
        await runtime.close()
    }
}
