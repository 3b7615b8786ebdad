import Domain
import Foundation
import SQLKit

/// Places in `places`.
public struct SQLPlaceRepository: PlaceRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "city_id", "kind", "name", "description", "owner_id", "address", "area_id", "latitude", "longitude",
        "capacity", "accessibility", "hours", "bookable", "created_at",
    ]

    public func find(id: PlaceID) async throws -> Place? {
        try await select().where("id", .equal, bind(id)).first().map(Self.place)
    }

    public func find(ids: Set<PlaceID>) async throws -> [Place] {
        guard !ids.isEmpty else { return [] }
        return try await select().where("id", .in, ids.map(\.description).sorted()).all().map(Self.place)
    }

    public func list(city: CityID) async throws -> [Place] {
        try await select().where("city_id", .equal, bind(city)).orderBy("created_at").orderBy("id").all()
            .map(Self.place)
    }

    static func values(_ place: Place) throws -> [SQLBind] {
        [
            bind(place.id), bind(place.cityID), SQLBind(place.kind.rawValue),
            SQLBind(try JSONColumn.encode(place.name)),
            SQLBind(try JSONColumn.encode(place.description)), bind(place.ownerID), SQLBind(place.address),
            bind(place.areaID), SQLBind(place.latitude), SQLBind(place.longitude),
            SQLBind(place.capacity.map(Int64.init)),
            SQLBind(try JSONColumn.encode(place.accessibility.map(\.rawValue))),
            SQLBind(try JSONColumn.encode(place.hours)),
            SQLBind(Int64(place.bookable ? 1 : 0)), SQLBind(place.createdAt.epochSeconds),
        ]
    }

    public func save(_ place: Place) async throws {
        let values = try Self.values(place)
        let now = SQLBind(Date().epochSeconds)
        try await database.transaction { sql in
            if try await sql.select().column("id").from("places").where("id", .equal, bind(place.id)).first() != nil {
                var update = sql.update("places")
                for (column, value) in zip(Self.columns, values).dropFirst(2) where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                try await update.set("updated_at", to: now).where("id", .equal, bind(place.id)).run()
            } else {
                try await sql.insert(into: "places").columns(Self.columns + ["updated_at"]).values(values + [now]).run()
            }
        }
    }

    public func insert(_ places: [Place]) async throws {
        let now = SQLBind(Date().epochSeconds)
        let rows = try places.map { try Self.values($0) + [now] }
        try await database.transaction { sql in
            for chunk in stride(from: 0, to: rows.count, by: 200) {
                var insert = sql.insert(into: "places").columns(Self.columns + ["updated_at"])
                for row in rows[chunk..<min(chunk + 200, rows.count)] { insert = insert.values(row) }
                try await insert.run()
            }
        }
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("places")
    }

    static func place(_ row: any SQLRow) throws -> Place {
        Place(
            id: try row.id("id"), cityID: try row.id("city_id"),
            kind: Place.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            name: try row.localizedText("name"), description: try row.localizedText("description"),
            ownerID: try row.optionalID("owner_id"), address: try row.decode(column: "address", as: String.self),
            areaID: try row.optionalID("area_id"), latitude: try row.decode(column: "latitude", as: Double?.self),
            longitude: try row.decode(column: "longitude", as: Double?.self),
            capacity: try row.decode(column: "capacity", as: Int64?.self).map { Int($0) },
            accessibility: try JSONColumn.decode(
                [String].self, from: row.decode(column: "accessibility", as: String.self)
            )
            .compactMap(Place.Accessibility.init(rawValue:)),
            hours: try JSONColumn.decode(OpeningHours.self, from: row.decode(column: "hours", as: String.self)),
            bookable: try row.decode(column: "bookable", as: Int64.self) != 0,
            createdAt: try row.date("created_at"))
    }
}

