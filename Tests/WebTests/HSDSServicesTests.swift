import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("HSDS 3.0 services")
struct HSDSServicesTests {
    static func json(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    @Test("every demo activity as a full HSDS service validates against the published service schema")
    func fullServices() async throws {
        try await TestApp.run { app, browser in
            let schema = try HSDSSchema.load("service")
            let all = ActivityQuery(city: app.vantaa.id, readerLanguage: .finnish)
            for activity in try await app.repositories.activities.search(all, offset: 0, limit: 100) {
                let page = try await browser.get("/api/v1/cities/vantaa/hsds/services/\(activity.id)?lang=en")
                #expect(page.status == .ok)
                let value = try Self.json(page)
                #expect(HSDSSchema.problems(value, against: schema) == [], "\(activity.title.text(in: .finnish))")
            }
        }
    }

    @Test("a weekly café keeps its rule, time zone offset, languages and place")
    func weeklyCafe() async throws {
        try await TestApp.run { app, browser in
            let cafe = try await ActivitiesRoutesTests.activity(app, finnishTitle: "Kielikahvila Tikkurilassa")
            let value = try Self.json(try await browser.get("/api/v1/cities/vantaa/hsds/services/\(cafe.id)?lang=fi"))
            let schedule = try #require((value["schedules"] as? [[String: Any]])?.first)
            #expect(schedule["freq"] as? String == "WEEKLY" && schedule["byday"] as? String == "TU")
            #expect(schedule["dtstart"] as? String == "2026-01-13")
            #expect(schedule["opens_at"] as? String == "17:30" && schedule["closes_at"] as? String == "19:00")
            #expect(schedule["timezone"] as? Double == 2)
            let codes = (value["languages"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == ["fi", "ar", "en"])
            let location = (value["service_at_locations"] as? [[String: Any]])?.first?["location"] as? [String: Any]
            #expect(location?["name"] as? String == "Niceheartsin tila")
            #expect((value["organization"] as? [String: Any])?["name"] as? String == "Nicehearts ry")
        }
    }

    @Test("the list is paged the HSDS way and its items validate against the list schema")
    func pagedList() async throws {
        try await TestApp.run { _, browser in
            let first = try Self.json(try await browser.get("/api/v1/cities/vantaa/hsds/services?per_page=5"))
            #expect(first["page_number"] as? Int == 1 && first["size"] as? Int == 5)
            #expect(first["first_page"] as? Bool == true && first["last_page"] as? Bool == false)
            let total = try #require(first["total_items"] as? Int)
            #expect(first["total_pages"] as? Int == (total + 4) / 5)
            let schema = try HSDSSchema.load("service_list")
            for item in first["contents"] as? [Any] ?? [] {
                #expect(HSDSSchema.problems(item, against: schema) == [])
            }
            #expect(try await browser.get("/api/v1/cities/vantaa/hsds/services?page=0").status == .unprocessableContent)
        }
    }

    @Test("the schema check tells JSON booleans from the numbers 0 and 1")
    func booleansAreNotNumbers() throws {
        let values = try #require(try JSONSerialization.jsonObject(with: Data("[0, 1, true, 2.5]".utf8)) as? [Any])
        #expect(values.map { HSDSSchema.matches($0, type: "number") } == [true, true, false, true])
        #expect(values.map { HSDSSchema.matches($0, type: "boolean") } == [false, false, true, false])
        #expect(values.map { HSDSSchema.matches($0, type: "integer") } == [true, true, false, false])
    }
}
