import SQLKit

/// A trigram index for PostgreSQL's search, which matches any part of a word with `LIKE '%…%'`: without one it
/// reads every translation of every activity (1.7 s a search at 100,000 activities under load).
///
/// The index needs the `pg_trgm` extension, shipped with PostgreSQL and trusted since version 13. It is made in
/// the `public` schema when the database user may; when not (or when the extension is not installed), the
/// search keeps working without the index, and an administrator can run `CREATE EXTENSION pg_trgm` and migrate
/// a fresh database. SQLite's FTS5 table already indexes trigrams: nothing to do there.
struct IndexActivitySearchTrigrams: Migration {
    let name = "0019_IndexActivitySearchTrigrams"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        guard engine == .postgres else { return }
        guard let schema = try await Self.extensionSchema(database) else { return }
        try await database.raw(
            """
            CREATE INDEX activity_search_trigrams ON activity_search \
            USING GIN ((title || ' ' || body) \(ident: schema).gin_trgm_ops)
            """
        ).run()
    }

    /// The schema holding `pg_trgm`, made in `public` first if it is missing and may be made; `nil` when it
    /// cannot be had. A failed attempt is rolled back to a savepoint, so the migration's transaction goes on.
    static func extensionSchema(_ database: any SQLDatabase) async throws -> String? {
        if let schema = try await installedSchema(database) { return schema }
        let available = try await database.raw(
            "SELECT 1 AS found FROM pg_available_extensions WHERE name = 'pg_trgm'"
        ).first()
        guard available != nil else { return nil }
        try await database.raw("SAVEPOINT trigrams").run()
        do {
            try await database.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public").run()
            try await database.raw("RELEASE SAVEPOINT trigrams").run()
        } catch {
            try await database.raw("ROLLBACK TO SAVEPOINT trigrams").run()
            return nil
        }
        return try await installedSchema(database)
    }

    static func installedSchema(_ database: any SQLDatabase) async throws -> String? {
        try await database.raw(
            """
            SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace \
            WHERE e.extname = 'pg_trgm'
            """
        ).first()?.decode(column: "schema", as: String.self)
    }
}
