import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("JSON API")
struct APIRoutesTests {
    @Test("cities are listed with their languages")
    func clientListsCities() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/api/v1/cities?lang=sv")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/json; charset=utf-8")
            let json = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
            let items = json?["items"] as? [[String: Any]]
            #expect(json?["count"] as? Int == 1)
            #expect(items?.first?["slug"] as? String == "vantaa")
            #expect(items?.first?["name"] as? String == "Vanda")
            #expect(items?.first?["languages"] as? [String] == ["fi", "sv", "en", "ar"])
        }
    }

    @Test("every list is paged with a next link and an ETag; signed-in answers are not shared")
    func listsArePaged() async throws {
        try await TestApp.run { _, browser in
            let first = try await browser.get("/api/v1/cities/vantaa/organisations?limit=8&lang=en")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(first.body.utf8)) as? [String: Any])
            #expect(json["count"] as? Int == 8 && json["total"] as? Int == TestApp.demoOrganisationCount)
            #expect(json["next"] as? String == "/api/v1/cities/vantaa/organisations?lang=en&offset=8&limit=8")
            let last = try await browser.get("/api/v1/cities/vantaa/organisations?lang=en&offset=16&limit=8")
            let lastJSON = try #require(try JSONSerialization.jsonObject(with: Data(last.body.utf8)) as? [String: Any])
            #expect(lastJSON["count"] as? Int == 4 && lastJSON["next"] == nil)
            #expect(first.headers[.cacheControl] == "public, max-age=60" && first.headers[.setCookie] == nil)
            let etag = try #require(first.headers[.eTag])
            let again = try await browser.get(
                "/api/v1/cities/vantaa/organisations?limit=8&lang=en", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(try await browser.get("/api/v1/cities/vantaa/networks?limit=zero").status == .unprocessableContent)
            try await browser.signIn(.coordinator)
            let signedIn = try await browser.get("/api/v1/cities/vantaa/organisations?limit=8&lang=en")
            #expect(signedIn.headers[.cacheControl] == "private, no-cache")
        }
    }

    @Test("a city's areas come with their latest demographics")
    func clientListsAreas() async throws {
        try await TestApp.run { _, browser in
            let city = try await browser.get("/api/v1/cities/vantaa")
            #expect(city.status == .ok)
            let page = try await browser.get("/api/v1/cities/vantaa/areas")
            let json = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
            let items = json?["items"] as? [[String: Any]] ?? []
            #expect(items.count == 37)
            let hakunila = items.first { $0["code"] as? String == "01200" }
            #expect((hakunila?["population"] as? Int ?? 0) > 1000)
            #expect(hakunila?["year"] as? Int == 2026)
        }
    }

    @Test("an unknown city is a JSON 404")
    func unknownCityIsJSON404() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/api/v1/cities/espoo/areas")
            #expect(page.status == .notFound)
            let json = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: String]
            #expect(json?["error"] == "errors.not_found")
        }
    }
}
