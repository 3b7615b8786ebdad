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
    @Option(
        help:
            "Seconds the directory's public listings are kept for anonymous visitors; 0 keeps none (env ARRIVAL_PUBLIC_CACHE_SECONDS; default 10)."
    ) var publicCacheSeconds: Int?
    @Option(
        help:
            "Requests one personal access token may make a minute on this server (env ARRIVAL_TOKEN_REQUESTS_PER_MINUTE; default 600)."
    ) var tokenRequestsPerMinute: Int?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let logger = Logger(label: "arrival")
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["ARRIVAL_HOST"] ?? "127.0.0.1"
        let port = port ?? environment["ARRIVAL_PORT"].flatMap(Int.init) ?? 8080
        let publicURL = publicURL ?? environment["ARRIVAL_PUBLIC_URL"]
        let cacheSeconds = publicCacheSeconds ?? environment["ARRIVAL_PUBLIC_CACHE_SECONDS"].flatMap(Int.init) ?? 10
        guard cacheSeconds >= 0 else { throw CLIError("--public-cache-seconds must be 0 or more.") }
        let tokenRequests =
            tokenRequestsPerMinute ?? environment["ARRIVAL_TOKEN_REQUESTS_PER_MINUTE"].flatMap(Int.init) ?? 600
        guard tokenRequests >= 1 else { throw CLIError("--token-requests-per-minute must be 1 or more.") }
        let config = AppConfig(
            host: host, port: port, secureCookies: publicURL?.hasPrefix("https://") ?? false, publicURL: publicURL,
            publicCacheSeconds: cacheSeconds, tokenRequestsPerMinute: tokenRequests)

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
                OutboxDelivery(outbox: runtime.repositories.outbox, sender: try mailer(environment), logger: logger),
                Housekeeping(services: services, config: config, logger: logger),
                MemoryTrim(),
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

    /// SMTP delivery when `ARRIVAL_SMTP_URL` is set; otherwise messages are printed to the log.
    func mailer(_ environment: [String: String]) throws -> SMTPMailer? {
        guard let url = environment["ARRIVAL_SMTP_URL"] else { return nil }
        let from = environment["ARRIVAL_MAIL_FROM"] ?? "arrival@localhost"
        guard let mailer = SMTPMailer(url: url, from: from) else {
            throw CLIError("ARRIVAL_SMTP_URL must look like smtp://user:password@host:port")
        }
        return mailer
    }
}
