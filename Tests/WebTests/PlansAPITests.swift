import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

/// `/api/v1/cities/{city}/plans`: plans are public like their pages, so anyone reads them, KPIs included.
@Suite("Plans API: anyone reads a city's plans and where their KPIs stand")
struct PlansAPITests {
    @Test("anyone lists the city's plans, paged, each with its goal and years")
    func visitorListsPlans() async throws {
        try await TestApp.run { app, browser in
            // given the demo city's plans
            let plans = try await app.services.planUseCases.list(city: app.vantaa.id)
            // when an anonymous client lists them
            let page = try await browser.get("/api/v1/cities/vantaa/plans?lang=en")
            // then each is there, in the list's page shape, and the answer may be kept by shared caches
            #expect(page.status == .ok)
            #expect(page.headers[.cacheControl] == "public, max-age=60" && page.headers[.eTag] != nil)
            let body = try OrganisationsAPITests.json(page)
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(body["total"] as? Int == plans.count && !plans.isEmpty)
            #expect(items.map { $0["id"] as? String } == plans.map { $0.id.description })
            let first = try #require(items.first)
            #expect(first["title"] as? String == plans[0].title.text(in: .english))
            #expect(first["firstYear"] as? Int == 2018 && first["lastYear"] as? Int == 2022)
            #expect(try await browser.get("/api/v1/cities/vantaa/plans?offset=-1").status == .unprocessableContent)
        }
    }

    @Test("anyone reads a plan with its objectives, actions, risks, and KPIs with readings, target and status")
    func visitorReadsPlan() async throws {
        try await TestApp.run { app, browser in
            // given the demo plan and its KPIs as the plan's page reads them
            let document = try await PlansRoutesTests.plan(app)
            let evaluation = try await app.services.planUseCases.evaluate(city: app.vantaa, document: document)
            // when an anonymous client reads it
            let page = try await browser.get("/api/v1/cities/vantaa/plans/\(document.plan.id)?lang=en")
            // then every part is there
            #expect(page.status == .ok)
            let body = try OrganisationsAPITests.json(page)
            #expect((body["objectives"] as? [Any])?.count == document.objectives.count)
            #expect((body["actions"] as? [Any])?.count == document.actions.count)
            #expect((body["risks"] as? [Any])?.count == document.risks.count && !document.risks.isEmpty)
            let kpis = try #require(body["kpis"] as? [[String: Any]])
            #expect(kpis.count == document.kpis.count)
            // and the forum attendance KPI stands where its page says, with its readings and latest value
            let attendance = try #require(
                document.kpis.first { $0.description.text(in: .english) == "Participants at each forum" })
            let kpi = try #require(kpis.first { $0["id"] as? String == attendance.id.description })
            #expect(kpi["status"] as? String == "off_track")
            #expect(kpi["status"] as? String == evaluation.statuses[attendance.id]?.rawValue)
            #expect(kpi["target"] as? Double == 60)
            let readings = try #require(kpi["readings"] as? [[String: Any]])
            let expected = (evaluation.readings[attendance.id] ?? []).sorted { $0.year < $1.year }
            #expect(readings.map { $0["year"] as? Int } == expected.map(\.year) && !expected.isEmpty)
            let current = try #require(kpi["current"] as? [String: Any])
            #expect(current["year"] as? Int == expected.last?.year)
            #expect(current["value"] as? Double == expected.last?.value)
            #expect((kpi["rule"] as? [String: Any])?["name"] as? String == attendance.rule?.name.rawValue)
        }
    }

    @Test("an unknown plan, a malformed id, another city's plan and an unknown city are 404")
    func unknownPlansAreNotFound() async throws {
        try await TestApp.run { app, browser in
            // given a second city without plans
            try await app.repositories.cities.create(
                City(
                    slug: "espoo", name: LocalizedText(original: "Espoo", in: .finnish), timeZone: "Europe/Helsinki",
                    defaultLanguage: .finnish, languages: [.finnish]))
            let vantaaPlan = try await PlansRoutesTests.plan(app).plan.id
            // when plans that are not there are asked for, then each is a JSON 404
            for path in [
                "/api/v1/cities/vantaa/plans/\(PlanID())", "/api/v1/cities/vantaa/plans/not-an-id",
                "/api/v1/cities/espoo/plans/\(vantaaPlan)", "/api/v1/cities/atlantis/plans",
                "/api/v1/cities/atlantis/plans/\(vantaaPlan)",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(try OrganisationsAPITests.json(page)["error"] as? String == "errors.not_found")
            }
            // and the other city's list is empty
            let espoo = try OrganisationsAPITests.json(try await browser.get("/api/v1/cities/espoo/plans"))
            #expect(espoo["total"] as? Int == 0)
        }
    }
}
