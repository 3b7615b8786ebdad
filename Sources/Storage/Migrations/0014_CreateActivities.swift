import SQLKit

/// Activities, the city's categories, and the search index over their texts: SQLite's FTS5 with trigrams (so a
/// part of a compound word is found), PostgreSQL's full-text vectors for ranking.
struct CreateActivities: Migration {
    let name = "0014_CreateActivities"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "categories")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .unique("city_id", "code")
            .run()
        try await database.create(table: "activities")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("category_ids", type: .text, .notNull)
            .column("target_groups", type: .text, .notNull)
            .column("languages", type: .text, .notNull)
            .column("area_ids", type: .text, .notNull)
            .column("place_id", type: .text, .references("places", "id", onDelete: .setNull))
            .column("schedule", type: .text)
            .column("first_day", type: .bigint)
            .column("last_day", type: .bigint)
            .column("capacity", type: .bigint)
            .column("fee_cents", type: .bigint, .notNull)
            .column("volunteer_run", type: .bigint, .notNull)
            .column("referral_eligible", type: .bigint, .notNull)
            .column("referral_fee_cents", type: .bigint, .notNull)
            .column("status", type: .text, .notNull)
            .column("sort_title", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "activities_listing").on("activities")
            .column("city_id").column("status").column("sort_title").run()
        try await database.create(index: "activities_organisation").on("activities").column("organisation_id").run()
        for (table, column) in [
            ("activity_categories", "category_id"), ("activity_areas", "area_id"), ("activity_languages", "language"),
        ] {
            try await database.create(table: table)
                .column("activity_id", type: .text, .notNull, .references("activities", "id", onDelete: .cascade))
                .column(column, type: .text, .notNull)
                .primaryKey("activity_id", column)
                .run()
            try await database.create(index: "\(table)_\(column)").on(table).column(column).column("activity_id").run()
        }
        switch engine {
        case .sqlite:
            try await database.raw(
                """
                CREATE VIRTUAL TABLE activity_search USING fts5(
                    activity_id UNINDEXED, language UNINDEXED, title, body, tokenize = 'trigram')
                """
            ).run()
        case .postgres:
            try await database.raw(
                """
                CREATE TABLE activity_search (
                    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
                    language TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    document TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
                    ) STORED
                )
                """
            ).run()
            try await database.raw("CREATE INDEX activity_search_activity ON activity_search (activity_id)").run()
            try await database.raw("CREATE INDEX activity_search_document ON activity_search USING GIN (document)")
                .run()
        }
    }
}
