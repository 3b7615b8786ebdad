import Domain
import Foundation
import SQLKit

/// Sessions in `sessions`, keyed by the digest of their token.
public struct SQLSessionRepository: SessionRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(token: String, session: Session) async throws {
        try await database.sql.insert(into: "sessions")
            .columns("token_digest", "person_id", "created_at", "expires_at")
            .values(
                SQLBind(TokenDigest.of(token)), bind(session.personID), SQLBind(session.createdAt.epochSeconds),
                SQLBind(session.expiresAt.epochSeconds)
            )
            .run()
    }

    public func find(token: String) async throws -> Session? {
        try await database.sql.select().columns("person_id", "created_at", "expires_at").from("sessions")
            .where("token_digest", .equal, TokenDigest.of(token)).first()
            .map { row in
                Session(
                    personID: try row.id("person_id"), createdAt: try row.date("created_at"),
                    expiresAt: try row.date("expires_at"))
            }
    }

    public func extend(token: String, until: Date) async throws {
        try await database.sql.update("sessions").set("expires_at", to: SQLBind(until.epochSeconds))
            .where("token_digest", .equal, TokenDigest.of(token)).run()
    }

    public func delete(token: String) async throws {
        try await database.sql.delete(from: "sessions").where("token_digest", .equal, TokenDigest.of(token)).run()
    }

    public func deleteAll(of person: PersonID) async throws {
        try await database.sql.delete(from: "sessions").where("person_id", .equal, bind(person)).run()
    }

    public func deleteExpired(before: Date) async throws {
        try await database.sql.delete(from: "sessions").where("expires_at", .lessThan, SQLBind(before.epochSeconds))
            .run()
    }
}

/// One-time reset tokens in `password_resets`.
public struct SQLPasswordResetRepository: PasswordResetRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(token: String, person: PersonID, expiresAt: Date) async throws {
        try await database.sql.insert(into: "password_resets")
            .columns("token_digest", "person_id", "expires_at", "used_at", "created_at")
            .values(
                SQLBind(TokenDigest.of(token)), bind(person), SQLBind(expiresAt.epochSeconds), SQLBind(Int64?.none),
                SQLBind(Date().epochSeconds)
            )
            .run()
    }

    public func consume(token: String, now: Date) async throws -> PersonID? {
        let digest = TokenDigest.of(token)
        return try await database.transaction { sql in
            guard
                let row = try await sql.select().columns("person_id", "expires_at", "used_at").from("password_resets")
                    .where("token_digest", .equal, digest).first()
            else { return nil }
            guard try row.optionalDate("used_at") == nil, try row.date("expires_at") > now else { return nil }
            try await sql.update("password_resets").set("used_at", to: SQLBind(now.epochSeconds))
                .where("token_digest", .equal, digest).run()
            return try row.id("person_id")
        }
    }
}

/// Failed sign-ins in `sign_in_failures`.
public struct SQLSignInAttemptRepository: SignInAttemptRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func recordFailure(keys: [String], at: Date) async throws {
        for key in keys {
            try await database.sql.insert(into: "sign_in_failures").columns("id", "key", "failed_at")
                .values(SQLBind(UUID().uuidString.lowercased()), SQLBind(key), SQLBind(at.epochSeconds)).run()
        }
    }

    public func failures(key: String, since: Date) async throws -> Int {
        let row = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("sign_in_failures").where("key", .equal, key)
            .where("failed_at", .greaterThanOrEqual, SQLBind(since.epochSeconds)).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    public func clear(key: String) async throws {
        try await database.sql.delete(from: "sign_in_failures").where("key", .equal, key).run()
    }

    public func prune(before: Date) async throws {
        try await database.sql.delete(from: "sign_in_failures")
            .where("failed_at", .lessThan, SQLBind(before.epochSeconds)).run()
    }
}
