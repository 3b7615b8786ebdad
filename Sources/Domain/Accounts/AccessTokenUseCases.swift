import Foundation

/// Personal access tokens: making one (its secret shown once), listing and revoking one's own, and finding who
/// a request's token acts for.
public struct AccessTokenUseCases: Sendable {
    var tokens: any AccessTokenRepository
    var persons: any PersonRepository
    var roles: any RoleRepository
    public var now: @Sendable () -> Date

    public init(
        tokens: any AccessTokenRepository, persons: any PersonRepository, roles: any RoleRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tokens = tokens
        self.persons = persons
        self.roles = roles
        self.now = now
    }

    /// Makes a token for the signed-in person and returns it with its secret, which is not kept. A write token
    /// needs at least one organisation the person edits.
    public func create(actor: Actor?, input: AccessTokenInput) async throws -> (AccessToken, secret: String) {
        guard let actor else { throw NotPermitted() }
        var (name, scope, days) = try input.validate().get()
        name = String(name.prefix(80))
        if scope == .write, AccessToken.roles(from: actor.roles).isEmpty {
            throw ValidationErrors(["scope": ["accounts.tokens.errors.scope.no_organisations"]])
        }
        let created = now()
        let token = AccessToken(
            personID: actor.person.id, name: name, scope: scope, createdAt: created,
            expiresAt: created.addingTimeInterval(Double(days) * 86_400))
        let secret = AccessToken.newSecret()
        try await tokens.create(token, secret: secret)
        return (token, secret)
    }

    /// The signed-in person's tokens, newest first.
    public func mine(actor: Actor?) async throws -> [AccessToken] {
        guard let actor else { throw NotPermitted() }
        return try await tokens.list(person: actor.person.id)
    }

    /// Revokes one of the signed-in person's tokens; another person's token is not found.
    public func revoke(actor: Actor?, id: AccessTokenID) async throws {
        guard let actor else { throw NotPermitted() }
        guard try await tokens.list(person: actor.person.id).contains(where: { $0.id == id }) else {
            throw NotFound()
        }
        try await tokens.revoke(id, at: now())
    }

    /// Who a request's token acts for, with the token; `nil` for an unknown, revoked or expired token.
    public func actor(forSecret secret: String) async throws -> (Actor, AccessToken)? {
        guard secret.hasPrefix(AccessToken.secretPrefix), let token = try await tokens.find(secret: secret) else {
            return nil
        }
        let moment = now()
        guard token.isUsable(at: moment), let person = try await persons.find(id: token.personID) else {
            return nil
        }
        // Noting every use would write on every request; a minute's precision is enough to see a token in use.
        if (token.lastUsedAt ?? .distantPast) < moment.addingTimeInterval(-60) {
            try await tokens.markUsed(token.id, at: moment)
        }
        let acting = AccessToken.roles(from: try await roles.roles(of: person.id))
        return (Actor(person: person, roles: acting), token)
    }
}
