import Foundation

public typealias AccessTokenID = Identifier<AccessToken>

/// A personal access token: a named, scoped, expiring credential with which a person's scripts and other systems
/// use the JSON API (`Authorization: Bearer …`). Only a digest of its secret is stored; the secret is shown once.
///
/// A token acts for its person only as the editor of the organisations they edit, never with their other roles:
/// `read` lets it read what those roles may read, `write` also lets it change those organisations' records.
public struct AccessToken: Hashable, Sendable {
    public enum Scope: String, Hashable, Sendable, CaseIterable {
        case read
        case write
    }

    public var id: AccessTokenID
    public var personID: PersonID
    public var name: String
    public var scope: Scope
    public var createdAt: Date
    public var expiresAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: AccessTokenID = .init(), personID: PersonID, name: String, scope: Scope, createdAt: Date, expiresAt: Date,
        lastUsedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.personID = personID
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// Whether the token may be used at `now`: neither revoked nor expired.
    public func isUsable(at now: Date) -> Bool { revokedAt == nil && now < expiresAt }

    /// Every secret begins with this, so that a leaked one is easy to recognise (and to search for).
    public static let secretPrefix = "arrival_pat_"

    /// A new secret: the prefix and 32 random bytes.
    public static func newSecret() -> String { secretPrefix + SecureToken.generate() }

    /// The roles a token acts with: the person's organisation editor roles only.
    public static func roles(from roles: [RoleAssignment]) -> [RoleAssignment] {
        roles.filter { $0.kind == .organisationEditor }
    }
}

/// Where access tokens are kept, by the digest of their secret.
public protocol AccessTokenRepository: Sendable {
    func create(_ token: AccessToken, secret: String) async throws
    func find(secret: String) async throws -> AccessToken?
    /// A person's tokens, newest first, revoked and expired ones included.
    func list(person: PersonID) async throws -> [AccessToken]
    func revoke(_ id: AccessTokenID, at: Date) async throws
    func markUsed(_ id: AccessTokenID, at: Date) async throws
}

/// What a person types to make a token.
public struct AccessTokenInput: Sendable, Hashable {
    public var name: String
    public var scope: String
    public var days: String

    public init(name: String = "", scope: String = AccessToken.Scope.read.rawValue, days: String = "90") {
        self.name = name
        self.scope = scope
        self.days = days
    }

    /// How long a token may live, in days.
    public static let lifetimes = [7, 30, 90, 365]

    /// The name, scope and lifetime, or the problems with them.
    public func validate() -> Result<(name: String, scope: AccessToken.Scope, days: Int), ValidationErrors> {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!name.isEmpty, "accounts.tokens.errors.name.missing", field: "name")
        errors.require(name.count <= 80, "accounts.tokens.errors.name.too_long", field: "name")
        let scope = AccessToken.Scope(rawValue: self.scope)
        errors.require(scope != nil, "accounts.tokens.errors.scope.invalid", field: "scope")
        let days = Int(self.days).flatMap { Self.lifetimes.contains($0) ? $0 : nil }
        errors.require(days != nil, "accounts.tokens.errors.days.invalid", field: "days")
        guard errors.isEmpty, let scope, let days else { return .failure(errors) }
        return .success((name, scope, days))
    }
}
