import ArgumentParser
import Foundation
import Storage

/// Where the data lives: `--data-dir` (or `ARRIVAL_DATA_DIR`) for SQLite, `DATABASE_URL` for PostgreSQL.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"), help: "Directory of the SQLite database (env ARRIVAL_DATA_DIR; default ./data).")
    var dataDirectory: String?

    var resolvedDataDirectory: String {
        dataDirectory ?? ProcessInfo.processInfo.environment["ARRIVAL_DATA_DIR"] ?? "data"
    }

    var configuration: DatabaseConfiguration {
        DatabaseConfiguration.resolve(
            databaseURL: ProcessInfo.processInfo.environment["DATABASE_URL"],
            dataDirectory: resolvedDataDirectory
        )
    }
}
