import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Activities: What's on, pages, calendar feeds and the API")
struct ActivitiesRoutesTests {
    static func activity(_ app: TestApp, finnishTitle: String) async throws -> Activity {
        let query = ActivityQuery(city: app.vantaa.id, text: finnishTitle, readerLanguage: .finnish)
        return try #require(
            try await app.repositories.activities.search(query, offset: 0, limit: 50).first {
                $0.title.text(in: .finnish) == finnishTitle
            })
    }

    static func allActivities(_ app: TestApp) async throws -> Int {
        try await app.repositories.activities.count(
            ActivityQuery(city: app.vantaa.id, readerLanguage: .finnish, statuses: Set(Activity.Status.allCases)))
    }

    @Test("a search finds a part of a compound word, and an Arabic reader finds Finnish-only titles too")
    func search() async throws {
        try await TestApp.run { _, browser in
            let finnish = try await browser.get("/vantaa/activities?lang=fi&q=kahvila")
            #expect(finnish.status == .ok)
            #expect(finnish.body.contains("Kielikahvila Tikkurilassa"))
            #expect(finnish.body.contains("Kielikahvila Myyrmäen kirjastossa"))
            #expect(!finnish.body.contains("Perhekerho"))
            let arabic = try await browser.get("/vantaa/activities?lang=ar&q=kahvila")
            // The café in Tikkurila has an Arabic title, which the Arabic reader sees; Myyrmäki's falls back.
            #expect(arabic.body.contains("مقهى اللغة في تيكوريلا"))
            #expect(arabic.body.contains("lang=\"fi\" dir=\"ltr\">Kielikahvila Myyrmäen kirjastossa"))
        }
    }

    @Test("filters narrow the list: language spoken, target group, category, free, step-free place")
    func filters() async throws {
        try await TestApp.run { _, browser in
            let somali = try await browser.get("/vantaa/activities?lang=en&language=so")
            #expect(somali.body.contains("Homework help"))
            #expect(!somali.body.contains("Job search advice"))
            let women = try await browser.get("/vantaa/activities?lang=en&group=women&free=yes")
            #expect(women.body.contains("Mothers&#39; walking group") || women.body.contains("Mothers' walking group"))
            // The women's exercise hour costs 2 €.
            #expect(!women.body.contains("Women&#39;s exercise hour") && !women.body.contains("Women's exercise hour"))
            let sports = try await browser.get("/vantaa/activities?lang=en&category=sports&accessible=yes")
            // The Korso field has no step-free access; the Hakunila school gym has.
            #expect(!sports.body.contains("Football for young people"))
            #expect(sports.body.contains("exercise hour"))
        }
    }

    @Test("a day range keeps only activities that take place on one of its days")
    func dayRange() async throws {
        try await TestApp.run { _, browser in
            // 10 February 2027 is a Wednesday: the study information evening takes place then, the Tuesday café not.
            let page = try await browser.get("/vantaa/activities?lang=en&from=2027-02-10&through=2027-02-10")
            #expect(page.body.contains("Studying in Finland: information evening"))
            #expect(page.body.contains("Digital help"))
            #expect(!page.body.contains("Language café in Tikkurila"))
        }
    }

    @Test("wrong filters are named next to their field with a 422")
    func wrongFilters() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa/activities?lang=en&from=10.2.2027&category=nothing")
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Write the date as YYYY-MM-DD."))
            #expect(page.body.contains("A category was not found in this city."))
            // What was typed stays visible for correcting, in a field that can hold it.
            #expect(page.body.contains("name=\"from\" type=\"text\" value=\"10.2.2027\""))
        }
    }

    @Test("an activity page says when in words, lists the next dates and offers a calendar file")
    func activityPage() async throws {
        try await TestApp.run { app, browser in
            let cafe = try await Self.activity(app, finnishTitle: "Kielikahvila Tikkurilassa")
            let page = try await browser.get("/vantaa/activities/\(cafe.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("Every week on Tuesday, 17:30–19:00"))
            #expect(page.body.contains("Next dates"))
            #expect(page.body.contains("Nicehearts ry"))
            #expect(page.body.contains("/vantaa/activities/\(cafe.id)/calendar.ics"))
            #expect(try await browser.get("/vantaa/activities/\(ActivityID())").status == .notFound)
        }
    }

    @Test("the calendar feed has a time zone, a rule per activity, and answers 304 when unchanged")
    func calendarFeed() async throws {
        try await TestApp.run { _, browser in
            let feed = try await browser.get("/vantaa/activities.ics?lang=en&q=kahvila")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.headers[.setCookie] == nil && feed.headers[.cacheControl] == "public, max-age=300")
            let lines = feed.body.components(separatedBy: "\r\n")
            #expect(lines.first == "BEGIN:VCALENDAR" && lines.contains("END:VCALENDAR"))
            // The zone's rules start the year before the first activity, whose winter time began in 2025.
            #expect(lines.contains("DTSTART:20251026T040000"))
            #expect(lines.contains("TZID:Europe/Helsinki"))
            #expect(lines.contains("TZOFFSETFROM:+0300") && lines.contains("TZOFFSETTO:+0200"))
            #expect(lines.contains("DTSTART;TZID=Europe/Helsinki:20260113T173000"))
            #expect(lines.contains("RRULE:FREQ=WEEKLY;BYDAY=TU"))
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            let etag = try #require(feed.headers[.eTag])
            let again = try await browser.get("/vantaa/activities.ics?lang=en&q=kahvila", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
        }
    }

    @Test("an editor adds an activity with a schedule for her organisation")
    func editorAddsActivity() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            #expect(try await browser.get("/vantaa/activities/new").status == .ok)
            let saved = try await browser.post(
                "/vantaa/activities/new",
                [
                    ("organisation", nicehearts.id.description), ("kind", "club"), ("title_fi", "Ompeluilta"),
                    ("title_en", "Sewing evening"), ("categories", "culture"), ("target_groups", "women"),
                    ("languages", "fi, ar"), ("areas", "01300"), ("first_day", "2026-12-02"), ("from", "18:00"),
                    ("until", "20:00"), ("repeats", "fortnightly"), ("weekdays", "3"), ("cancelled", "2026-12-30"),
                    ("fee", ""), ("status", "published"),
                ])
            #expect(saved.status == .seeOther)
            let stored = try await Self.activity(app, finnishTitle: "Ompeluilta")
            #expect(stored.schedule?.rule?.text == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")
            #expect(stored.organisationID == nicehearts.id)
            let page = try await browser.get("/vantaa/activities/\(stored.id)?lang=en")
            #expect(page.body.contains("Every 2 weeks on Wednesday, 18:00–20:00"))
        }
    }

    @Test("wrong fields come back with a 422 next to each field and nothing is stored")
    func wrongFields() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let before = try await Self.allActivities(app)
            let page = try await browser.post(
                "/vantaa/activities/new?lang=en",
                [
                    ("organisation", nicehearts.id.description), ("kind", "club"), ("first_day", "2026-12-02"),
                    ("from", "18:00"), ("until", "20:00"), ("repeats", "custom"), ("rule", "FREQ=SOMETIMES"),
                    ("fee", "lots"), ("status", "published"),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Give a title in at least one language."))
            #expect(
                page.body.contains(
                    "name=\"title_fi\" type=\"text\" value=\"\" lang=\"fi\" dir=\"ltr\" aria-invalid=\"true\" aria-describedby=\"field-title-errors\""
                ))
            #expect(page.body.contains("This repeat rule cannot be read."))
            #expect(page.body.contains("Give an amount in euros"))
            #expect(try await Self.allActivities(app) == before)
        }
    }

    @Test("an editor cannot change another organisation's activity, nor post for it")
    func editorLimits() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let football = try await Self.activity(app, finnishTitle: "Jalkapallo nuorille")
            #expect(try await browser.get("/vantaa/activities/\(football.id)/edit").status == .forbidden)
            let posted = try await browser.post(
                "/vantaa/activities/\(football.id)/edit",
                [
                    ("organisation", football.organisationID.description), ("kind", "club"),
                    ("title_fi", "Kaapattu"), ("status", "published"),
                ])
            #expect(posted.status == .forbidden)
            #expect(try await Self.activity(app, finnishTitle: "Jalkapallo nuorille") == football)
            try await browser.signIn(.volunteer)
            #expect(try await browser.get("/vantaa/activities/new").status == .forbidden)
        }
    }

    @Test("the API pages through activities with a next link, checks its parameters, and honours If-None-Match")
    func api() async throws {
        try await TestApp.run { app, browser in
            let first = try await browser.get("/api/v1/cities/vantaa/activities?limit=3&lang=en")
            #expect(first.status == .ok)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(first.body.utf8)) as? [String: Any])
            #expect(json["count"] as? Int == 3)
            #expect((json["total"] as? Int ?? 0) > 3)
            let next = try #require(json["next"] as? String)
            #expect(next.contains("offset=3") && next.contains("limit=3"))
            let second = try await browser.get(next)
            let secondJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(second.body.utf8)) as? [String: Any])
            let ids = { (page: [String: Any]) in ((page["items"] as? [[String: Any]]) ?? []).map { $0["id"] as? String }
            }
            #expect(Set(ids(json)).isDisjoint(with: Set(ids(secondJSON))))
            // The API sets no cookies, so shared caches may keep its answers.
            #expect(first.headers[.setCookie] == nil && first.headers[.cacheControl] == "public, max-age=60")
            let etag = try #require(first.headers[.eTag])
            let unchanged = try await browser.get(
                "/api/v1/cities/vantaa/activities?limit=3&lang=en", headers: [.ifNoneMatch: etag])
            #expect(unchanged.status == .notModified)
            let wrong = try await browser.get("/api/v1/cities/vantaa/activities?limit=1000&offset=-1")
            #expect(wrong.status == .unprocessableContent)
            #expect(
                wrong.body.contains("common.errors.limit.invalid")
                    && wrong.body.contains("common.errors.offset.invalid"))
            let cafe = try await Self.activity(app, finnishTitle: "Kielikahvila Tikkurilassa")
            let one = try await browser.get("/api/v1/cities/vantaa/activities/\(cafe.id)?lang=en")
            #expect(one.body.contains("\"rule\":\"FREQ=WEEKLY;BYDAY=TU\""))
            #expect(one.body.contains("\"title\":\"Language café in Tikkurila\""))
            let categories = try await browser.get("/api/v1/cities/vantaa/categories?lang=en")
            #expect(categories.body.contains("\"code\":\"language-learning\""))
        }
    }

    @Test("a city admin adds a category; a coordinator may not")
    func categories() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            #expect(try await browser.get("/vantaa/categories/new").status == .forbidden)
            try await browser.signIn(.cityAdmin)
            let taken = try await browser.post(
                "/vantaa/categories/new?lang=en", [("code", "sports"), ("name_fi", "Urheilu"), ("position", "")])
            #expect(taken.status == .unprocessableContent)
            #expect(taken.body.contains("Another category already has this code."))
            let saved = try await browser.post(
                "/vantaa/categories/new", [("code", "nature"), ("name_fi", "Luonto"), ("name_en", "Nature")])
            #expect(saved.status == .seeOther)
            let codes = try await app.repositories.activities.categories(city: app.vantaa.id).map(\.code)
            #expect(codes.contains("nature"))
            let list = try await browser.get("/vantaa/categories?lang=en")
            #expect(list.body.contains("Nature"))
        }
    }
}
