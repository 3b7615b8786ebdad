import SQLKit

struct CreateCities: Migration {
    let name = "0001_CreateCities"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "cities")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("slug", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("time_zone", type: .text, .notNull)
            .column("default_language", type: .text, .notNull)
            .column("languages", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
