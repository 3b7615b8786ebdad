import Domain
import Foundation
import Logging
import Prometheus
import Storage
import Web

/// Opens and migrates the database and wires the services, for every command that needs them.
struct Runtime {
    let database: Database
    let repositories: SQLRepositories
    let logger: Logger

    static func open(_ options: DatabaseOptions, logger: Logger) async throws -> Runtime {
        let configuration = options.configuration
        if case .sqliteFile = configuration.location {
            try FileManager.default.createDirectory(
                atPath: options.resolvedDataDirectory, withIntermediateDirectories: true)
        }
        let database = try await Database.open(configuration, logger: logger)
        let applied = try await Migrator(database: database).migrate(logger: logger)
        logger.info(
            "database ready",
            metadata: ["database": "\(configuration.redactedDescription)", "migrations_applied": "\(applied.count)"])
        return Runtime(database: database, repositories: SQLRepositories(database: database), logger: logger)
    }

    func services(hasher: any PasswordHasher, metrics: PrometheusCollectorRegistry) throws -> AppServices {
        AppServices(
            repositories: repositories.all,
            accounts: repositories.accountUseCases(hasher: hasher),
            catalogs: try Catalog.bundled(),
            metrics: metrics,
            isDatabaseReady: { await repositories.isReachable() }
        )
    }

    func close() async {
        try? await database.close()
    }
}
