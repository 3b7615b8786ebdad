import Foundation
import Logging
import SQLKit
import Storage
import Testing

/// The engines every storage contract runs on: SQLite always, PostgreSQL when
/// `ARRIVAL_TEST_POSTGRES_URL` names a server (each test then gets a fresh schema).
enum TestEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["ARRIVAL_TEST_POSTGRES_URL"]

    /// The engines available in this run. Saying so out loud when PostgreSQL is left out.
    static let available: [TestEngine] = {
        if postgresURL == nil {
            print(
                "note: ARRIVAL_TEST_POSTGRES_URL is not set; storage contracts run on SQLite only (not on PostgreSQL).")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }()
}

/// Opens a migrated, empty database on an engine, runs `body`, and throws everything away afterwards.
/// `migrations` can stop short of the latest step, to test a step on data of the ones before.
func withTestDatabase<T>(
    _ engine: TestEngine, migrations: [any Migration] = Migrations.all,
    _ body: (Database, SQLRepositories) async throws -> T
) async throws -> T {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    switch engine {
    case .sqlite:
        let database = try await Database.open(.init(location: .sqliteMemory), logger: logger)
        try await Migrator(database: database, migrations: migrations).migrate(logger: logger)
        do {
            let result = try await body(database, SQLRepositories(database: database))
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    case .postgres:
        guard let url = TestEngine.postgresURL else { throw TestDatabaseError.postgresNotConfigured }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await Database.open(.init(location: .postgres(url: url, searchPath: nil)), logger: logger)
        try await admin.sql.raw("CREATE SCHEMA \(unsafeRaw: String(schema))").run()
        let database = try await Database.open(
            .init(location: .postgres(url: url, searchPath: [String(schema)])), logger: logger)
        do {
            try await Migrator(database: database, migrations: migrations).migrate(logger: logger)
            let result = try await body(database, SQLRepositories(database: database))
            try await database.close()
            try await admin.sql.raw("DROP SCHEMA \(unsafeRaw: String(schema)) CASCADE").run()
            try await admin.close()
            return result
        } catch {
            try? await database.close()
            try? await admin.sql.raw("DROP SCHEMA \(unsafeRaw: String(schema)) CASCADE").run()
            try? await admin.close()
            throw error
        }
    }
}

enum TestDatabaseError: Error {
    case postgresNotConfigured
}
