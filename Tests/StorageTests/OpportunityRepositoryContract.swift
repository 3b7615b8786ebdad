import Domain
import Foundation
import Storage
import Testing

@Suite("Opportunity repository: opportunities and their query", .serialized)
struct OpportunityRepositoryContract {
    @Test("an opportunity is stored, changed and read back whole", arguments: TestEngine.available)
    func opportunityRoundTrip(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            var opportunity = world.opportunity
            opportunity.skills = ["patience"]
            opportunity.status = .closed
            try await repositories.opportunities.save(opportunity)
            #expect(try await repositories.opportunities.opportunity(id: opportunity.id) == opportunity)
        }
    }

    @Test("the query narrows by status, organisation and words", arguments: TestEngine.available)
    func queryNarrows(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let other = Fixtures.organisation("Hakunilan kansainvälinen yhdistys", city: world.city.id)
            try await repositories.organisations.create(other)
            let homework = Opportunity(
                cityID: world.city.id, organisationID: other.id,
                title: LocalizedText(original: "Läksykerhon apuohjaaja", in: .finnish), status: .closed,
                createdAt: VolunteeringWorld.moment)
            try await repositories.opportunities.save(homework)
            let city = world.city.id
            #expect(
                try await repositories.opportunities.opportunities(OpportunityQuery(city: city)).map(\.id)
                    == [world.opportunity.id])
            #expect(
                try await repositories.opportunities.opportunities(
                    OpportunityQuery(city: city, organisations: [other.id], statuses: [.open, .closed])
                ).map(\.id) == [homework.id])
            #expect(
                try await repositories.opportunities.opportunities(
                    OpportunityQuery(city: city, organisations: [], statuses: [.open, .closed])
                ).isEmpty)
            #expect(
                try await repositories.opportunities.opportunities(
                    OpportunityQuery(city: city, statuses: [.open, .closed], text: "kielikahvilan")
                ).map(\.id) == [world.opportunity.id])
        }
    }
}
