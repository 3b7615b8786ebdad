@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The database Arrival runs on: an SQLite file (the default) or PostgreSQL.
///
/// Repositories use `sql` for single statements and `transaction` for anything that must be all or nothing.
public final class Database: Sendable {
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    public let engine: Engine
    /// A pooled database: each statement may run on a different connection.
    public let sql: any SQLDatabase
    private let leaseConnection: @Sendable () async throws -> (any SQLDatabase, @Sendable () -> Void)
    private let closePool: @Sendable () async throws -> Void
    /// SQLite has one writer at a time. Writers of this process queue here, without holding a connection or a
    /// thread, instead of waiting in SQLite's busy handler, which blocks a thread of the shared pool.
    private let writers = WriterQueue()
    private let counter = StatementCounter()

    /// Statements run so far by this process on this database, transactions' included.
    public var statementsRun: Int { counter.count }

    init(
        engine: Engine,
        sql: any SQLDatabase,
        leaseConnection: @escaping @Sendable () async throws -> (any SQLDatabase, @Sendable () -> Void),
        closePool: @escaping @Sendable () async throws -> Void
    ) {
        self.engine = engine
        self.sql = CountedSQLDatabase(base: sql, counter: counter)
        self.leaseConnection = leaseConnection
        self.closePool = closePool
    }

    /// Runs `body` on one connection inside a transaction: committed when it returns, rolled back when it throws.
    /// On SQLite the write lock is taken up front (`BEGIN IMMEDIATE`) so two writers never deadlock.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard engine == .sqlite else { return try await run(body) }
        await writers.acquire()
        do {
            let result = try await run(body)
            await writers.release()
            return result
        } catch {
            await writers.release()
            throw error
        }
    }

    private func run<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let (leased, release) = try await leaseConnection()
        defer { release() }
        let connection = CountedSQLDatabase(base: leased, counter: counter)
        try await connection.raw(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        do {
            let result = try await body(connection)
            try await connection.raw("COMMIT").run()
            return result
        } catch {
            try? await connection.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Closes every connection. Call once, after the server has stopped.
    public func close() async throws {
        try await closePool()
    }

    /// Opens the database a configuration names. Nothing is migrated here; see `Migrator`.
    public static func open(_ configuration: DatabaseConfiguration, logger: Logger) async throws -> Database {
        switch configuration.location {
        case .sqliteFile(let path):
            return try await openSQLite(storage: .file(path: path), configuration: configuration, logger: logger)
        case .sqliteMemory:
            // SQLiteKit keeps an "in-memory" database in a temporary file that nothing deletes (its SQLite is built
            // without shared cache); a file of our own is deleted when the database is closed.
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("arrival-throwaway-\(UUID().uuidString).sqlite").path
            let database = try await openSQLite(
                storage: .file(path: path), configuration: configuration, logger: logger)
            return Database(
                engine: database.engine, sql: database.sql, leaseConnection: database.leaseConnection,
                closePool: {
                    try await database.closePool()
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                })
        case .postgres(let url, let searchPath):
            return try await openPostgres(
                url: url, searchPath: searchPath, configuration: configuration, logger: logger)
        }
    }

    private static func openSQLite(
        storage: SQLiteConfiguration.Storage,
        configuration: DatabaseConfiguration,
        logger: Logger
    ) async throws -> Database {
        let source = TunedSQLiteSource(
            base: SQLiteConnectionSource(configuration: .init(storage: storage, enableForeignKeys: true)))
        let pool = EventLoopGroupConnectionPool(
            source: source,
            maxConnectionsPerEventLoop: configuration.connectionsPerEventLoop,
            pruneInterval: nil,
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton
        )
        let database = try await pooled(engine: .sqlite, pool: SendablePool(pool: pool), logger: logger) { $0.sql() }
        // Switch the file to write-ahead logging once; the setting is stored in the file itself.
        _ = try await database.sql.raw("PRAGMA journal_mode = WAL").all()
        return database
    }

    private static func openPostgres(
        url: String,
        searchPath: [String]?,
        configuration: DatabaseConfiguration,
        logger: Logger
    ) async throws -> Database {
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = searchPath
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: postgres),
            maxConnectionsPerEventLoop: configuration.connectionsPerEventLoop,
            pruneInterval: nil,
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton
        )
        return try await pooled(engine: .postgres, pool: SendablePool(pool: pool), logger: logger) { $0.sql() }
    }

    /// Wraps a connection pool: statements borrow a connection each, transactions hold one.
    private static func pooled<Source: ConnectionPoolSource & SendableMetatype>(
        engine: Engine,
        pool: SendablePool<Source>,
        logger: Logger,
        sql: @escaping @Sendable (Source.Connection) -> any SQLDatabase
    ) async throws -> Database where Source.Connection: Sendable {
        let lease: @Sendable () async throws -> (any SQLDatabase, @Sendable () -> Void) = {
            let connection = try await pool.pool.requestConnection(logger: logger).get()
            let box = SendableConnection(connection: connection)
            return (sql(connection), { pool.pool.releaseConnection(box.connection, logger: logger) })
        }
        let dialect: any SQLDialect
        do {
            let (probe, release) = try await lease()
            dialect = probe.dialect
            release()
        } catch {
            // A database that cannot be reached is an error to report, and the pool must be shut down first.
            try? await pool.pool.shutdownAsync()
            throw error
        }
        let runLeased: PooledSQLDatabase.RunAsync = { query, onRow in
            let (database, release) = try await lease()
            defer { release() }
            try await database.execute(sql: query, onRow)
        }
        let pooledSQL = PooledSQLDatabase(
            logger: logger,
            eventLoop: MultiThreadedEventLoopGroup.singleton.any(),
            dialect: dialect,
            run: { query, onRow in
                pool.pool.withConnection(logger: logger) { connection in
                    sql(connection).execute(sql: query, onRow)
                }
            },
            // PostgreSQL stays on the future path: it releases the connection on the event loop as soon as the
            // rows are in, where the async path holds it until the request's task runs again; with two
            // connections under 32 clients that cost a fifth of the uncached listing's throughput.
            runAsync: engine == .postgres ? nil : runLeased
        )
        return Database(
            engine: engine, sql: pooledSQL, leaseConnection: lease, closePool: { try await pool.pool.shutdownAsync() })
    }
}

