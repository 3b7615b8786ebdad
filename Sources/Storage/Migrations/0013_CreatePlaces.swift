import SQLKit

/// Places of encounter and their bookings.
struct CreatePlaces: Migration {
    let name = "0013_CreatePlaces"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        try await database.create(table: "places")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("city_id", type: .text, .notNull, .references("cities", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("owner_id", type: .text, .references("organisations", "id", onDelete: .setNull))
            .column("address", type: .text, .notNull)
            .column("area_id", type: .text, .references("areas", "id", onDelete: .setNull))
            .column("latitude", type: .custom(SQLRaw("DOUBLE PRECISION")))
            .column("longitude", type: .custom(SQLRaw("DOUBLE PRECISION")))
            .column("capacity", type: .bigint)
            .column("accessibility", type: .text, .notNull)
            .column("hours", type: .text, .notNull)
            .column("bookable", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "places_city").on("places").column("city_id").run()
        try await database.create(table: "bookings")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("place_id", type: .text, .notNull, .references("places", "id", onDelete: .cascade))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id", onDelete: .cascade))
            .column("starts_at", type: .bigint, .notNull)
            .column("ends_at", type: .bigint, .notNull)
            .column("purpose", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("requested_by", type: .text, .references("people", "id", onDelete: .setNull))
            .column("created_at", type: .bigint, .notNull)
            .column("decided_at", type: .bigint)
            .run()
        try await database.create(index: "bookings_place_time").on("bookings")
            .column("place_id").column("starts_at").run()
    }
}
