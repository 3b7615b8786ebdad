import Domain
import Foundation
import SQLKit

/// Applications in `volunteer_applications`; the messages of a change go to the outbox in its transaction.
public struct SQLVolunteerApplicationRepository: VolunteerApplicationRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "opportunity_id", "organisation_id", "person_id", "status", "message", "reason",
        "started_on", "ended_on", "open_key", "created_at", "updated_at",
    ]

    public func apply(_ application: VolunteerApplication, messages: [OutboxMessage]) async throws -> Bool {
        let values = Self.values(application)
        return try await tables.database.transaction { sql in
            // The unique open key keeps a second open application out, also one arriving at the same moment.
            try await sql.insert(into: "volunteer_applications").columns(Self.columns).values(values)
                .ignoringConflicts().run()
            guard
                try await sql.select().column("id").from("volunteer_applications")
                    .where("id", .equal, bind(application.id)).first() != nil
            else { return false }
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
            return true
        }
    }

    public func application(id: VolunteerApplicationID) async throws -> VolunteerApplication? {
        try await tables.select(Self.columns, from: "volunteer_applications").where("id", .equal, bind(id))
            .first().map(Self.application)
    }

    public func applications(_ filter: ApplicationFilter) async throws -> [VolunteerApplication] {
        var query = tables.select(Self.columns, from: "volunteer_applications")
            .where("city_id", .equal, bind(filter.city)).where("status", .in, filter.statuses.map(\.rawValue).sorted())
        for (column, ids) in [
            ("organisation_id", filter.organisations.map { $0.map(\.description) }),
            ("person_id", filter.persons.map { $0.map(\.description) }),
            ("opportunity_id", filter.opportunities.map { $0.map(\.description) }),
        ] {
            guard let ids else { continue }
            guard !ids.isEmpty else { return [] }
            query = query.where(SQLIdentifier(column), .in, ids.sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.application)
    }

    public func move(
        _ id: VolunteerApplicationID, from: Set<VolunteerApplication.Status>, to: VolunteerApplication.Status,
        reason: String, day: CalendarDay, wanted: Int?, at date: Date, messages: [OutboxMessage]
    ) async throws -> ApplicationMove {
        let engine = tables.database.engine
        return try await tables.database.transaction { sql in
            if let wanted {
                // Two staff accepting at once: the second waits here and then counts the first.
                guard
                    let opportunity = try await sql.select().column("opportunity_id").from("volunteer_applications")
                        .where("id", .equal, bind(id)).first()?.decode(column: "opportunity_id", as: String.self)
                else { return .stale }
                if engine == .postgres {
                    try await sql.raw("SELECT id FROM opportunities WHERE id = \(bind: opportunity) FOR UPDATE").run()
                }
                let held =
                    try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "held")
                    .from("volunteer_applications").where("opportunity_id", .equal, SQLBind(opportunity))
                    .where("status", .in, VolunteerApplication.Status.allCases.filter(\.holdsPlace).map(\.rawValue))
                    .where("id", .notEqual, bind(id)).first()?.decode(column: "held", as: Int64.self) ?? 0
                if held >= wanted {
                    return try await Self.status(of: id, on: sql).map(from.contains) == true ? .full : .stale
                }
            }
            guard let current = try await Self.status(of: id, on: sql), from.contains(current) else { return .stale }
            var update = sql.update("volunteer_applications").set("status", to: SQLBind(to.rawValue))
                .set("reason", to: SQLBind(reason)).set("updated_at", to: SQLBind(date.epochSeconds))
            if !to.isOpen { update = update.set("open_key", to: SQLLiteral.null) }
            // The first day it became active stays its start.
            if to == .active {
                update = update.set(
                    "started_on",
                    to: SQLFunction("COALESCE", args: SQLIdentifier("started_on"), SQLBind(Int64(day.ordinal))))
            }
            if to == .completed || to == .withdrawn { update = update.set("ended_on", to: SQLBind(Int64(day.ordinal))) }
            try await update.where("id", .equal, bind(id)).where("status", .equal, SQLBind(current.rawValue)).run()
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
            return .moved
        }
    }

    private static func status(of id: VolunteerApplicationID, on sql: any SQLDatabase) async throws
        -> VolunteerApplication.Status?
    {
        let row = try await sql.select().column("status").from("volunteer_applications")
            .where("id", .equal, bind(id)).first()
        return try row.map { try $0.decode(column: "status", as: String.self) }
            .flatMap(VolunteerApplication.Status.init(rawValue:))
    }

    static func values(_ application: VolunteerApplication) -> [SQLBind] {
        [
            bind(application.id), bind(application.cityID), bind(application.opportunityID),
            bind(application.organisationID), bind(application.personID), SQLBind(application.status.rawValue),
            SQLBind(application.message), SQLBind(application.reason),
            SQLBind(application.startedOn.map { Int64($0.ordinal) }),
            SQLBind(application.endedOn.map { Int64($0.ordinal) }),
            SQLBind(application.status.isOpen ? "\(application.opportunityID)/\(application.personID)" : nil),
            SQLBind(application.createdAt.epochSeconds), SQLBind(application.updatedAt.epochSeconds),
        ]
    }

    static func application(_ row: any SQLRow) throws -> VolunteerApplication {
        guard
            let status = VolunteerApplication.Status(rawValue: try row.decode(column: "status", as: String.self))
        else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "application status")) }
        return VolunteerApplication(
            id: try row.id("id"), cityID: try row.id("city_id"), opportunityID: try row.id("opportunity_id"),
            organisationID: try row.id("organisation_id"), personID: try row.id("person_id"), status: status,
            message: try row.decode(column: "message", as: String.self),
            reason: try row.decode(column: "reason", as: String.self),
            startedOn: try VolunteeringTables.day(row, "started_on"),
            endedOn: try VolunteeringTables.day(row, "ended_on"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