/// Bookings in `bookings`.
public struct SQLBookingRepository: BookingRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "place_id", "organisation_id", "starts_at", "ends_at", "purpose", "status", "reason", "requested_by",
        "created_at", "decided_at",
    ]

    public func find(id: BookingID) async throws -> Booking? {
        try await select(database.sql).where("id", .equal, bind(id)).first().map(Self.booking)
    }

    public func create(_ booking: Booking) async throws {
        try await database.sql.insert(into: "bookings").columns(Self.columns)
            .values(
                bind(booking.id), bind(booking.placeID), bind(booking.organisationID),
                SQLBind(booking.start.epochSeconds), SQLBind(booking.end.epochSeconds), SQLBind(booking.purpose),
                SQLBind(booking.status.rawValue), SQLBind(booking.reason), bind(booking.requestedBy),
                SQLBind(booking.createdAt.epochSeconds), SQLBind(booking.decidedAt?.epochSeconds)
            )
            .run()
    }

    public func list(place: PlaceID, from: Date, until: Date) async throws -> [Booking] {
        try await select(database.sql).where("place_id", .equal, bind(place))
            .where("ends_at", .greaterThan, SQLBind(from.epochSeconds))
            .where("starts_at", .lessThan, SQLBind(until.epochSeconds))
            .orderBy("starts_at").orderBy("id").all().map(Self.booking)
    }

    public func confirmed(places: [PlaceID], from: Date, until: Date) async throws -> [Booking] {
        var bookings: [Booking] = []
        for chunk in stride(from: 0, to: places.count, by: 500).map({ places[$0..<min($0 + 500, places.count)] }) {
            bookings += try await select(database.sql).where("place_id", .in, chunk.map(\.description))
                .where("status", .equal, Booking.Status.confirmed.rawValue)
                .where("starts_at", .greaterThanOrEqual, SQLBind(from.epochSeconds))
                .where("starts_at", .lessThan, SQLBind(until.epochSeconds)).all().map(Self.booking)
        }
        return bookings.sorted { ($0.start, $0.id.description) < ($1.start, $1.id.description) }
    }

    public func confirm(_ id: BookingID, at date: Date) async throws -> BookingConfirmation {
        let engine = database.engine
        return try await database.transaction { sql in
            guard let booking = try await select(sql).where("id", .equal, bind(id)).first().map(Self.booking),
                booking.status == .requested
            else { return .notRequested }
            // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL holds the place's row until commit,
            // so a second confirmation for the same place waits and then sees the first.
            if engine == .postgres {
                try await sql.raw("SELECT id FROM places WHERE id = \(bind: booking.placeID.description) FOR UPDATE")
                    .run()
            }
            if let clash = try await select(sql).where("place_id", .equal, bind(booking.placeID))
                .where("status", .equal, Booking.Status.confirmed.rawValue)
                .where("starts_at", .lessThan, SQLBind(booking.end.epochSeconds))
                .where("ends_at", .greaterThan, SQLBind(booking.start.epochSeconds))
                .first().map(Self.booking)
            {
                return .overlaps(clash.id)
            }
            try await sql.update("bookings").set("status", to: SQLBind(Booking.Status.confirmed.rawValue))
                .set("decided_at", to: SQLBind(date.epochSeconds)).where("id", .equal, bind(id)).run()
            return .confirmed
        }
    }

    public func close(_ id: BookingID, as status: Booking.Status, reason: String, at date: Date) async throws {
        try await database.sql.update("bookings").set("status", to: SQLBind(status.rawValue))
            .set("reason", to: SQLBind(reason)).set("decided_at", to: SQLBind(date.epochSeconds))
            .where("id", .equal, bind(id))
            .where(
                "status", .in, [Booking.Status.requested.rawValue, Booking.Status.confirmed.rawValue]
            )
            .run()
    }

    private func select(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(Self.columns.map { SQLColumn($0) }).from("bookings")
    }

    static func booking(_ row: any SQLRow) throws -> Booking {
        Booking(
            id: try row.id("id"), placeID: try row.id("place_id"), organisationID: try row.id("organisation_id"),
            start: try row.date("starts_at"), end: try row.date("ends_at"),
            purpose: try row.decode(column: "purpose", as: String.self),
            status: Booking.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            reason: try row.decode(column: "reason", as: String.self), requestedBy: try row.optionalID("requested_by"),
            createdAt: try row.date("created_at"), decidedAt: try row.optionalDate("decided_at"))
    }
}
