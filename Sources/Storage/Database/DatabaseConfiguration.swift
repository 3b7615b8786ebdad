import Foundation

/// Which database to open and how many connections to keep.
public struct DatabaseConfiguration: Sendable {
    public enum Location: Sendable, Hashable {
        case sqliteFile(path: String)
        /// A throwaway database (tests): a temporary file, deleted when the database is closed.
        case sqliteMemory
        /// A `postgres://` URL; `searchPath` puts every table in a given schema (tests use a fresh one each).
        case postgres(url: String, searchPath: [String]?)
    }

    public var location: Location
    /// Connections per event loop (the server has one loop per core).
    public var connectionsPerEventLoop: Int

    public init(location: Location, connectionsPerEventLoop: Int = 1) {
        self.location = location
        self.connectionsPerEventLoop = connectionsPerEventLoop
    }

    /// `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise `arrival.sqlite` in the data directory.
    public static func resolve(databaseURL: String?, dataDirectory: String) -> DatabaseConfiguration {
        if let databaseURL, databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://") {
            return DatabaseConfiguration(location: .postgres(url: databaseURL, searchPath: nil))
        }
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("arrival.sqlite").path
        return DatabaseConfiguration(location: .sqliteFile(path: path))
    }

    /// What the logs may show about the location, without credentials.
    public var redactedDescription: String {
        switch location {
        case .sqliteFile(let path): return "SQLite at \(path)"
        case .sqliteMemory: return "SQLite in memory"
        case .postgres(let url, _):
            guard let components = URLComponents(string: url) else { return "PostgreSQL" }
            return "PostgreSQL at \(components.host ?? "localhost"):\(components.port ?? 5432)\(components.path)"
        }
    }
}
