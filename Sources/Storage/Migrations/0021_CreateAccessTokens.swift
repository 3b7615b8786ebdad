import SQLKit

/// Personal access tokens for the JSON API, found by the digest of their secret.
struct CreateAccessTokens: Migration {
    let name = "0021_CreateAccessTokens"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "access_tokens")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("token_digest", type: .text, .notNull, .unique)
            .column("person_id", type: .text, .notNull, .references("people", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("scope", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .column("last_used_at", type: .bigint)
            .column("revoked_at", type: .bigint)
            .run()
        try await database.create(index: "access_tokens_person").on("access_tokens").column("person_id").run()
    }
}
