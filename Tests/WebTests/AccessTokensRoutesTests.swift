import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite("Personal access tokens: scripts use the API without a browser")
struct AccessTokensRoutesTests {
    /// Makes a token on the tokens page as the signed-in person and reads its secret off the answer.
    static func makeToken(_ browser: Browser, scope: String, name: String = "Intranet sync") async throws -> String {
        let page = try await browser.post("/account/tokens", [("name", name), ("scope", scope), ("days", "30")])
        #expect(page.status == .ok)
        let match = try #require(page.body.firstMatch(of: #/data-token="secret">([A-Za-z0-9_-]+)</code>/#))
        return String(match.1)
    }

    /// A request as a script makes it: no cookies, the token in the header.
    static func script(
        _ browser: Browser, _ path: String, method: HTTPRequest.Method = .get, token: String, body: String? = nil
    ) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await browser.client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return (response.status, response.headers, String(buffer: response.body))
    }

    @Test("an editor's script creates and changes an activity with a write token, and sets no cookie")
    func scriptWritesActivity() async throws {
        try await TestApp.run { app, browser in
            // given a write token made by the editor of Nicehearts
            try await browser.signIn(.organisationEditor)
            let token = try await Self.makeToken(browser, scope: "write")
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            // when a script creates an activity with it
            let created = try await Self.script(
                browser, "/api/v1/cities/vantaa/activities", method: .post, token: token,
                body: DirectoryAPIWriteTests.activityBody(organisation: nicehearts.id, title: "Ompeluilta"))
            // then
            #expect(created.status == .created)
            #expect(created.headers[values: .setCookie].isEmpty)
            let stored = try await ActivitiesRoutesTests.activity(app, finnishTitle: "Ompeluilta")
            // when it changes the activity
            let changed = try await Self.script(
                browser, "/api/v1/cities/vantaa/activities/\(stored.id)", method: .put, token: token,
                body: DirectoryAPIWriteTests.activityBody(organisation: nicehearts.id, title: "Korjausilta"))
            #expect(changed.status == .ok)
            let updated = try #require(try await app.repositories.activities.find(id: stored.id))
            #expect(updated.title.text(in: .finnish) == "Korjausilta")
            // and the token page lists the token without its secret
            let listed = try await browser.get("/account/tokens")
            #expect(listed.body.contains("Intranet sync") && !listed.body.contains(token))
        }
    }

    @Test("a token acts only for its person's organisations")
    func tokenStaysWithinItsOrganisations() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let token = try await Self.makeToken(browser, scope: "write")
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let other = try #require(
                try await app.repositories.organisations.list(city: app.vantaa.id).first { $0.id != nicehearts.id })
            let refused = try await Self.script(
                browser, "/api/v1/cities/vantaa/activities", method: .post, token: token,
                body: DirectoryAPIWriteTests.activityBody(organisation: other.id, title: "Vieras"))
            #expect(refused.status == .forbidden || refused.status == .unprocessableContent)
            #expect(
                try await app.repositories.activities.search(
                    ActivityQuery(city: app.vantaa.id, text: "Vieras", readerLanguage: .finnish), offset: 0, limit: 5
                ).isEmpty)
        }
    }

    @Test("a read token reads but may not write")
    func readTokenMayNotWrite() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let token = try await Self.makeToken(browser, scope: "read")
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            #expect(try await Self.script(browser, "/api/v1/cities/vantaa/activities", token: token).status == .ok)
            let refused = try await Self.script(
                browser, "/api/v1/cities/vantaa/activities", method: .post, token: token,
                body: DirectoryAPIWriteTests.activityBody(organisation: nicehearts.id, title: "Ompeluilta"))
            #expect(refused.status == .forbidden)
        }
    }

    @Test("a revoked, expired or unknown token gets 401")
    func rejectedTokens() async throws {
        try await TestApp.run { app, browser in
            // given a token that is revoked on its page
            try await browser.signIn(.organisationEditor)
            let revoked = try await Self.makeToken(browser, scope: "write")
            let id = try #require(try await app.repositories.accessTokens.find(secret: revoked)?.id)
            let revoking = try await browser.post("/account/tokens/\(id)/revoke")
            #expect(revoking.status == .seeOther)
            // and one that has expired
            let editor = try #require(
                try await app.repositories.persons.find(
                    email: TestApp.demoAccount(.organisationEditor).email))
            let past = Date().addingTimeInterval(-3600)
            try await app.repositories.accessTokens.create(
                AccessToken(
                    personID: editor.id, name: "old", scope: .write, createdAt: past.addingTimeInterval(-86_400),
                    expiresAt: past),
                secret: "arrival_pat_expired")
            // then each is refused, with the scheme named
            for token in [revoked, "arrival_pat_expired", "arrival_pat_never-made", "not-a-token"] {
                let answer = try await Self.script(browser, "/api/v1/cities/vantaa/activities", token: token)
                #expect(answer.status == .unauthorized, "\(token)")
                #expect(answer.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test("a person cannot revoke another's token, nor make a write token without an organisation")
    func othersTokens() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let token = try await Self.makeToken(browser, scope: "write")
            let id = try #require(try await app.repositories.accessTokens.find(secret: token)?.id)
            try await browser.post("/account/sign-out")
            try await browser.signIn(.volunteer)
            #expect(try await browser.post("/account/tokens/\(id)/revoke").status == .notFound)
            let refused = try await browser.post(
                "/account/tokens", [("name", "mine"), ("scope", "write"), ("days", "30")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("field-scope-errors"))
            #expect(try await Self.script(browser, "/api/v1/cities/vantaa/activities", token: token).status == .ok)
        }
    }

    @Test("the OpenAPI document offers the token beside the session for writes, and names 401 and 429")
    func documented() async throws {
        try await TestApp.run { _, browser in
            let document = try OrganisationsAPITests.json(try await browser.get("/api/v1/openapi.json"))
            let components = try #require(document["components"] as? [String: Any])
            let schemes = try #require(components["securitySchemes"] as? [String: [String: Any]])
            #expect(
                schemes["token"]?["type"] as? String == "http" && schemes["token"]?["scheme"] as? String == "bearer")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let create = try #require(paths["/api/v1/cities/{city}/activities"]?["post"] as? [String: Any])
            let security = try #require(create["security"] as? [[String: [String]]])
            #expect(Set(security.flatMap(\.keys)) == ["session", "token"])
            let responses = try #require(create["responses"] as? [String: Any])
            #expect(responses["401"] != nil && responses["429"] != nil)
        }
    }

    @Test("a token past its requests for the minute gets 429 with the seconds to wait")
    func rateLimited() async throws {
        var config = TestApp.config
        config.tokenRequestsPerMinute = 2
        try await TestApp.run(config: config) { _, browser in
            try await browser.signIn(.organisationEditor)
            let token = try await Self.makeToken(browser, scope: "read")
            // Three requests within one minute (tried again if a minute turned between them).
            for attempt in 1...2 {
                let minute = Int(Date().timeIntervalSince1970) / 60
                var answers: [(status: HTTPResponse.Status, headers: HTTPFields, body: String)] = []
                for _ in 0..<3 { answers.append(try await Self.script(browser, "/api/v1/cities/vantaa", token: token)) }
                guard minute == Int(Date().timeIntervalSince1970) / 60 || attempt == 2 else { continue }
                #expect(answers.last?.status == .tooManyRequests)
                #expect((1...60).contains(Int(answers.last?.headers[.retryAfter] ?? "") ?? 0))
                break
            }
        }
    }

    @Test("the limiter counts each token per minute and starts again in the next")
    func limiterWindows() {
        let clock = PublicCacheTests.Clock()
        let limiter = TokenRateLimiter(requestsPerMinute: 2, now: { clock.now() })
        let (one, two) = (AccessTokenID(), AccessTokenID())
        #expect(limiter.admit(one) == nil)
        #expect(limiter.admit(one) == nil)
        #expect(limiter.admit(two) == nil)
        let wait = limiter.admit(one)
        #expect(wait != nil && (1...60).contains(wait!))
        clock.advance(Double(wait!))
        #expect(limiter.admit(one) == nil)
    }
}
