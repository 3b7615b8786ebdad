import SQLKit

/// Yearly confirmation rounds with one-time links per organisation; outgoing messages learn that the mail
/// server can refuse them for good (a bounced link).
struct CreateConfirmationRounds: Migration {
    let name = "0012_CreateConfirmationRounds"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        for column in ["failed_at BIGINT", "failure TEXT"] {
            try await database.raw("ALTER TABLE outbox_messages ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await database.create(table: "confirmation_rounds")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("opened_at", type: .bigint, .notNull)
            .column("closes_on", type: .text, .notNull)
            .column("closed_at", type: .bigint)
            .run()
        try await database.create(index: "confirmation_rounds_city").on("confirmation_rounds").column("city_id").run()
        try await database.create(table: "confirmation_requests")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("round_id", type: .text, .notNull, .references("confirmation_rounds", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("token_digest", type: .text, .notNull, .unique)
            .column("recipient", type: .text, .notNull)
            .column("message_id", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("answered_at", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "confirmation_requests_round").on("confirmation_requests")
            .column("round_id").run()
    }
}
