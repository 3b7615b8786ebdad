import SQLKit

/// Contact persons of organisations (personal data), with handover links between predecessors and successors.
struct CreateContactPersons: Migration {
    let name = "0009_CreateContactPersons"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "contact_persons")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("email", type: .text)
            .column("phone", type: .text)
            .column("public_consent_at", type: .bigint)
            .column("public_consent_purpose", type: .text)
            .column("since", type: .text, .notNull)
            .column("until", type: .text)
            .column("replaces_id", type: .text, .references("contact_persons", "id", onDelete: .setNull))
            .column("replaced_by_id", type: .text, .references("contact_persons", "id", onDelete: .setNull))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "contact_persons_organisation").on("contact_persons")
            .column("organisation_id").run()
    }
}
