import Foundation

/// Where accounts and their consents are kept.
public protocol PersonRepository: Sendable {
    func find(id: PersonID) async throws -> Person?
    func find(email: String) async throws -> Person?
    /// Stores a new person with the consent given at sign-up; throws `ValidationErrors` when the email is taken.
    func create(_ person: Person, consent: Consent) async throws
    func updatePasswordHash(_ hash: String, for person: PersonID) async throws
    func consents(of person: PersonID) async throws -> [Consent]
}

/// Where scoped roles are kept.
public protocol RoleRepository: Sendable {
    func roles(of person: PersonID) async throws -> [RoleAssignment]
    func find(id: RoleAssignmentID) async throws -> RoleAssignment?
    /// Every role in a city (and every platform role) with the person who holds it.
    func list(city: CityID) async throws -> [(RoleAssignment, Person)]
    func grant(_ assignment: RoleAssignment) async throws
    func revoke(id: RoleAssignmentID) async throws
}

/// A signed-in browser. Only a digest of the token is stored.
public struct Session: Hashable, Sendable {
    public var personID: PersonID
    public var createdAt: Date
    public var expiresAt: Date

    public init(personID: PersonID, createdAt: Date, expiresAt: Date) {
        self.personID = personID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Where sessions are kept, by token.
public protocol SessionRepository: Sendable {
    func create(token: String, session: Session) async throws
    func find(token: String) async throws -> Session?
    func extend(token: String, until: Date) async throws
    func delete(token: String) async throws
    func deleteAll(of person: PersonID) async throws
    func deleteExpired(before: Date) async throws
}

/// Where one-time password reset tokens are kept. Only digests are stored.
public protocol PasswordResetRepository: Sendable {
    func create(token: String, person: PersonID, expiresAt: Date) async throws
    /// Marks the token used and returns its person, if it exists, is unused and has not expired.
    func consume(token: String, now: Date) async throws -> PersonID?
}

/// Failed sign-in attempts, counted per key (account or client address).
public protocol SignInAttemptRepository: Sendable {
    func recordFailure(keys: [String], at: Date) async throws
    func failures(key: String, since: Date) async throws -> Int
    func clear(key: String) async throws
    /// Forgets failures older than `before`; they no longer count toward any lock.
    func prune(before: Date) async throws
}

/// A message waiting to be delivered (email). The log prints it; SMTP delivers it when configured.
public struct OutboxMessage: Hashable, Sendable {
    public var id: Identifier<OutboxMessage>
    public var recipient: String
    public var subject: String
    public var body: String
    public var createdAt: Date
    public var sentAt: Date?

    public init(
        id: Identifier<OutboxMessage> = .init(),
        recipient: String,
        subject: String,
        body: String,
        createdAt: Date,
        sentAt: Date? = nil
    ) {
        self.id = id
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

/// The queue of outgoing messages.
public protocol OutboxRepository: Sendable {
    func enqueue(_ message: OutboxMessage) async throws
    func pending(limit: Int) async throws -> [OutboxMessage]
    func markSent(_ id: Identifier<OutboxMessage>, at: Date) async throws
    /// Gives up on a message the mail server refused for good; it is not tried again.
    func markFailed(_ id: Identifier<OutboxMessage>, at: Date, reason: String) async throws
    func messages(to recipient: String) async throws -> [OutboxMessage]
}

/// Turns passwords into slow salted hashes and checks them; implementations run off the request path.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}

/// Delivers one outgoing message (for example over SMTP). Throws when it could not be handed over:
/// `UndeliverableMessage` when it never will be, anything else when trying again later may help.
public protocol MessageSender: Sendable {
    func send(_ message: OutboxMessage) async throws
}

/// The mail server refused a message for good (a 5xx reply, such as an unknown recipient).
public struct UndeliverableMessage: Error, Hashable, Sendable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
