import Foundation

public typealias PersonID = Identifier<Person>

/// Someone with an account. The password hash never leaves Storage and the account use cases.
public struct Person: Hashable, Sendable {
    public var id: PersonID
    public var email: String
    public var displayName: String
    public var passwordHash: String
    public var preferredLanguage: LanguageCode
    public var createdAt: Date

    public init(
        id: PersonID = PersonID(),
        email: String,
        displayName: String,
        passwordHash: String,
        preferredLanguage: LanguageCode,
        createdAt: Date
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.preferredLanguage = preferredLanguage
        self.createdAt = createdAt
    }
}

/// A recorded consent: what the person agreed to, in which wording, and when (or when withdrawn).
public struct Consent: Hashable, Sendable {
    public var personID: PersonID
    public var purpose: String
    public var textVersion: String
    public var givenAt: Date
    public var withdrawnAt: Date?

    public init(personID: PersonID, purpose: String, textVersion: String, givenAt: Date, withdrawnAt: Date? = nil) {
        self.personID = personID
        self.purpose = purpose
        self.textVersion = textVersion
        self.givenAt = givenAt
        self.withdrawnAt = withdrawnAt
    }

    /// The consent every account gives at sign-up: processing of the account's own data.
    public static let accountPurpose = "account"
    public static let accountTextVersion = "2026-11"
}

/// Email addresses are compared case-insensitively and stored trimmed and lower-cased.
public enum EmailAddress {
    public static func normalise(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one `@`, something before it, a dot in the domain, no spaces.
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}
