import Domain
import Foundation
import SQLKit

/// Contact persons in `contact_persons`.
public struct SQLContactRepository: ContactRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "organisation_id", "name", "role", "email", "phone", "public_consent_at", "public_consent_purpose",
        "since", "until", "replaces_id", "replaced_by_id",
    ]

    public func list(organisation: OrganisationID) async throws -> [ContactPerson] {
        try await database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("contact_persons")
            .where("organisation_id", .equal, bind(organisation))
            .orderBy("since", .descending).orderBy("name")
            .all().map(Self.contact)
            .sorted { ($0.isCurrent ? 0 : 1, $1.since) < ($1.isCurrent ? 0 : 1, $0.since) }
    }

    public func find(id: ContactPersonID) async throws -> ContactPerson? {
        try await database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("contact_persons")
            .where("id", .equal, bind(id)).first().map(Self.contact)
    }

    public func create(_ contact: ContactPerson) async throws {
        try await insert(contact, on: database.sql)
    }

    public func handover(from previous: ContactPersonID, on day: CalendarDay, to successor: ContactPerson) async throws
    {
        try await database.transaction { sql in
            try await insert(successor, on: sql)
            try await sql.update("contact_persons")
                .set("until", to: SQLBind(day.description))
                .set("replaced_by_id", to: bind(successor.id))
                .set("updated_at", to: SQLBind(Date().epochSeconds))
                .where("id", .equal, bind(previous))
                .run()
        }
    }

    public func delete(id: ContactPersonID) async throws {
        try await database.transaction { sql in
            // Cleared by hand as well as by the foreign keys, so the result is the same on every engine.
            for column in ["replaces_id", "replaced_by_id"] {
                try await sql.update("contact_persons").set(SQLIdentifier(column), to: SQLLiteral.null)
                    .where(SQLIdentifier(column), .equal, bind(id)).run()
            }
            try await sql.delete(from: "contact_persons").where("id", .equal, bind(id)).run()
        }
    }

    public func currentContacts(city: CityID) async throws -> [ContactPerson] {
        try await database.sql.select().columns(Self.columns.map { SQLColumn($0, table: "c") })
            .from(SQLAlias(SQLIdentifier("contact_persons"), as: SQLIdentifier("c")))
            .join(
                SQLAlias(SQLIdentifier("organisations"), as: SQLIdentifier("o")), on: SQLRaw("o.id = c.organisation_id")
            )
            .where(SQLColumn("city_id", table: "o"), .equal, bind(city))
            .where(SQLColumn("until", table: "c"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("since", table: "c"))
            .all().map(Self.contact)
    }

    private func insert(_ contact: ContactPerson, on sql: any SQLDatabase) async throws {
        let now = Date().epochSeconds
        try await sql.insert(into: "contact_persons")
            .columns(Self.columns + ["created_at", "updated_at"])
            .values(
                bind(contact.id), bind(contact.organisationID), SQLBind(contact.name), SQLBind(contact.role),
                SQLBind(contact.email), SQLBind(contact.phone), SQLBind(contact.publicConsent?.givenAt.epochSeconds),
                SQLBind(contact.publicConsent?.purpose), SQLBind(contact.since.description),
                SQLBind(contact.until?.description), bind(contact.replacesID), bind(contact.replacedByID),
                SQLBind(now), SQLBind(now)
            )
            .run()
    }

    static func contact(_ row: any SQLRow) throws -> ContactPerson {
        let consentAt = try row.optionalDate("public_consent_at")
        let purpose = try row.decode(column: "public_consent_purpose", as: String?.self)
        return ContactPerson(
            id: try row.id("id"),
            organisationID: try row.id("organisation_id"),
            name: try row.decode(column: "name", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            email: try row.decode(column: "email", as: String?.self),
            phone: try row.decode(column: "phone", as: String?.self),
            publicConsent: consentAt.map {
                .init(givenAt: $0, purpose: purpose ?? ContactPerson.PublicConsent.purpose)
            },
            since: try day(row, "since") ?? CalendarDay(year: 1970, month: 1, day: 1)!,
            until: try day(row, "until"),
            replacesID: try row.optionalID("replaces_id"),
            replacedByID: try row.optionalID("replaced_by_id")
        )
    }

    static func day(_ row: any SQLRow, _ column: String) throws -> CalendarDay? {
        try row.decode(column: column, as: String?.self).flatMap(CalendarDay.init)
    }
}
