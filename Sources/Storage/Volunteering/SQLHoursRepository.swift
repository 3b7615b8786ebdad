import Domain
import Foundation
import SQLKit

/// Hours entries in `volunteer_hours`, checked against the day's limit under a lock on the person.
public struct SQLHoursRepository: HoursRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "application_id", "organisation_id", "person_id", "day", "minutes", "approved_minutes",
        "note", "status", "decided_by", "created_at", "updated_at",
    ]

    public func log(_ entry: HoursEntry) async throws -> Bool {
        let engine = tables.database.engine
        let values = Self.values(entry)
        return try await tables.database.transaction { sql in
            // Two entries for the same person at once: the second waits here and then counts the first.
            if engine == .postgres {
                try await sql.raw("SELECT id FROM people WHERE id = \(bind: entry.personID.description) FOR UPDATE")
                    .run()
            }
            let claimed =
                try await sql.select()
                .column(SQLRaw(Self.claimedSum), as: "claimed")
                .from("volunteer_hours").where("person_id", .equal, bind(entry.personID))
                .where("day", .equal, SQLBind(Int64(entry.day.ordinal)))
                .where("status", .notEqual, SQLBind(HoursEntry.Status.rejected.rawValue)).first()?
                .decode(column: "claimed", as: Int64.self) ?? 0
            guard Int(claimed) + entry.minutes <= HoursEntry.dayLimitMinutes else { return false }
            try await sql.insert(into: "volunteer_hours").columns(Self.columns).values(values).run()
            return true
        }
    }

    /// The minutes entries hold against their day: approved ones at their approved size, logged ones as logged.
    /// PostgreSQL sums BIGINT as NUMERIC, hence the cast.
    static let claimedSum = "COALESCE(CAST(SUM(COALESCE(approved_minutes, minutes)) AS BIGINT), 0)"

    public func hoursEntry(id: HoursEntryID) async throws -> HoursEntry? {
        try await tables.select(Self.columns, from: "volunteer_hours").where("id", .equal, bind(id)).first()
            .map(Self.hoursEntry)
    }

    public func hours(_ filter: HoursFilter) async throws -> [HoursEntry] {
        var query = tables.select(Self.columns, from: "volunteer_hours").where("city_id", .equal, bind(filter.city))
            .where("status", .in, filter.statuses.map(\.rawValue).sorted())
        for (column, ids) in [
            ("organisation_id", filter.organisations.map { $0.map(\.description) }),
            ("person_id", filter.persons.map { $0.map(\.description) }),
            ("application_id", filter.applications.map { $0.map(\.description) }),
        ] {
            guard let ids else { continue }
            guard !ids.isEmpty else { return [] }
            query = query.where(SQLIdentifier(column), .in, ids.sorted())
        }
        if let from = filter.from { query = query.where("day", .greaterThanOrEqual, SQLBind(Int64(from.ordinal))) }
        if let through = filter.through {
            query = query.where("day", .lessThanOrEqual, SQLBind(Int64(through.ordinal)))
        }
        return try await query.orderBy("day").orderBy("created_at").orderBy("id").all().map(Self.hoursEntry)
    }

    public func decide(_ id: HoursEntryID, status: HoursEntry.Status, minutes: Int?, by person: PersonID, at date: Date)
        async throws -> Bool
    {
        let engine = tables.database.engine
        return try await tables.database.transaction { sql in
            guard
                let entry = try await sql.select().columns(Self.columns.map { SQLIdentifier($0) })
                    .from("volunteer_hours").where("id", .equal, bind(id)).first().map(Self.hoursEntry),
                entry.status == .logged
            else { return false }
            if status == .approved, let minutes, minutes > entry.minutes {
                if engine == .postgres {
                    try await sql.raw(
                        "SELECT id FROM people WHERE id = \(bind: entry.personID.description) FOR UPDATE"
                    ).run()
                }
                let claimed =
                    try await sql.select()
                    .column(SQLRaw(Self.claimedSum), as: "claimed")
                    .from("volunteer_hours").where("person_id", .equal, bind(entry.personID))
                    .where("day", .equal, SQLBind(Int64(entry.day.ordinal)))
                    .where("status", .notEqual, SQLBind(HoursEntry.Status.rejected.rawValue)).first()?
                    .decode(column: "claimed", as: Int64.self) ?? 0
                guard Int(claimed) - entry.minutes + minutes <= HoursEntry.dayLimitMinutes else { return false }
            }
            try await sql.update("volunteer_hours").set("status", to: SQLBind(status.rawValue))
                .set("approved_minutes", to: SQLBind(minutes.map(Int64.init)))
                .set("decided_by", to: bind(person)).set("updated_at", to: SQLBind(date.epochSeconds))
                .where("id", .equal, bind(id)).where("status", .equal, SQLBind(HoursEntry.Status.logged.rawValue))
                .run()
            return true
        }
    }

    static func values(_ entry: HoursEntry) -> [SQLBind] {
        [
            bind(entry.id), bind(entry.cityID), bind(entry.applicationID), bind(entry.organisationID),
            bind(entry.personID), SQLBind(Int64(entry.day.ordinal)), SQLBind(Int64(entry.minutes)),
            SQLBind(entry.approvedMinutes.map(Int64.init)), SQLBind(entry.note), SQLBind(entry.status.rawValue),
            bind(entry.decidedBy), SQLBind(entry.createdAt.epochSeconds), SQLBind(entry.updatedAt.epochSeconds),
        ]
    }

    static func hoursEntry(_ row: any SQLRow) throws -> HoursEntry {
        HoursEntry(
            id: try row.id("id"), cityID: try row.id("city_id"), applicationID: try row.id("application_id"),
            organisationID: try row.id("organisation_id"), personID: try row.id("person_id"),
            day: try VolunteeringTables.day(row, "day")!,
            minutes: Int(try row.decode(column: "minutes", as: Int64.self)),
            approvedMinutes: try row.decode(column: "approved_minutes", as: Int64?.self).map { Int($0) },
            note: try row.decode(column: "note", as: String.self),
            status: HoursEntry.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .logged,
            decidedBy: try row.optionalID("decided_by"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
