import Domain
import Foundation
import Storage
import Testing

@Suite("Partner call repository")
struct PartnerCallRepositoryContract {
    static func call(_ title: String, city: CityID, organisation: OrganisationID, seconds: Double) -> PartnerCall {
        PartnerCall(
            cityID: city, organisationID: organisation, title: LocalizedText(original: title, in: .finnish),
            needs: LocalizedText(original: "Tila", in: .finnish),
            offers: LocalizedText(original: "Kahvi", in: .finnish),
            deadline: CalendarDay("2027-03-31"), createdAt: Date(timeIntervalSince1970: 1_700_000_000 + seconds))
    }

    @Test(
        "calls are stored whole, listed newest first by status, and closed with their outcome",
        arguments: TestEngine.available)
    func storesAndCloses(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given
            let city = try await Fixtures.storedCity(repositories)
            let poster = Fixtures.organisation("Nicehearts ry", city: city.id)
            let partner = Fixtures.organisation("Monimaa ry", city: city.id)
            try await repositories.organisations.create(poster)
            try await repositories.organisations.create(partner)
            let older = Self.call("Kielikahvila", city: city.id, organisation: poster.id, seconds: 0)
            let newer = Self.call("Naapurustoilta", city: city.id, organisation: poster.id, seconds: 60)
            try await repositories.partnerCalls.save(older)
            try await repositories.partnerCalls.save(newer)
            #expect(try await repositories.partnerCalls.find(id: older.id) == older)
            #expect(
                try await repositories.partnerCalls.list(city: city.id, filter: .init()).map(\.id) == [
                    newer.id, older.id,
                ])
            // when
            var closed = older
            closed.status = .closed
            closed.outcome = .partnerFound
            closed.partnerID = partner.id
            closed.outcomeNote = "Sovittu"
            closed.closedAt = Date(timeIntervalSince1970: 1_700_000_600)
            try await repositories.partnerCalls.save(closed)
            // then
            #expect(try await repositories.partnerCalls.find(id: older.id) == closed)
            #expect(try await repositories.partnerCalls.list(city: city.id, filter: .init()).map(\.id) == [newer.id])
            #expect(
                try await repositories.partnerCalls.list(city: city.id, filter: .init(status: .closed)).map(\.id)
                    == [older.id])
        }
    }

    @Test(
        "answers are kept in order and survive the erasure of their author's account", arguments: TestEngine.available)
    func answers(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let poster = Fixtures.organisation("Nicehearts ry", city: city.id)
            let answering = Fixtures.organisation("Monimaa ry", city: city.id)
            try await repositories.organisations.create(poster)
            try await repositories.organisations.create(answering)
            let author = try await Fixtures.storedPerson(repositories)
            let call = Self.call("Kielikahvila", city: city.id, organisation: poster.id, seconds: 0)
            try await repositories.partnerCalls.save(call)
            let first = PartnerCallAnswer(
                callID: call.id, organisationID: answering.id, authorID: author.id, message: "Meillä on tila",
                createdAt: Date(timeIntervalSince1970: 1_700_000_100))
            let second = PartnerCallAnswer(
                callID: call.id, organisationID: answering.id, authorID: author.id, message: "Ja kahvinkeitin",
                createdAt: Date(timeIntervalSince1970: 1_700_000_200))
            try await repositories.partnerCalls.addAnswer(second)
            try await repositories.partnerCalls.addAnswer(first)
            #expect(try await repositories.partnerCalls.answers(to: call.id) == [first, second])
            try await database.sql.delete(from: "people").where("id", .equal, author.id.description).run()
            #expect(try await repositories.partnerCalls.answers(to: call.id).map(\.authorID) == [nil, nil])
        }
    }
}
