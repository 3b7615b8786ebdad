import SQLKit

/// The search rows carry the listing's filter and sort columns (city, status, kind, organisation, place, target
/// groups, fee, referral, first and last day, sort title), so a search filters and ranks its matches without
/// reading each matching activity: at 100,000 activities, a common word matches 25,000 of them, and looking each
/// up took most of a search's time (60 ms on SQLite, 300 ms on PostgreSQL for "kerho").
///
/// `SQLActivityRepository.save` writes these columns with the texts. On SQLite, the rows move from the FTS5 table
/// (where reading any column meant reading the whole text) to an ordinary `activity_search` table, indexed by the
/// FTS5 table `activity_search_text` that takes its content from it and is kept in step by triggers. Its `id` is
/// only that link between the two tables, assigned by SQLite; nothing else refers to it. On PostgreSQL, the
/// columns are added to the table that already holds the texts, and its `tsvector`, used only for ranking, goes.
struct RebuildActivitySearch: Migration {
    let name = "0020_RebuildActivitySearch"

    /// The columns copied from `activities`, in the order both engines store them, with their type and
    /// whether they may be empty.
    static let listing: [(name: String, type: String, optional: Bool)] = [
        ("city_id", "TEXT", false), ("status", "TEXT", false), ("kind", "TEXT", false),
        ("organisation_id", "TEXT", false), ("place_id", "TEXT", true), ("target_groups", "TEXT", false),
        ("fee_cents", "BIGINT", false), ("referral_eligible", "BIGINT", false), ("first_day", "BIGINT", true),
        ("last_day", "BIGINT", true), ("sort_title", "TEXT", false),
    ]
    static let listingColumns = listing.map(\.name)

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        let copied = SQLQueryString(Self.listingColumns.joined(separator: ", "))
        let fromActivities = SQLQueryString(Self.listingColumns.map { "a.\($0)" }.joined(separator: ", "))
        switch engine {
        case .sqlite:
            for statement: SQLQueryString in [
                "ALTER TABLE activity_search RENAME TO activity_search_previous",
                """
                CREATE TABLE activity_search (
                    id INTEGER PRIMARY KEY,
                    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
                    language TEXT NOT NULL,
                    city_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    organisation_id TEXT NOT NULL,
                    place_id TEXT,
                    target_groups TEXT NOT NULL,
                    fee_cents BIGINT NOT NULL,
                    referral_eligible BIGINT NOT NULL,
                    first_day BIGINT,
                    last_day BIGINT,
                    sort_title TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL)
                """,
                "CREATE INDEX activity_search_activity ON activity_search (activity_id)",
                """
                CREATE VIRTUAL TABLE activity_search_text USING fts5(
                    title, body, content = 'activity_search', content_rowid = 'id', tokenize = 'trigram')
                """,
                """
                CREATE TRIGGER activity_search_inserted AFTER INSERT ON activity_search BEGIN
                    INSERT INTO activity_search_text (rowid, title, body) VALUES (new.id, new.title, new.body);
                END
                """,
                """
                CREATE TRIGGER activity_search_deleted AFTER DELETE ON activity_search BEGIN
                    INSERT INTO activity_search_text (activity_search_text, rowid, title, body)
                    VALUES ('delete', old.id, old.title, old.body);
                END
                """,
                """
                CREATE TRIGGER activity_search_updated AFTER UPDATE OF title, body ON activity_search BEGIN
                    INSERT INTO activity_search_text (activity_search_text, rowid, title, body)
                    VALUES ('delete', old.id, old.title, old.body);
                    INSERT INTO activity_search_text (rowid, title, body) VALUES (new.id, new.title, new.body);
                END
                """,
                // An activity's translations get neighbouring ids, as `save` gives them.
                """
                INSERT INTO activity_search (activity_id, language, \(copied), title, body)
                SELECT p.activity_id, p.language, \(fromActivities), p.title, p.body
                FROM activity_search_previous p JOIN activities a ON a.id = p.activity_id
                ORDER BY p.activity_id, p.language
                """,
                "DROP TABLE activity_search_previous",
            ] {
                try await database.raw(statement).run()
            }
        case .postgres:
            let added = SQLQueryString(
                Self.listing.map { "ADD COLUMN \($0.name) \($0.type)" }.joined(separator: ", "))
            let assigned = SQLQueryString(Self.listingColumns.map { "\($0) = a.\($0)" }.joined(separator: ", "))
            // Ranking now needs only whether the title holds every word, so the weighted `tsvector` goes.
            try await database.raw("ALTER TABLE activity_search DROP COLUMN document, \(added)").run()
            try await database.raw(
                "UPDATE activity_search s SET \(assigned) FROM activities a WHERE a.id = s.activity_id"
            ).run()
            let required = Self.listing.filter { !$0.optional }.map { "ALTER COLUMN \($0.name) SET NOT NULL" }
            try await database.raw(
                SQLQueryString("ALTER TABLE activity_search " + required.joined(separator: ", "))
            ).run()
        }
    }
}
