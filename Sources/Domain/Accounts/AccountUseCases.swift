import Foundation

/// How a sign-in attempt ended.
public enum SignInOutcome: Sendable {
    case signedIn(Person, token: String)
    case invalidCredentials
    case throttled
}

/// Sign-up, sign-in, sign-out, sessions and password reset.
public struct AccountUseCases: Sendable {
    var persons: any PersonRepository
    var roles: any RoleRepository
    var sessions: any SessionRepository
    var resets: any PasswordResetRepository
    var attempts: any SignInAttemptRepository
    var outbox: any OutboxRepository
    public var hasher: any PasswordHasher
    public var throttle: SignInThrottle
    public var sessionLifetime: TimeInterval
    public var resetLifetime: TimeInterval
    public var now: @Sendable () -> Date

    public init(
        persons: any PersonRepository,
        roles: any RoleRepository,
        sessions: any SessionRepository,
        resets: any PasswordResetRepository,
        attempts: any SignInAttemptRepository,
        outbox: any OutboxRepository,
        hasher: any PasswordHasher,
        throttle: SignInThrottle = SignInThrottle(),
        sessionLifetime: TimeInterval = 7 * 24 * 3600,
        resetLifetime: TimeInterval = 3600,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.persons = persons
        self.roles = roles
        self.sessions = sessions
        self.resets = resets
        self.attempts = attempts
        self.outbox = outbox
        self.hasher = hasher
        self.throttle = throttle
        self.sessionLifetime = sessionLifetime
        self.resetLifetime = resetLifetime
        self.now = now
    }

    /// Creates an account and records the consent given; throws `ValidationErrors`.
    /// A person's account, as pages name them (never their email).
    public func person(id: PersonID) async throws -> Person? {
        try await persons.find(id: id)
    }

    public func signUp(_ input: SignUpInput) async throws -> Person {
        var errors = input.validate()
        let email = EmailAddress.normalise(input.email)
        if errors.isEmpty, try await persons.find(email: email) != nil {
            errors.add("accounts.errors.email.taken", to: "email")
        }
        try errors.throwIfAny()
        let person = Person(
            email: email,
            displayName: input.displayName.trimmingCharacters(in: .whitespacesAndNewlines),
            passwordHash: try await hasher.hash(input.password),
            preferredLanguage: LanguageCode(input.preferredLanguage) ?? .english,
            createdAt: now()
        )
        let consent = Consent(
            personID: person.id, purpose: Consent.accountPurpose, textVersion: Consent.accountTextVersion,
            givenAt: person.createdAt)
        try await persons.create(person, consent: consent)
        return person
    }

    /// Checks the password (unless throttled) and opens a fresh session; an old session token is discarded.
    public func signIn(email: String, password: String, address: String, previousToken: String?) async throws
        -> SignInOutcome
    {
        let accountKey = SignInThrottle.accountKey(email)
        let addressKey = SignInThrottle.addressKey(address)
        let since = throttle.windowStart(now: now())
        let accountFailures = try await attempts.failures(key: accountKey, since: since)
        let addressFailures = try await attempts.failures(key: addressKey, since: since)
        if throttle.isLocked(accountFailures: accountFailures, addressFailures: addressFailures) {
            return .throttled
        }
        let person = try await persons.find(email: EmailAddress.normalise(email))
        // Hash even for unknown accounts so response time does not reveal which emails exist.
        var verified = false
        if let person {
            verified = try await hasher.verify(password, against: person.passwordHash)
        } else {
            _ = try await hasher.hash(password)
        }
        guard let person, verified else {
            try await attempts.recordFailure(keys: [accountKey, addressKey], at: now())
            return .invalidCredentials
        }
        try await attempts.clear(key: accountKey)
        if let previousToken { try await sessions.delete(token: previousToken) }
        let token = SecureToken.generate()
        let started = now()
        try await sessions.create(
            token: token,
            session: Session(personID: person.id, createdAt: started, expiresAt: started + sessionLifetime))
        return .signedIn(person, token: token)
    }

    public func signOut(token: String) async throws {
        try await sessions.delete(token: token)
    }

    /// The person behind a session token with their roles, extending the session while it is in use.
    public func actor(forSession token: String) async throws -> Actor? {
        guard let session = try await sessions.find(token: token) else { return nil }
        let current = now()
        guard session.expiresAt > current else {
            try await sessions.delete(token: token)
            return nil
        }
        guard let person = try await persons.find(id: session.personID) else { return nil }
        // Slide the expiry at most once an hour, so reads do not turn into writes on every request.
        if session.expiresAt.timeIntervalSince(current) < sessionLifetime - 3600 {
            try await sessions.extend(token: token, until: current + sessionLifetime)
        }
        return Actor(person: person, roles: try await roles.roles(of: person.id))
    }

    /// Sends a one-time reset link when the account exists; answers the same either way.
    /// `message` renders the email in the person's language from the token.
    public func requestPasswordReset(
        email: String,
        message: @Sendable (Person, String) -> (subject: String, body: String)
    ) async throws {
        guard let person = try await persons.find(email: EmailAddress.normalise(email)) else { return }
        let token = SecureToken.generate()
        try await resets.create(token: token, person: person.id, expiresAt: now() + resetLifetime)
        let rendered = message(person, token)
        try await outbox.enqueue(
            OutboxMessage(recipient: person.email, subject: rendered.subject, body: rendered.body, createdAt: now()))
    }

    /// Removes expired sessions and sign-in failures that no longer count, so neither table grows without end.
    public func pruneExpired() async throws {
        try await sessions.deleteExpired(before: now())
        try await attempts.prune(before: throttle.windowStart(now: now()))
    }

    /// Sets a new password with a reset token; signs the person out everywhere. Throws `ValidationErrors`.
    public func resetPassword(token: String, newPassword: String) async throws {
        var errors = ValidationErrors()
        PasswordPolicy.check(newPassword, into: &errors, field: "password")
        try errors.throwIfAny()
        guard let personID = try await resets.consume(token: token, now: now()) else {
            throw ValidationErrors(["token": ["accounts.errors.reset_token.invalid"]])
        }
        try await persons.updatePasswordHash(try await hasher.hash(newPassword), for: personID)
        try await sessions.deleteAll(of: personID)
    }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension AccountUseCases {
    /// The consents a person gave or withdrew.
    public func consents(of person: PersonID) async throws -> [Consent] {
        try await persons.consents(of: person)
    }
}
