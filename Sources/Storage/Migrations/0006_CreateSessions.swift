import SQLKit

struct CreateSessions: Migration {
    let name = "0006_CreateSessions"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "sessions")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("person_id", type: .text, .notNull, .references("people", "id", onDelete: .cascade))
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "sessions_person").on("sessions").column("person_id").run()
        try await database.create(table: "password_resets")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("person_id", type: .text, .notNull, .references("people", "id", onDelete: .cascade))
            .column("expires_at", type: .bigint, .notNull)
            .column("used_at", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(table: "sign_in_failures")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("key", type: .text, .notNull)
            .column("failed_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "sign_in_failures_key").on("sign_in_failures")
            .column("key").column("failed_at").run()
    }
}
