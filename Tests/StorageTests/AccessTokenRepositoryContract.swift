import Domain
import Foundation
import Storage
import Testing

@Suite("Access token repository")
struct AccessTokenRepositoryContract {
    static let moment = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(
        "a token is found by its secret only, listed newest first, marked used and revoked",
        arguments: TestEngine.available)
    func lifecycle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given two tokens of one person
            let person = try await Fixtures.storedPerson(repositories)
            let older = AccessToken(
                personID: person.id, name: "intranet sync", scope: .write, createdAt: Self.moment,
                expiresAt: Self.moment.addingTimeInterval(86_400))
            let newer = AccessToken(
                personID: person.id, name: "reports", scope: .read, createdAt: Self.moment.addingTimeInterval(60),
                expiresAt: Self.moment.addingTimeInterval(86_400))
            try await repositories.accessTokens.create(older, secret: "arrival_pat_older")
            try await repositories.accessTokens.create(newer, secret: "arrival_pat_newer")
            // then
            #expect(try await repositories.accessTokens.find(secret: "arrival_pat_older") == older)
            #expect(try await repositories.accessTokens.find(secret: "arrival_pat_unknown") == nil)
            #expect(
                try await repositories.accessTokens.list(person: person.id).map(\.name) == ["reports", "intranet sync"])
            // when it is used and then revoked
            try await repositories.accessTokens.markUsed(older.id, at: Self.moment.addingTimeInterval(120))
            try await repositories.accessTokens.revoke(older.id, at: Self.moment.addingTimeInterval(180))
            try await repositories.accessTokens.revoke(older.id, at: Self.moment.addingTimeInterval(999))
            // then the first revocation stands
            let stored = try #require(try await repositories.accessTokens.find(secret: "arrival_pat_older"))
            #expect(stored.lastUsedAt == Self.moment.addingTimeInterval(120))
            #expect(stored.revokedAt == Self.moment.addingTimeInterval(180))
            #expect(!stored.isUsable(at: Self.moment.addingTimeInterval(200)))
        }
    }
}
