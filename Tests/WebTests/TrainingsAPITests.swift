import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

/// `/api/v1/cities/{city}/trainings`: what the trainings pages show everyone, and nothing of who completed one.
@Suite("Trainings API: anyone reads the trainings volunteers can take")
struct TrainingsAPITests {
    static func trainings(_ app: TestApp) async throws -> [Training] {
        try await app.services.volunteeringUseCases.trainings(city: app.vantaa.id)
    }

    @Test("anyone lists the trainings with who gives them, their next session and how long they count")
    func visitorListsTrainings() async throws {
        try await TestApp.run { app, browser in
            // given the demo trainings: the city's own and R3's
            let trainings = try await Self.trainings(app)
            // when an anonymous client lists them
            let page = try await browser.get("/api/v1/cities/vantaa/trainings?lang=en")
            // then each is there with what its page shows
            #expect(page.status == .ok)
            let items = try #require(try OrganisationsAPITests.json(page)["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["id"] as? String }) == Set(trainings.map(\.id.description)))
            let city = try #require(items.first { $0["title"] as? String == "Working with refugees: the basics" })
            #expect(city["organisation"] == nil && city["givenBy"] as? String == "Vantaa")
            #expect(city["validityMonths"] as? Int == 24 && city["nextSession"] is String)
            let coaching = try #require(items.first { $0["title"] as? String == "Safe coaching" })
            let r3 = try #require(trainings.first { $0.organisationID != nil }?.organisationID)
            let giver = try await app.services.organisationUseCases.organisation(id: r3)
            #expect(coaching["givenBy"] as? String == giver?.name.text(in: .english))
            #expect(giver?.name.text(in: .finnish) == "R3 Maahanmuuttajanuorten tuki ry")
            #expect(coaching["organisation"] is String && coaching["validityMonths"] as? Int == 12)
        }
    }

    @Test("a training's answer names nobody who completed it, even after a trainer records a completion")
    func trainingShowsNoParticipants() async throws {
        try await TestApp.run { app, browser in
            // given a completion of the city's training recorded for the demo resident
            let training = try #require(try await Self.trainings(app).first { $0.organisationID == nil })
            let resident = try await VolunteeringRoutesTests.person(app, .resident)
            let trainer = Browser(client: browser.client)
            try await trainer.signIn(.coordinator)
            let recorded = try await trainer.post(
                "/vantaa/trainings/\(training.id)/completions",
                [("email", resident.email), ("day", VolunteeringRoutesTests.today.description)])
            #expect(recorded.status == .seeOther)
            // when the training is read through the API, anonymously and by the trainer
            for reader in [browser, trainer] {
                let page = try await reader.get("/api/v1/cities/vantaa/trainings/\(training.id)?lang=en")
                // then it is the training alone: no name, email or completion of anyone
                #expect(page.status == .ok)
                let body = try OrganisationsAPITests.json(page)
                #expect(body["id"] as? String == training.id.description)
                #expect(Set(body.keys).isSubset(of: Self.trainingFields))
                #expect(!page.body.contains(resident.email) && !page.body.contains(resident.displayName))
            }
        }
    }

    static let trainingFields: Set<String> = [
        "id", "organisation", "givenBy", "title", "titles", "description", "descriptions", "validityMonths",
        "nextSession", "updatedAt",
    ]

    @Test("an unknown training, a malformed id, another city's training and an unknown city are 404")
    func unknownTrainingsAreNotFound() async throws {
        try await TestApp.run { app, browser in
            try await app.repositories.cities.create(
                City(
                    slug: "espoo", name: LocalizedText(original: "Espoo", in: .finnish), timeZone: "Europe/Helsinki",
                    defaultLanguage: .finnish, languages: [.finnish]))
            let vantaaTraining = try #require(try await Self.trainings(app).first).id
            for path in [
                "/api/v1/cities/vantaa/trainings/\(TrainingID())", "/api/v1/cities/vantaa/trainings/nope",
                "/api/v1/cities/espoo/trainings/\(vantaaTraining)", "/api/v1/cities/atlantis/trainings",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(try OrganisationsAPITests.json(page)["error"] as? String == "errors.not_found")
            }
            let espoo = try OrganisationsAPITests.json(try await browser.get("/api/v1/cities/espoo/trainings"))
            #expect(espoo["total"] as? Int == 0)
        }
    }
}
