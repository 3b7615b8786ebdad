import SQLKit

struct CreateOutbox: Migration {
    let name = "0007_CreateOutbox"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "outbox_messages")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("recipient", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("sent_at", type: .bigint)
            .run()
        try await database.create(index: "outbox_pending").on("outbox_messages").column("sent_at").run()
    }
}
