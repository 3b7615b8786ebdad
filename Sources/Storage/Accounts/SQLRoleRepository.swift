import Domain
import Foundation
import SQLKit

/// Scoped roles in `role_assignments`.
public struct SQLRoleRepository: RoleRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func roles(of person: PersonID) async throws -> [RoleAssignment] {
        try await select().where("person_id", .equal, bind(person)).orderBy("granted_at").all().map(Self.assignment)
    }

    public func find(id: RoleAssignmentID) async throws -> RoleAssignment? {
        try await select().where("id", .equal, bind(id)).first().map(Self.assignment)
    }

    public func list(city: CityID) async throws -> [(RoleAssignment, Person)] {
        let rows = try await database.sql.select()
            .columns(
                SQLColumn("id", table: "r"), SQLColumn("person_id", table: "r"), SQLColumn("kind", table: "r"),
                SQLColumn("city_id", table: "r"), SQLColumn("organisation_id", table: "r"),
                SQLColumn("granted_by", table: "r"), SQLColumn("granted_at", table: "r")
            )
            .column(SQLColumn("email", table: "p"))
            .column(SQLColumn("display_name", table: "p"))
            .column(SQLColumn("password_hash", table: "p"))
            .column(SQLColumn("preferred_language", table: "p"))
            .column(SQLAlias(SQLColumn("created_at", table: "p"), as: SQLIdentifier("created_at")))
            .from(SQLAlias(SQLIdentifier("role_assignments"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("people"), as: SQLIdentifier("p")), on: SQLRaw("p.id = r.person_id"))
            .where(SQLColumn("city_id", table: "r"), .equal, bind(city))
            .orWhere(SQLColumn("kind", table: "r"), .equal, SQLBind(RoleKind.platformAdmin.rawValue))
            .orderBy(SQLColumn("email", table: "p"))
            .orderBy(SQLColumn("kind", table: "r"))
            .all()
        return try rows.map { row in
            let assignment = try Self.assignment(row)
            let person = Person(
                id: assignment.personID,
                email: try row.decode(column: "email", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                passwordHash: try row.decode(column: "password_hash", as: String.self),
                preferredLanguage: try row.language("preferred_language"),
                createdAt: try row.date("created_at")
            )
            return (assignment, person)
        }
    }

    public func grant(_ assignment: RoleAssignment) async throws {
        let now = Date().epochSeconds
        try await database.sql.insert(into: "role_assignments")
            .columns(
                "id", "person_id", "kind", "city_id", "organisation_id", "granted_by", "granted_at", "created_at",
                "updated_at"
            )
            .values(
                bind(assignment.id), bind(assignment.personID), SQLBind(assignment.kind.rawValue),
                bind(assignment.cityID), bind(assignment.organisationID), bind(assignment.grantedBy),
                SQLBind(assignment.grantedAt.epochSeconds), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    public func revoke(id: RoleAssignmentID) async throws {
        try await database.sql.delete(from: "role_assignments").where("id", .equal, bind(id)).run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select()
            .columns("id", "person_id", "kind", "city_id", "organisation_id", "granted_by", "granted_at")
            .from("role_assignments")
    }

    private static func assignment(_ row: any SQLRow) throws -> RoleAssignment {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = RoleKind(rawValue: kindText) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown role \(kindText)"))
        }
        return RoleAssignment(
            id: try row.id("id"),
            personID: try row.id("person_id"),
            kind: kind,
            cityID: try row.optionalID("city_id"),
            organisationID: try row.optionalID("organisation_id"),
            grantedBy: try row.optionalID("granted_by"),
            grantedAt: try row.date("granted_at")
        )
    }
}
