import Domain
import Foundation
import Storage
import Testing

@Suite("Confirmation repository")
struct ConfirmationRepositoryContract {
    struct Opened {
        var round: ConfirmationRound
        var request: ConfirmationRequest
        var organisation: Organisation
        var token: String
    }

    static func open(_ repositories: SQLRepositories) async throws -> Opened {
        let city = try await Fixtures.storedCity(repositories)
        let organisation = Fixtures.organisation("Monimaa ry", city: city.id)
        try await repositories.organisations.create(organisation)
        let round = ConfirmationRound(
            cityID: city.id, openedAt: Date(timeIntervalSince1970: 1_700_000_000), closesOn: CalendarDay("2027-01-31")!)
        let message = OutboxMessage(
            recipient: "info@monimaa.example", subject: "Vahvista", body: "linkki", createdAt: round.openedAt)
        let request = ConfirmationRequest(
            roundID: round.id, organisationID: organisation.id, recipient: message.recipient, messageID: message.id)
        let token = SecureToken.generate()
        try await repositories.confirmations.open(round, requests: [(request, token)], messages: [message])
        return Opened(round: round, request: request, organisation: organisation, token: token)
    }

    @Test(
        "a round is stored with its requests and their messages; a link is found by its token only",
        arguments: TestEngine.available)
    func opensRound(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, repositories in
            let opened = try await Self.open(repositories)
            #expect(try await repositories.confirmations.rounds(city: opened.round.cityID) == [opened.round])
            #expect(try await repositories.confirmations.requests(round: opened.round.id) == [opened.request])
            #expect(try await repositories.outbox.pending(limit: 10).map(\.id) == [opened.request.messageID])
            #expect(try await repositories.confirmations.find(token: opened.token) == opened.request)
            #expect(try await repositories.confirmations.find(token: opened.token + "x") == nil)
            let stored = try await database.sql.select().column("token_digest").from("confirmation_requests").all()
            #expect(
                try stored.map { try $0.decode(column: "token_digest", as: String.self) }.allSatisfy {
                    $0 != opened.token && $0.count == 64
                })
        }
    }

    @Test("a link is answered once: the second answer changes nothing", arguments: TestEngine.available)
    func answersOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let opened = try await Self.open(repositories)
            var corrected = opened.organisation
            corrected.email = "hallitus@monimaa.example"
            corrected.lastConfirmedAt = Date(timeIntervalSince1970: 1_700_100_000)
            let first = try await repositories.confirmations.answer(
                opened.request.id, status: .corrected, organisation: corrected, at: corrected.lastConfirmedAt!)
            #expect(first)
            var again = corrected
            again.email = "someone@else.example"
            let second = try await repositories.confirmations.answer(
                opened.request.id, status: .confirmed, organisation: again,
                at: Date(timeIntervalSince1970: 1_700_200_000))
            #expect(!second)
            let stored = try await repositories.organisations.find(id: opened.organisation.id)
            #expect(stored?.email == "hallitus@monimaa.example")
            #expect(stored?.lastConfirmedAt == corrected.lastConfirmedAt)
            #expect(try await repositories.confirmations.find(id: opened.request.id)?.status == .corrected)
        }
    }

    @Test(
        "a message the mail server refused for good makes its request read as bounced", arguments: TestEngine.available)
    func bouncesWithMessage(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let opened = try await Self.open(repositories)
            try await repositories.outbox.markFailed(
                opened.request.messageID, at: Date(timeIntervalSince1970: 1_700_000_100), reason: "550 no such user")
            #expect(try await repositories.outbox.pending(limit: 10).isEmpty)
            #expect(try await repositories.confirmations.find(id: opened.request.id)?.status == .bounced)
            try await repositories.confirmations.close(opened.round.id, at: Date(timeIntervalSince1970: 1_700_000_200))
            #expect(try await repositories.confirmations.rounds(city: opened.round.cityID).first?.closedAt != nil)
        }
    }
}
