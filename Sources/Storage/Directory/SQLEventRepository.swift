import Domain
import Foundation
import SQLKit

/// Events in `events` (organisers also in `event_organisers`, for filters), registrations in `registrations`
/// (tokens only as SHA-256 digests, in the order people registered) and counts by sector in `attendance_counts`.
public struct SQLEventRepository: EventRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "city_id", "kind", "title", "description", "organiser_ids", "network_id", "place_id", "area_id",
        "starts_at", "ends_at", "capacity", "registration", "fee_cents", "cost_cents", "status", "created_at",
        "updated_at",
    ]

    static let registrationColumns = [
        "id", "event_id", "name", "email", "person_id", "status", "attended", "created_at",
    ]

    public func find(id: EventID) async throws -> Event? {
        try await select(database.sql).where("id", .equal, bind(id)).first().map(Self.event)
    }

    public func list(city: CityID, filter: EventFilter) async throws -> [Event] {
        var query = select(database.sql).where("city_id", .equal, bind(city))
            .where("status", .in, filter.statuses.map(\.rawValue).sorted())
        if let from = filter.from { query = query.where("ends_at", .greaterThan, SQLBind(from.epochSeconds)) }
        if let until = filter.until { query = query.where("starts_at", .lessThan, SQLBind(until.epochSeconds)) }
        if let kind = filter.kind { query = query.where("kind", .equal, SQLBind(kind.rawValue)) }
        if let area = filter.areaID { query = query.where("area_id", .equal, bind(area)) }
        if let network = filter.networkID { query = query.where("network_id", .equal, bind(network)) }
        if let organisation = filter.organisationID {
            let organised: SQLQueryString =
                "id IN (SELECT event_id FROM event_organisers WHERE organisation_id = \(bind: organisation.description))"
            query = query.where(organised)
        }
        let direction: SQLDirection = filter.newestFirst ? .descending : .ascending
        query = query.orderBy("starts_at", direction).orderBy("id", direction)
        if let limit = filter.limit { query = query.limit(limit) }
        return try await query.all().map(Self.event)
    }

    public func insert(_ events: [Event]) async throws {
        let rows = try events.map { try Self.values($0) }
        try await database.transaction { sql in
            for chunk in stride(from: 0, to: events.count, by: 200) {
                let range = chunk..<min(chunk + 200, events.count)
                var insert = sql.insert(into: "events").columns(Self.columns)
                for row in rows[range] { insert = insert.values(row) }
                try await insert.run()
                var organisers = sql.insert(into: "event_organisers").columns("event_id", "organisation_id")
                for event in events[range] {
                    for id in Set(event.organiserIDs).sorted(by: { $0.description < $1.description }) {
                        organisers = organisers.values(bind(event.id), bind(id))
                    }
                }
                if events[range].contains(where: { !$0.organiserIDs.isEmpty }) { try await organisers.run() }
            }
        }
    }

    static func values(_ event: Event) throws -> [SQLBind] {
        [
            bind(event.id), bind(event.cityID), SQLBind(event.kind.rawValue),
            SQLBind(try JSONColumn.encode(event.title)),
            SQLBind(try JSONColumn.encode(event.description)),
            SQLBind(try JSONColumn.encode(event.organiserIDs.map(\.description))), bind(event.networkID),
            bind(event.placeID), bind(event.areaID), SQLBind(event.start.epochSeconds), SQLBind(event.end.epochSeconds),
            SQLBind(event.capacity.map(Int64.init)), SQLBind(Int64(event.registration ? 1 : 0)),
            SQLBind(Int64(event.feeCents)), SQLBind(event.costCents.map(Int64.init)), SQLBind(event.status.rawValue),
            SQLBind(event.createdAt.epochSeconds), SQLBind(event.updatedAt.epochSeconds),
        ]
    }

    public func save(_ event: Event) async throws {
        let values = try Self.values(event)
        try await database.transaction { sql in
            if try await sql.select().column("id").from("events").where("id", .equal, bind(event.id)).first() != nil {
                var update = sql.update("events")
                for (column, value) in zip(Self.columns, values).dropFirst(2) where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                try await update.where("id", .equal, bind(event.id)).run()
            } else {
                try await sql.insert(into: "events").columns(Self.columns).values(values).run()
            }
            try await sql.delete(from: "event_organisers").where("event_id", .equal, bind(event.id)).run()
            if !event.organiserIDs.isEmpty {
                var insert = sql.insert(into: "event_organisers").columns("event_id", "organisation_id")
                for id in Set(event.organiserIDs).sorted(by: { $0.description < $1.description }) {
                    insert = insert.values(bind(event.id), bind(id))
                }
                try await insert.run()
            }
        }
    }

    public func register(
        _ registration: Registration, token: String, capacity: Int?,
        notice: @Sendable (RegistrationOutcome) -> OutboxMessage?
    ) async throws -> RegistrationOutcome {
        let engine = database.engine
        return try await database.transaction { sql in
            // SQLite's BEGIN IMMEDIATE serialises writers; PostgreSQL holds the event's row until commit.
            if engine == .postgres {
                try await sql.raw(
                    "SELECT id FROM events WHERE id = \(bind: registration.eventID.description) FOR UPDATE"
                )
                .run()
            }
            let taken = try await sql.select().column("status").from("registrations")
                .where("event_id", .equal, bind(registration.eventID))
                .where("status", .notEqual, SQLBind(Registration.Status.cancelled.rawValue)).all()
                .map { try $0.decode(column: "status", as: String.self) }
            if try await sql.select().column("id").from("registrations")
                .where("event_id", .equal, bind(registration.eventID)).where(
                    "email", .equal, SQLBind(registration.email)
                )
                .where("status", .notEqual, SQLBind(Registration.Status.cancelled.rawValue)).first() != nil
            {
                return .duplicate
            }
            let registered = taken.filter { $0 == Registration.Status.registered.rawValue }.count
            let last =
                try await sql.raw(
                    "SELECT COALESCE(MAX(sequence), 0) AS last FROM registrations WHERE event_id = \(bind: registration.eventID.description)"
                ).first()?.decode(column: "last", as: Int64.self) ?? 0
            let status: Registration.Status = capacity.map { registered < $0 } ?? true ? .registered : .waitlisted
            try await sql.insert(into: "registrations").columns(
                Self.registrationColumns + ["token_digest", "sequence"]
            )
            .values(
                bind(registration.id), bind(registration.eventID), SQLBind(registration.name),
                SQLBind(registration.email), bind(registration.personID), SQLBind(status.rawValue),
                SQLBind(Int64(0)), SQLBind(registration.createdAt.epochSeconds), SQLBind(TokenDigest.of(token)),
                SQLBind(last + 1)
            ).run()
            let outcome: RegistrationOutcome = status == .registered ? .registered : .waitlisted
            if let message = notice(outcome) { try await SQLOutboxRepository.insert(message, on: sql) }
            return outcome
        }
    }

    public func cancel(_ id: RegistrationID, notice: @Sendable (Registration) -> OutboxMessage?) async throws
        -> Registration?
    {
        let engine = database.engine
        return try await database.transaction { sql in
            guard
                let registration = try await selectRegistrations(sql).where("id", .equal, bind(id)).first()
                    .map(Self.registration)
            else { return nil }
            if engine == .postgres {
                try await sql.raw(
                    "SELECT id FROM events WHERE id = \(bind: registration.eventID.description) FOR UPDATE"
                ).run()
            }
            try await sql.update("registrations").set("status", to: SQLBind(Registration.Status.cancelled.rawValue))
                .where("id", .equal, bind(id)).run()
            guard registration.status == .registered,
                var next = try await selectRegistrations(sql).where("event_id", .equal, bind(registration.eventID))
                    .where("status", .equal, SQLBind(Registration.Status.waitlisted.rawValue))
                    .orderBy("sequence").first().map(Self.registration)
            else { return nil }
            try await sql.update("registrations").set("status", to: SQLBind(Registration.Status.registered.rawValue))
                .where("id", .equal, bind(next.id)).run()
            next.status = .registered
            if let message = notice(next) { try await SQLOutboxRepository.insert(message, on: sql) }
            return next
        }
    }

    public func registration(id: RegistrationID) async throws -> Registration? {
        try await selectRegistrations(database.sql).where("id", .equal, bind(id)).first().map(Self.registration)
    }

    public func registration(token: String) async throws -> Registration? {
        try await selectRegistrations(database.sql).where("token_digest", .equal, SQLBind(TokenDigest.of(token)))
            .first().map(Self.registration)
    }

    public func registrations(event: EventID) async throws -> [Registration] {
        try await selectRegistrations(database.sql).where("event_id", .equal, bind(event)).orderBy("sequence").all()
            .map(Self.registration)
    }

    public func recordAttendance(
        event: EventID, counts: [Attendance.Sector: Int], attended: Set<RegistrationID>
    ) async throws {
        try await database.transaction { sql in
            try await sql.delete(from: "attendance_counts").where("event_id", .equal, bind(event)).run()
            if !counts.isEmpty {
                var insert = sql.insert(into: "attendance_counts").columns("event_id", "sector", "count")
                for (sector, count) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    insert = insert.values(bind(event), SQLBind(sector.rawValue), SQLBind(Int64(count)))
                }
                try await insert.run()
            }
            try await sql.update("registrations").set("attended", to: SQLBind(Int64(0)))
                .where("event_id", .equal, bind(event)).run()
            if !attended.isEmpty {
                try await sql.update("registrations").set("attended", to: SQLBind(Int64(1)))
                    .where("event_id", .equal, bind(event))
                    .where("id", .in, attended.map(\.description).sorted()).run()
            }
        }
    }

    public func attendance(event: EventID) async throws -> [Attendance.Sector: Int] {
        var counts: [Attendance.Sector: Int] = [:]
        for row in try await database.sql.select().columns("sector", "count").from("attendance_counts")
            .where("event_id", .equal, bind(event)).all()
        {
            if let sector = Attendance.Sector(rawValue: try row.decode(column: "sector", as: String.self)) {
                counts[sector] = Int(try row.decode(column: "count", as: Int64.self))
            }
        }
        return counts
    }

    public func attendance(events: [EventID]) async throws -> [EventID: AttendanceSummary] {
        var summaries: [EventID: AttendanceSummary] = [:]
        // Bounded IN lists keep every statement well under both engines' parameter limits.
        for chunk in stride(from: 0, to: events.count, by: 500).map({ events[$0..<min($0 + 500, events.count)] }) {
            let ids = chunk.map(\.description)
            for row in try await database.sql.select().columns("event_id", "sector", "count")
                .from("attendance_counts").where("event_id", .in, ids).all()
            {
                guard let sector = Attendance.Sector(rawValue: try row.decode(column: "sector", as: String.self))
                else { continue }
                let id: EventID = try row.id("event_id")
                summaries[id, default: .init()].counts[sector] = Int(try row.decode(column: "count", as: Int64.self))
            }
            for row in try await database.sql.select().column("event_id").column(
                SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("attended"))
            )
            .from("registrations").where("event_id", .in, ids).where("attended", .equal, SQLBind(Int64(1)))
            .groupBy("event_id").all() {
                let id: EventID = try row.id("event_id")
                summaries[id, default: .init()].attendedRegistrations = Int(
                    try row.decode(column: "attended", as: Int64.self))
            }
        }
        return summaries
    }

    private func select(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(Self.columns.map { SQLColumn($0) }).from("events")
    }

    private func selectRegistrations(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(Self.registrationColumns.map { SQLColumn($0) }).from("registrations")
    }

    static func event(_ row: any SQLRow) throws -> Event {
        Event(
            id: try row.id("id"), cityID: try row.id("city_id"),
            kind: Event.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            title: try row.localizedText("title"), description: try row.localizedText("description"),
            organiserIDs: try JSONColumn.decode(
                [String].self, from: row.decode(column: "organiser_ids", as: String.self)
            )
            .compactMap(OrganisationID.init(string:)),
            networkID: try row.optionalID("network_id"), placeID: try row.optionalID("place_id"),
            areaID: try row.optionalID("area_id"), start: try row.date("starts_at"), end: try row.date("ends_at"),
            capacity: try row.decode(column: "capacity", as: Int64?.self).map { Int($0) },
            registration: try row.decode(column: "registration", as: Int64.self) != 0,
            feeCents: Int(try row.decode(column: "fee_cents", as: Int64.self)),
            costCents: try row.decode(column: "cost_cents", as: Int64?.self).map { Int($0) },
            status: Event.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func registration(_ row: any SQLRow) throws -> Registration {
        Registration(
            id: try row.id("id"), eventID: try row.id("event_id"),
            name: try row.decode(column: "name", as: String.self),
            email: try row.decode(column: "email", as: String.self), personID: try row.optionalID("person_id"),
            status: Registration.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            attended: try row.decode(column: "attended", as: Int64.self) != 0, createdAt: try row.date("created_at"))
    }
}
