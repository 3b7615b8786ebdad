import Domain
import Foundation
import SQLKit

/// People in `people`, consents in `consents`.
public struct SQLPersonRepository: PersonRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func find(id: PersonID) async throws -> Person? {
        try await select().where("id", .equal, bind(id)).first().map(Self.person)
    }

    public func find(email: String) async throws -> Person? {
        try await select().where("email", .equal, EmailAddress.normalise(email)).first().map(Self.person)
    }

    public func create(_ person: Person, consent: Consent) async throws {
        try await database.transaction { sql in
            let taken = try await sql.select().column("id").from("people").where("email", .equal, person.email).first()
            if taken != nil { throw ValidationErrors(["email": ["accounts.errors.email.taken"]]) }
            let now = Date().epochSeconds
            try await sql.insert(into: "people")
                .columns(
                    "id", "email", "display_name", "password_hash", "preferred_language", "created_at", "updated_at"
                )
                .values(
                    bind(person.id), SQLBind(person.email), SQLBind(person.displayName), SQLBind(person.passwordHash),
                    SQLBind(person.preferredLanguage.rawValue), SQLBind(person.createdAt.epochSeconds), SQLBind(now)
                )
                .run()
            try await sql.insert(into: "consents")
                .columns(
                    "id", "person_id", "purpose", "text_version", "given_at", "withdrawn_at", "created_at", "updated_at"
                )
                .values(
                    SQLBind(UUID().uuidString.lowercased()), bind(consent.personID), SQLBind(consent.purpose),
                    SQLBind(consent.textVersion), SQLBind(consent.givenAt.epochSeconds),
                    SQLBind(consent.withdrawnAt?.epochSeconds), SQLBind(now), SQLBind(now)
                )
                .run()
        }
    }

    public func updatePasswordHash(_ hash: String, for person: PersonID) async throws {
        try await database.sql.update("people")
            .set("password_hash", to: SQLBind(hash))
            .set("updated_at", to: SQLBind(Date().epochSeconds))
            .where("id", .equal, bind(person))
            .run()
    }

    public func consents(of person: PersonID) async throws -> [Consent] {
        try await database.sql.select()
            .columns("person_id", "purpose", "text_version", "given_at", "withdrawn_at")
            .from("consents").where("person_id", .equal, bind(person)).orderBy("given_at").all()
            .map { row in
                Consent(
                    personID: try row.id("person_id"),
                    purpose: try row.decode(column: "purpose", as: String.self),
                    textVersion: try row.decode(column: "text_version", as: String.self),
                    givenAt: try row.date("given_at"),
                    withdrawnAt: try row.optionalDate("withdrawn_at")
                )
            }
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select()
            .columns("id", "email", "display_name", "password_hash", "preferred_language", "created_at")
            .from("people")
    }

    static func person(_ row: any SQLRow) throws -> Person {
        Person(
            id: try row.id("id"),
            email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            preferredLanguage: try row.language("preferred_language"),
            createdAt: try row.date("created_at")
        )
    }
}
