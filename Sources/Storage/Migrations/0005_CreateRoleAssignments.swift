import SQLKit

struct CreateRoleAssignments: Migration {
    let name = "0005_CreateRoleAssignments"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "role_assignments")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("person_id", type: .text, .notNull, .references("people", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("city_id", type: .text, .references("cities", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .references("organisations", "id", onDelete: .cascade))
            .column("granted_by", type: .text, .references("people", "id", onDelete: .setNull))
            .column("granted_at", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "role_assignments_person").on("role_assignments").column("person_id").run()
        try await database.create(index: "role_assignments_city").on("role_assignments").column("city_id").run()
    }
}
