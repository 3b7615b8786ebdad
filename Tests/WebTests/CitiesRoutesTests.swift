import Domain
import Hummingbird
import Testing

@testable import Web

@Suite("City pages and languages")
struct CitiesRoutesTests {
    @Test("the front page lists the demo city")
    func visitorSeesCities() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.hasPrefix("<!DOCTYPE html>"))
            #expect(page.body.contains(#"<a href="/vantaa">Vantaa</a>"#))
        }
    }

    @Test("a city's page shows its organisations in its default language")
    func visitorSeesCityHome() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<html lang="fi" dir="ltr">"#))
            #expect(page.body.contains("Nicehearts ry"))
            #expect(page.body.contains("Hakunilan kansainvälinen yhdistys"))
            #expect(page.body.components(separatedBy: #"<span class="tag">"#).count - 1 == 20)
            #expect(page.body.contains("37 aluetta"))
        }
    }

    @Test("the areas page lists every Vantaa postal area with its population")
    func visitorSeesAreas() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa/areas?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: #"<th scope="row">"#).count - 1 == 37)
            #expect(page.body.contains("Hakunila"))
            #expect(page.body.contains("Population by postal area, 2026"))
        }
    }

    @Test(
        "an unknown city is a translated 404 page, not an error", arguments: ["/espoo", "/espoo/areas", "/X!", "/api"])
    func unknownCityIsNotFound(path: String) async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get(path + "?lang=sv")
            #expect(page.status == .notFound)
            #expect(page.body.contains(#"<html lang="sv""#))
            #expect(page.body.contains("Sidan finns inte."))
        }
    }

    @Test("?lang= switches every string and is remembered in a cookie")
    func visitorSwitchesLanguage() async throws {
        try await TestApp.run { _, browser in
            let swedish = try await browser.get("/vantaa?lang=sv")
            #expect(swedish.body.contains(#"<html lang="sv" dir="ltr">"#))
            #expect(swedish.body.contains("Vanda"))
            #expect(swedish.setCookies().contains { $0.hasPrefix("arrival_lang=sv") && $0.contains("HttpOnly") })
            let remembered = try await browser.get("/vantaa/areas")
            #expect(remembered.body.contains(#"<html lang="sv""#))
        }
    }

    @Test("Arabic pages are right to left and name the city in Arabic")
    func arabicIsRightToLeft() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa?lang=ar")
            #expect(page.body.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(page.body.contains("فانتا"))
        }
    }

    @Test("without a choice the browser's Accept-Language wins over the city's default")
    func acceptLanguageIsHonoured() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa", headers: [.acceptLanguage: "en-GB,en;q=0.9,fi;q=0.5"])
            #expect(page.body.contains(#"<html lang="en""#))
            let unknown = try await browser.get("/vantaa", headers: [.acceptLanguage: "de-DE"])
            #expect(unknown.body.contains(#"<html lang="fi""#))
        }
    }

    @Test(
        "every visible string changes between languages on the main pages",
        arguments: ["/", "/vantaa", "/account/sign-in"])
    func noStringStaysUntranslated(path: String) async throws {
        try await TestApp.run { _, browser in
            let english = Set(try await visibleText(browser.get(path + "?lang=en").body))
            for language in ["fi", "sv", "ar"] {
                let other = Set(try await visibleText(browser.get(path + "?lang=\(language)").body))
                let same = english.intersection(other).subtracting([
                    "Arrival", "Vantaa", "Suomi", "Svenska", "English", "العربية",
                ])
                .filter { !$0.hasSuffix(" ry") && !$0.contains("Vantaa") && !$0.contains("Hakunila") }
                #expect(same.isEmpty, "untranslated on \(path) in \(language): \(same)")
            }
        }
    }

    /// The text between tags, trimmed, without organisation names that are proper nouns.
    func visibleText(_ html: String) -> [String] {
        html.split(separator: ">").compactMap { chunk in
            let text = chunk.split(separator: "<", maxSplits: 1).first.map(String.init) ?? ""
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty || chunk.hasPrefix("<") ? nil : trimmed
        }
    }
}
