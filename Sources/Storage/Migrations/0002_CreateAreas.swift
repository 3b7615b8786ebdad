import SQLKit

struct CreateAreas: Migration {
    let name = "0002_CreateAreas"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "areas")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("parent_id", type: .text, .references("areas", "id", onDelete: .setNull))
            .column("code", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("geometry", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .unique("city_id", "code")
            .run()
        try await database.create(table: "area_demographics")
            .column("area_id", type: .text, .notNull, .references("areas", "id", onDelete: .cascade))
            .column("year", type: .bigint, .notNull)
            .column("population", type: .bigint, .notNull)
            .column("foreign_language_speakers", type: .bigint)
            .column("foreign_language_share", type: .custom(SQLRaw("DOUBLE PRECISION")))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("area_id", "year")
            .run()
    }
}
