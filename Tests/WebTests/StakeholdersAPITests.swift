import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Networks, partnerships and partner calls API")
struct StakeholdersAPITests {
    static func json(_ page: Browser.Page) throws -> [String: Any] { try OrganisationsAPITests.json(page) }

    static func send(_ browser: Browser, _ path: String, _ body: String, _ method: HTTPRequest.Method = .post)
        async throws -> Browser.Page
    {
        try await OrganisationsAPITests.postJSON(browser, path, body, method: method)
    }

    @Test("networks list with their members; one network by id; unknown ids are 404")
    func readsNetworks() async throws {
        try await TestApp.run { _, browser in
            let list = try Self.json(try await browser.get("/api/v1/cities/vantaa/networks?lang=en"))
            #expect(list["count"] as? Int == 2)
            let items = list["items"] as? [[String: Any]] ?? []
            let group = try #require(items.first { $0["kind"] as? String == "local_group" })
            #expect(group["name"] as? String == "Vantaa URBACT Local Group")
            #expect((group["members"] as? [[String: Any]])?.count == 8)
            let id = try #require(group["id"] as? String)
            let one = try await browser.get("/api/v1/cities/vantaa/networks/\(id)")
            #expect(one.status == .ok)
            #expect(
                try await browser.get("/api/v1/cities/vantaa/networks/\(UUID().uuidString.lowercased())").status
                    == .notFound)
        }
    }

    @Test("a coordinator creates and renames a network; an editor is refused; bad fields are a 422")
    func writesNetworks() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let refused = try await Self.send(
                browser, "/api/v1/cities/vantaa/networks", #"{"kind":"thematic","names":{"fi":"Kieliverkko"}}"#)
            #expect(refused.status == .forbidden)
            #expect(try await app.repositories.networks.list(city: app.vantaa.id).count == 2)
            try await browser.signIn(.coordinator)
            let bad = try await Self.send(
                browser, "/api/v1/cities/vantaa/networks", #"{"kind":"castle","names":{"fi":" "}}"#)
            #expect(bad.status == .unprocessableContent)
            let errors = try Self.json(bad)["errors"] as? [String: [String]]
            #expect(errors?["kind"] != nil && errors?["name"] != nil)
            let created = try await Self.send(
                browser, "/api/v1/cities/vantaa/networks", #"{"kind":"thematic","names":{"fi":"Kieliverkko"}}"#)
            #expect(created.status == .created)
            let id = try #require(try Self.json(created)["id"] as? String)
            let renamed = try await Self.send(
                browser, "/api/v1/cities/vantaa/networks/\(id)",
                #"{"kind":"thematic","names":{"fi":"Kielikahvilaverkko","en":"Language café network"}}"#, .put)
            #expect(renamed.status == .ok)
            let stored = try await app.repositories.networks.find(id: try #require(NetworkID(string: id)))
            #expect(stored?.name.text(in: .english) == "Language café network")
        }
    }

    @Test("an editor records a partnership of their organisation, not one between two others")
    func writesPartnerships() async throws {
        try await TestApp.run { app, browser in
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let monimaa = try await OrganisationsRoutesTests.organisation(app, finnishName: "Monimaa ry")
            let sorasod = try await OrganisationsRoutesTests.organisation(app, finnishName: "Sorasod ry")
            let before = try await app.repositories.partnerships.list(city: app.vantaa.id).count
            try await browser.signIn(.organisationEditor)
            let others = try await Self.send(
                browser, "/api/v1/cities/vantaa/partnerships",
                #"{"kind":"referral","first":"\#(monimaa.id)","second":"\#(sorasod.id)"}"#)
            #expect(others.status == .forbidden)
            let reversed = try await Self.send(
                browser, "/api/v1/cities/vantaa/partnerships",
                #"{"kind":"referral","first":"\#(nicehearts.id)","second":"\#(monimaa.id)","since":"2024-05-01","until":"2023-01-01"}"#
            )
            #expect(reversed.status == .unprocessableContent)
            #expect(try await app.repositories.partnerships.list(city: app.vantaa.id).count == before)
            let created = try await Self.send(
                browser, "/api/v1/cities/vantaa/partnerships",
                #"{"kind":"referral","first":"\#(nicehearts.id)","second":"\#(monimaa.id)","since":"2024-05-01","note":"Ohjaukset"}"#
            )
            #expect(created.status == .created)
            let id = try #require(try Self.json(created)["id"] as? String)
            let ended = try await Self.send(
                browser, "/api/v1/cities/vantaa/partnerships/\(id)",
                #"{"kind":"referral","first":"\#(nicehearts.id)","second":"\#(monimaa.id)","since":"2024-05-01","until":"2025-12-31"}"#,
                .put)
            #expect(ended.status == .ok)
            let list = try Self.json(try await browser.get("/api/v1/cities/vantaa/partnerships"))
            #expect(list["count"] as? Int == before + 1)
            let stored = try await app.repositories.partnerships.find(id: try #require(PartnershipID(string: id)))
            #expect(stored?.until == CalendarDay("2025-12-31"))
        }
    }

    @Test("partner calls: the open board over JSON, posting as an editor, changing one's own call")
    func partnerCalls() async throws {
        try await TestApp.run { app, browser in
            let board = try Self.json(try await browser.get("/api/v1/cities/vantaa/partner-calls?lang=en"))
            #expect(board["count"] as? Int == 2)
            #expect(
                try Self.json(try await browser.get("/api/v1/cities/vantaa/partner-calls?status=closed"))["count"]
                    as? Int == 0)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let anonymous = try await Self.send(
                browser, "/api/v1/cities/vantaa/partner-calls",
                #"{"organisation":"\#(nicehearts.id)","titles":{"fi":"X"},"needs":{"fi":"Y"}}"#)
            #expect(anonymous.status == .forbidden)
            try await browser.signIn(.organisationEditor)
            let bad = try await Self.send(
                browser, "/api/v1/cities/vantaa/partner-calls",
                #"{"organisation":"\#(nicehearts.id)","titles":{},"needs":{"fi":"Y"},"deadline":"2020-02-30"}"#)
            #expect(bad.status == .unprocessableContent)
            let created = try await Self.send(
                browser, "/api/v1/cities/vantaa/partner-calls",
                #"{"organisation":"\#(nicehearts.id)","titles":{"fi":"Kumppani kesäleirille"},"needs":{"fi":"Ohjaajia"},"areas":["01200"]}"#
            )
            #expect(created.status == .created)
            let body = try Self.json(created)
            #expect(body["areas"] as? [String] == ["01200"])
            #expect(body["status"] as? String == "open")
            let id = try #require(body["id"] as? String)
            let changed = try await Self.send(
                browser, "/api/v1/cities/vantaa/partner-calls/\(id)",
                #"{"organisation":"\#(nicehearts.id)","titles":{"fi":"Kumppani kesäleirille 2027"},"needs":{"fi":"Ohjaajia"}}"#,
                .put)
            #expect(changed.status == .ok)
            let other = try #require(
                try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init()).first {
                    $0.organisationID != nicehearts.id
                })
            let refused = try await Self.send(
                browser, "/api/v1/cities/vantaa/partner-calls/\(other.id)",
                #"{"organisation":"\#(other.organisationID)","titles":{"fi":"X"},"needs":{"fi":"Y"}}"#, .put)
            #expect(refused.status == .forbidden)
            #expect(try await app.repositories.partnerCalls.find(id: other.id) == other)
        }
    }
}
