import Foundation
import Logging
import SQLKit

/// One step of the schema. Steps are never edited once landed; a change is a new step.
public protocol Migration: Sendable {
    /// `NNNN_VerbNoun`, unique and ordered.
    var name: String { get }
    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws
}

/// Applies the steps of `Migrations.all` that have not run yet, each in its own transaction.
public struct Migrator: Sendable {
    public let database: Database
    public let migrations: [any Migration]

    public init(database: Database, migrations: [any Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Names of the steps already recorded.
    public func applied() async throws -> Set<String> {
        try await database.sql.create(table: "schema_migrations")
            .ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: .bigint, .notNull)
            .run()
        let rows = try await database.sql.select().column("name").from("schema_migrations").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    /// Runs every pending step in order and returns their names.
    @discardableResult
    public func migrate(logger: Logger) async throws -> [String] {
        let done = try await applied()
        var ran: [String] = []
        for migration in migrations where !done.contains(migration.name) {
            let engine = database.engine
            try await database.transaction { sql in
                try await migration.prepare(on: sql, engine: engine)
                try await sql.insert(into: "schema_migrations")
                    .columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(Date().epochSeconds))
                    .run()
            }
            logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            ran.append(migration.name)
        }
        return ran
    }
}