/// The pool guards its state with a lock; AsyncKit predates `Sendable` annotations.
struct SendablePool<Source: ConnectionPoolSource>: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<Source>
}

/// A leased connection is used by one task at a time.
struct SendableConnection<Connection>: @unchecked Sendable {
    let connection: Connection
}

/// An `SQLDatabase` that runs each statement on a connection borrowed from a pool.
struct PooledSQLDatabase: SQLDatabase {
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect
    let run: @Sendable (any SQLExpression, @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void>
    typealias RunAsync = @Sendable (any SQLExpression, @escaping @Sendable (any SQLRow) -> Void) async throws -> Void
    let runAsync: RunAsync?

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        run(query, onRow)
    }

    /// SQLite takes the driver's own async path. SQLiteNIO's future-based one hands every row to the event loop
    /// as a task of its own, and those are the loops that serve HTTP: a search reading thousands of rows held
    /// every connection on its loop meanwhile. The async one calls `onRow` where SQLite reads the row.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard let runAsync else { return try await run(query, onRow).get() }
        try await runAsync(query, onRow)
    }
}

/// Opens SQLite connections with the settings every connection needs.
private struct TunedSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            // FULL: a commit is on disk before it is acknowledged, so neither a killed process nor
            // a lost machine loses an answered write. busy_timeout lets writers wait for each other.
            connection.query("PRAGMA synchronous = FULL")
                .flatMap { _ in connection.query("PRAGMA busy_timeout = 5000") }
                .map { _ in connection }
        }
    }
}

/// A first-come, first-served lock for async code.
actor WriterQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
