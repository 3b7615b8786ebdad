import SQLKit

/// Networks of organisations, their memberships, and partnerships between organisations.
struct CreateNetworks: Migration {
    let name = "0010_CreateNetworks"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "networks")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "networks_city").on("networks").column("city_id").run()
        try await database.create(table: "network_memberships")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("network_id", type: .text, .notNull, .references("networks", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("role", type: .text, .notNull)
            .column("since", type: .text)
            .column("until", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "network_memberships_network").on("network_memberships")
            .column("network_id").run()
        try await database.create(index: "network_memberships_organisation").on("network_memberships")
            .column("organisation_id").run()
        try await database.create(table: "partnerships")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("first_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("second_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("since", type: .text)
            .column("until", type: .text)
            .column("note", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "partnerships_city").on("partnerships").column("city_id").run()
    }
}
