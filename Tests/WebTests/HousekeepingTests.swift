import Domain
import Foundation
import Testing

@testable import Web

@Suite("Housekeeping")
struct HousekeepingTests {
    @Test("expired sessions and stale sign-in failures are removed, live ones stay")
    func prunesExpired() async throws {
        try await TestApp.run { app, browser in
            // given a live session and an expired one, and an old failure
            try await browser.signIn(.resident)
            let live = try #require(browser.cookies["arrival_session"])
            let person = try #require(
                try await app.repositories.persons.find(email: TestApp.demoAccount(.resident).email))
            let past = Date().addingTimeInterval(-7200)
            try await app.repositories.sessions.create(
                token: "expired", session: Session(personID: person.id, createdAt: past, expiresAt: past + 60))
            try await app.repositories.attempts.recordFailure(keys: ["account:x"], at: past)
            // when housekeeping runs
            try await app.services.accounts.pruneExpired()
            // then only the stale records are gone
            #expect(try await app.repositories.sessions.find(token: "expired") == nil)
            #expect(try await app.repositories.sessions.find(token: live) != nil)
            #expect(try await app.repositories.attempts.failures(key: "account:x", since: past - 60) == 0)
        }
    }
}
