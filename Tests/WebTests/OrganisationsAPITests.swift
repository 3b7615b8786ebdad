import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Organisations API")
struct OrganisationsAPITests {
    static func json(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func postJSON(_ browser: Browser, _ path: String, _ body: String, method: HTTPRequest.Method = .post)
        async throws -> Browser.Page
    {
        try await browser.send(path, method: method, headers: [.contentType: "application/json"], body: body)
    }

    @Test("the list filters like the directory and names areas by code")
    func listsAndFilters() async throws {
        try await TestApp.run { _, browser in
            let all = try Self.json(try await browser.get("/api/v1/cities/vantaa/organisations?lang=en"))
            #expect(all["count"] as? Int == TestApp.demoOrganisationCount)
            let migrantLed = try Self.json(try await browser.get("/api/v1/cities/vantaa/organisations?migrant_led=yes"))
            let items = migrantLed["items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty && items.allSatisfy { $0["migrantLed"] as? Bool == true })
        }
    }

    @Test("a coordinator creates and updates an organisation over JSON")
    func coordinatorWrites() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let created = try await Self.postJSON(
                browser, "/api/v1/cities/vantaa/organisations",
                #"{"kind":"school","names":{"fi":"Länsimäen koulu","sv":"Västersundoms skola"},"languages":["fi","sv"],"areas":["01200"],"website":"https://hakunila.example.fi"}"#
            )
            #expect(created.status == .created)
            let body = try Self.json(created)
            #expect(body["areas"] as? [String] == ["01200"])
            let id = try #require(body["id"] as? String)
            let updated = try await Self.postJSON(
                browser, "/api/v1/cities/vantaa/organisations/\(id)",
                #"{"kind":"school","names":{"fi":"Länsimäen koulu"},"status":"inactive"}"#, method: .put)
            #expect(updated.status == .ok)
            let stored = try await app.repositories.organisations.find(id: try #require(OrganisationID(string: id)))
            #expect(stored?.status == .inactive)
            #expect(stored?.name.text(in: .swedish) == "Länsimäen koulu")
        }
    }

    @Test("bad fields are a 422 listing each field's problems, and nothing is written")
    func invalidBody() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let page = try await Self.postJSON(
                browser, "/api/v1/cities/vantaa/organisations",
                #"{"kind":"castle","names":{"fi":"Nicehearts ry"},"email":"nope","areas":["00000"]}"#)
            #expect(page.status == .unprocessableContent)
            let errors = try Self.json(page)["errors"] as? [String: [String]]
            #expect(errors?["kind"] == ["stakeholders.errors.kind.invalid"])
            #expect(errors?["name"] == ["stakeholders.errors.name.duplicate"])
            #expect(errors?["email"] == ["stakeholders.errors.email.invalid"])
            #expect(errors?["areas"] == ["stakeholders.errors.areas.unknown"])
            #expect(
                try await app.repositories.organisations.list(city: app.vantaa.id).count
                    == TestApp.demoOrganisationCount)
        }
    }

    @Test("malformed JSON is a 400 and a form body a 415")
    func malformedBodies() async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(.coordinator)
            let broken = try await Self.postJSON(browser, "/api/v1/cities/vantaa/organisations", "{\"kind\":")
            #expect(broken.status == .badRequest)
            let form = try await browser.send(
                "/api/v1/cities/vantaa/organisations", method: .post,
                headers: [.contentType: "text/plain"], body: #"{"kind":"ngo","names":{"fi":"X"}}"#)
            #expect(form.status == .unsupportedMediaType)
        }
    }

    @Test("writes are refused to the anonymous and to editors of other organisations")
    func writesNeedPermission() async throws {
        try await TestApp.run { app, browser in
            let sorasod = try #require(
                try await app.repositories.organisations.list(city: app.vantaa.id).first {
                    $0.name.text(in: .finnish) == "Sorasod ry"
                })
            let body = #"{"kind":"business","names":{"fi":"Kaapattu"}}"#
            let anonymous = try await Self.postJSON(browser, "/api/v1/cities/vantaa/organisations", body)
            #expect(anonymous.status == .forbidden)
            try await browser.signIn(.organisationEditor)
            let other = try await Self.postJSON(
                browser, "/api/v1/cities/vantaa/organisations/\(sorasod.id)", body, method: .put)
            #expect(other.status == .forbidden)
            #expect(try await app.repositories.organisations.find(id: sorasod.id) == sorasod)
        }
    }

    @Test("the HSDS 3.0 organization of every demo organisation validates against the published schema")
    func hsdsMatchesSchema() async throws {
        try await TestApp.run { app, browser in
            let schema = try HSDSSchema.load("organization")
            for organisation in try await app.repositories.organisations.list(city: app.vantaa.id) {
                let page = try await browser.get("/api/v1/cities/vantaa/organisations/\(organisation.id)/hsds")
                #expect(page.status == .ok)
                let value = try JSONSerialization.jsonObject(with: Data(page.body.utf8))
                #expect(HSDSSchema.problems(value, against: schema) == [])
            }
        }
    }

    @Test("the schema check itself catches a missing field, a wrong type and a bad uuid")
    func schemaCheckCanFail() throws {
        let schema = try HSDSSchema.load("organization")
        let bad: [String: Any] = ["id": "not-a-uuid", "name": 42, "website": "not a uri"]
        let problems = HSDSSchema.problems(bad, against: schema)
        #expect(problems.contains("$.description: required"))
        #expect(problems.contains("$.name: expected string"))
        #expect(problems.contains("$.id: not a uuid"))
        #expect(problems.contains("$.website: not a uri"))
    }
}
