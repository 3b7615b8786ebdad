import Domain
import Foundation
import SQLKit

/// Personal access tokens in `access_tokens`; the secret itself is never stored, only its SHA-256 digest.
public struct SQLAccessTokenRepository: AccessTokenRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "person_id", "name", "scope", "created_at", "expires_at", "last_used_at", "revoked_at",
    ]

    public func create(_ token: AccessToken, secret: String) async throws {
        try await database.sql.insert(into: "access_tokens")
            .columns(
                "id", "token_digest", "person_id", "name", "scope", "created_at", "updated_at", "expires_at",
                "last_used_at", "revoked_at"
            )
            .values(
                bind(token.id), SQLBind(TokenDigest.of(secret)), bind(token.personID), SQLBind(token.name),
                SQLBind(token.scope.rawValue), SQLBind(token.createdAt.epochSeconds),
                SQLBind(token.createdAt.epochSeconds), SQLBind(token.expiresAt.epochSeconds),
                SQLBind(token.lastUsedAt?.epochSeconds), SQLBind(token.revokedAt?.epochSeconds)
            )
            .run()
    }

    public func find(secret: String) async throws -> AccessToken? {
        try await database.sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("access_tokens")
            .where("token_digest", .equal, TokenDigest.of(secret)).first()
            .map(Self.token)
    }

    public func list(person: PersonID) async throws -> [AccessToken] {
        try await database.sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("access_tokens")
            .where("person_id", .equal, bind(person))
            .orderBy("created_at", .descending).orderBy("id")
            .all().map(Self.token)
    }

    public func revoke(_ id: AccessTokenID, at: Date) async throws {
        try await database.sql.update("access_tokens")
            .set("revoked_at", to: SQLBind(at.epochSeconds)).set("updated_at", to: SQLBind(at.epochSeconds))
            .where("id", .equal, bind(id)).where("revoked_at", .is, SQLLiteral.null)
            .run()
    }

    public func markUsed(_ id: AccessTokenID, at: Date) async throws {
        try await database.sql.update("access_tokens").set("last_used_at", to: SQLBind(at.epochSeconds))
            .where("id", .equal, bind(id)).run()
    }

    static func token(_ row: any SQLRow) throws -> AccessToken {
        let scopeText = try row.decode(column: "scope", as: String.self)
        guard let scope = AccessToken.Scope(rawValue: scopeText) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad scope \(scopeText)"))
        }
        return AccessToken(
            id: try row.id("id"), personID: try row.id("person_id"),
            name: try row.decode(column: "name", as: String.self), scope: scope,
            createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"),
            lastUsedAt: try row.optionalDate("last_used_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}
