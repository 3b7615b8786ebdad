import SQLKit

/// The partner bulletin board: calls posted by organisations and the answers of others.
struct CreatePartnerCalls: Migration {
    let name = "0011_CreatePartnerCalls"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "partner_calls")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("title", type: .text, .notNull)
            .column("needs", type: .text, .notNull)
            .column("offers", type: .text, .notNull)
            .column("area_ids", type: .text, .notNull)
            .column("deadline", type: .text)
            .column("status", type: .text, .notNull)
            .column("outcome", type: .text)
            .column("partner_id", type: .text, .references("organisations", "id", onDelete: .setNull))
            .column("outcome_note", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("closed_at", type: .bigint)
            .run()
        try await database.create(index: "partner_calls_city_status").on("partner_calls")
            .column("city_id").column("status").run()
        try await database.create(table: "partner_call_answers")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("call_id", type: .text, .notNull, .references("partner_calls", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("author_id", type: .text, .references("people", "id", onDelete: .setNull))
            .column("message", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "partner_call_answers_call").on("partner_call_answers").column("call_id").run()
    }
}
