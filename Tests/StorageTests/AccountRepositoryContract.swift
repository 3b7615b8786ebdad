import Domain
import Foundation
import SQLKit
import Storage
import Testing

@Suite("Account repositories")
struct AccountRepositoryContract {
    @Test("a person is found by id and by email in any case, with the consent given", arguments: TestEngine.available)
    func storesPerson(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let person = try await Fixtures.storedPerson(repositories)
            #expect(try await repositories.persons.find(id: person.id) == person)
            #expect(try await repositories.persons.find(email: "AINO@Example.org ") == person)
            let consents = try await repositories.persons.consents(of: person.id)
            #expect(consents.map(\.purpose) == [Consent.accountPurpose])
        }
    }

    @Test("a second account with the same email is refused", arguments: TestEngine.available)
    func refusesDuplicateEmail(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            try await Fixtures.storedPerson(repositories)
            await #expect(throws: ValidationErrors(["email": ["accounts.errors.email.taken"]])) {
                try await Fixtures.storedPerson(repositories)
            }
        }
    }

    @Test("roles are granted, listed per city with platform admins, and revoked", arguments: TestEngine.available)
    func grantsRoles(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let other = try await Fixtures.storedCity(repositories, slug: "espoo")
            let person = try await Fixtures.storedPerson(repositories)
            let admin = try await Fixtures.storedPerson(repositories, email: "admin@example.org")
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            let coordinator = RoleAssignment(
                personID: person.id, kind: .coordinator, cityID: city.id, grantedBy: admin.id, grantedAt: now)
            let elsewhere = RoleAssignment(
                personID: person.id, kind: .volunteer, cityID: other.id, grantedBy: nil, grantedAt: now)
            let platform = RoleAssignment(
                personID: admin.id, kind: .platformAdmin, cityID: nil, grantedBy: nil, grantedAt: now)
            for role in [coordinator, elsewhere, platform] { try await repositories.roles.grant(role) }

            #expect(Set(try await repositories.roles.roles(of: person.id)) == [coordinator, elsewhere])
            let listed = try await repositories.roles.list(city: city.id).map(\.0)
            #expect(Set(listed) == [coordinator, platform])
            #expect(try await repositories.roles.find(id: coordinator.id) == coordinator)

            try await repositories.roles.revoke(id: coordinator.id)
            #expect(try await repositories.roles.roles(of: person.id) == [elsewhere])
        }
    }

    @Test("sessions are stored by digest, extended, expired and deleted", arguments: TestEngine.available)
    func storesSessions(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, repositories in
            let person = try await Fixtures.storedPerson(repositories)
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            let session = Session(personID: person.id, createdAt: start, expiresAt: start + 60)
            try await repositories.sessions.create(token: "token-a", session: session)
            try await repositories.sessions.create(token: "token-b", session: session)

            #expect(try await repositories.sessions.find(token: "token-a") == session)
            let raw = try await database.sql.select().column("token_digest").from("sessions")
                .where("token_digest", .equal, "token-a").all()
            #expect(raw.isEmpty, "the token itself is never stored")

            try await repositories.sessions.extend(token: "token-a", until: start + 600)
            #expect(try await repositories.sessions.find(token: "token-a")?.expiresAt == start + 600)

            try await repositories.sessions.deleteExpired(before: start + 120)
            #expect(try await repositories.sessions.find(token: "token-b") == nil)
            #expect(try await repositories.sessions.find(token: "token-a") != nil)

            try await repositories.sessions.deleteAll(of: person.id)
            #expect(try await repositories.sessions.find(token: "token-a") == nil)
        }
    }

    @Test("a reset token works once and not after it expires", arguments: TestEngine.available)
    func consumesResetTokens(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let person = try await Fixtures.storedPerson(repositories)
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            try await repositories.resets.create(token: "once", person: person.id, expiresAt: now + 3600)
            try await repositories.resets.create(token: "late", person: person.id, expiresAt: now - 1)
            #expect(try await repositories.resets.consume(token: "once", now: now) == person.id)
            #expect(try await repositories.resets.consume(token: "once", now: now) == nil)
            #expect(try await repositories.resets.consume(token: "late", now: now) == nil)
            #expect(try await repositories.resets.consume(token: "never", now: now) == nil)
        }
    }

    @Test("failed sign-ins are counted per key within the window and cleared", arguments: TestEngine.available)
    func countsFailures(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            try await repositories.attempts.recordFailure(keys: ["account:a", "address:1"], at: now - 3600)
            try await repositories.attempts.recordFailure(keys: ["account:a", "address:1"], at: now)
            try await repositories.attempts.recordFailure(keys: ["account:a"], at: now)
            #expect(try await repositories.attempts.failures(key: "account:a", since: now - 60) == 2)
            #expect(try await repositories.attempts.failures(key: "address:1", since: now - 7200) == 2)
            try await repositories.attempts.clear(key: "account:a")
            #expect(try await repositories.attempts.failures(key: "account:a", since: now - 7200) == 0)
            #expect(try await repositories.attempts.failures(key: "address:1", since: now - 7200) == 2)
            try await repositories.attempts.prune(before: now - 60)
            #expect(try await repositories.attempts.failures(key: "address:1", since: now - 7200) == 1)
        }
    }

    @Test("outbox messages wait until marked sent", arguments: TestEngine.available)
    func queuesMessages(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            let message = OutboxMessage(recipient: "a@b.fi", subject: "Hei", body: "Linkki", createdAt: now)
            try await repositories.outbox.enqueue(message)
            #expect(try await repositories.outbox.pending(limit: 10) == [message])
            try await repositories.outbox.markSent(message.id, at: now + 1)
            #expect(try await repositories.outbox.pending(limit: 10).isEmpty)
            #expect(try await repositories.outbox.messages(to: "a@b.fi").first?.sentAt == now + 1)
        }
    }
}
