/// What a person submits to create an account.
public struct SignUpInput: Sendable, Hashable {
    public var email: String
    public var displayName: String
    public var password: String
    public var preferredLanguage: String
    public var acceptsTerms: Bool

    public init(email: String, displayName: String, password: String, preferredLanguage: String, acceptsTerms: Bool) {
        self.email = email
        self.displayName = displayName
        self.password = password
        self.preferredLanguage = preferredLanguage
        self.acceptsTerms = acceptsTerms
    }

    public func validate() -> ValidationErrors {
        var errors = ValidationErrors()
        errors.require(
            EmailAddress.isPlausible(EmailAddress.normalise(email)), "accounts.errors.email.invalid", field: "email")
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!name.isEmpty, "common.errors.required", field: "display_name")
        errors.require(name.count <= 100, "common.errors.too_long", field: "display_name")
        PasswordPolicy.check(password, into: &errors, field: "password")
        errors.require(LanguageCode(preferredLanguage) != nil, "accounts.errors.language.invalid", field: "language")
        errors.require(acceptsTerms, "accounts.errors.terms.required", field: "accepts_terms")
        return errors
    }
}

/// The rules a new password must meet: long enough to resist guessing, short enough for bcrypt (72 bytes).
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumBytes = 72

    public static func check(_ password: String, into errors: inout ValidationErrors, field: String) {
        errors.require(password.count >= minimumLength, "accounts.errors.password.too_short", field: field)
        errors.require(password.utf8.count <= maximumBytes, "accounts.errors.password.too_long", field: field)
    }
}

/// A role an admin asks to grant: who (by email), what, and for editors which organisation.
public struct RoleGrantInput: Sendable, Hashable {
    public var email: String
    public var kind: String
    public var organisationID: String

    public init(email: String, kind: String, organisationID: String) {
        self.email = email
        self.kind = kind
        self.organisationID = organisationID
    }

    public func validate() -> Result<(email: String, kind: RoleKind, organisation: OrganisationID?), ValidationErrors> {
        var errors = ValidationErrors()
        let email = EmailAddress.normalise(email)
        errors.require(EmailAddress.isPlausible(email), "accounts.errors.email.invalid", field: "email")
        let kind = RoleKind(rawValue: kind)
        errors.require(kind != nil, "roles.errors.kind.invalid", field: "kind")
        var organisation: OrganisationID?
        if kind?.needsOrganisation == true {
            organisation = OrganisationID(string: organisationID)
            errors.require(organisation != nil, "roles.errors.organisation.required", field: "organisation_id")
        }
        guard errors.isEmpty, let kind else { return .failure(errors) }
        return .success((email, kind, organisation))
    }
}
