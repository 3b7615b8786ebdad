import Domain
import Foundation
import Testing

@testable import Storage

@Suite("What's on pages from a kept ranking")
struct WhatsOnRankingTests {
    typealias Make = ActivityRepositoryContract

    static func coordinator(of city: CityID) -> Actor {
        let person = Person(
            email: "coordinator@example.org", displayName: "Coordinator", passwordHash: "",
            preferredLanguage: .finnish, createdAt: Date())
        return Actor(
            person: person,
            roles: [
                RoleAssignment(
                    personID: person.id, kind: .coordinator, cityID: city, organisationID: nil, grantedBy: nil,
                    grantedAt: Date())
            ])
    }

    @Test(
        "pages read through a kept ranking are the search's own, past its first span too, and a save shows at once",
        arguments: TestEngine.available)
    func pagesFromKeptRanking(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given 130 activities matching a search, more than one span of kept ids
            let (city, organisation) = try await ActivitySearchContract.owner(repositories)
            let activities = (100..<230).map { number in
                Make.activity(city.id, organisation.id, title: [.finnish: "Kahvila \(number)"])
            }
            try await repositories.activities.insert(activities.shuffled())
            let useCases = ActivityUseCases(
                activities: repositories.activities, organisations: repositories.organisations,
                areas: repositories.areas, places: repositories.places, rankings: RankingCache(lifetime: 600))
            let query = ActivityQuery(city: city.id, text: "kahvila", readerLanguage: .finnish)
            // when a reader pages through it, 20 at a time, twice
            func page(_ number: Int) async throws -> ActivityUseCases.Page {
                try await useCases.whatsOn(query, city: city, offset: number * 20, limit: 20, keptOrder: true)
            }
            var pages: [ActivityUseCases.Page] = []
            for number in 0..<7 { pages.append(try await page(number)) }
            for number in (0..<7).reversed() { #expect(try await page(number) == pages[number]) }
            // then every activity comes once, in title order, and only the last page has no more
            #expect(pages.flatMap(\.items).map(\.activity.id) == activities.map(\.id))
            #expect(pages.map(\.hasMore) == [true, true, true, true, true, true, false])
            #expect(pages.allSatisfy { $0.total == 130 })
            // and a page past the kept reach is read from storage itself
            #expect(
                try await useCases.whatsOn(query, city: city, offset: 5_000, limit: 20, keptOrder: true).items.isEmpty)
            // when a coordinator adds an activity that sorts first
            let added = try await useCases.save(
                actor: Self.coordinator(of: city.id), city: city,
                input: ActivityInput(organisation: organisation.id.description, titles: [.finnish: "Kahvila 099"]))
            // then the first page has it at once, and the next pages move along by one
            #expect(try await page(0).items.map(\.activity.id) == [added.id] + activities.prefix(19).map(\.id))
            #expect(try await page(5).items.map(\.activity.id) == activities[99..<119].map(\.id))
        }
    }
}
