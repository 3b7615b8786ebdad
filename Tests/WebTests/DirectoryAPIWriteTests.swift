import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Directory API: editors write activities and events over JSON")
struct DirectoryAPIWriteTests {
    static func send(_ browser: Browser, _ path: String, _ body: String, method: HTTPRequest.Method = .post)
        async throws -> Browser.Page
    {
        try await OrganisationsAPITests.postJSON(browser, path, body, method: method)
    }

    static func activityBody(organisation: OrganisationID, title: String, extra: String = "") -> String {
        """
        {"organisation":"\(organisation)","kind":"club","titles":{"fi":"\(title)","en":"Sewing evening"},\
        "categories":["culture"],"targetGroups":["women"],"languages":["fi","ar"],"areas":["01300"],\
        "schedule":{"firstDay":"2026-12-02","start":"18:00","durationMinutes":120,\
        "rule":"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE","cancelled":["2026-12-30"]},"capacity":12,"feeCents":250\(extra)}
        """
    }

    @Test("an editor creates an activity with a recurring schedule, then changes it")
    func editorWritesActivity() async throws {
        try await TestApp.run { app, browser in
            // given
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            // when
            let created = try await Self.send(
                browser, "/api/v1/cities/vantaa/activities?lang=en",
                Self.activityBody(organisation: nicehearts.id, title: "Ompeluilta"))
            // then
            #expect(created.status == .created)
            let body = try OrganisationsAPITests.json(created)
            let schedule = try #require(body["schedule"] as? [String: Any])
            #expect(schedule["rule"] as? String == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")
            #expect(schedule["durationMinutes"] as? Int == 120)
            #expect(body["feeCents"] as? Int == 250)
            let stored = try await ActivitiesRoutesTests.activity(app, finnishTitle: "Ompeluilta")
            #expect(stored.organisationID == nicehearts.id && stored.capacity == 12)
            #expect(stored.schedule?.exceptions == [CalendarDay("2026-12-30")!])
            // when the editor changes the title and closes it
            let changed = try await Self.send(
                browser, "/api/v1/cities/vantaa/activities/\(stored.id)",
                Self.activityBody(
                    organisation: nicehearts.id, title: "Ompelu- ja korjausilta", extra: #","status":"archived""#),
                method: .put)
            #expect(changed.status == .ok)
            let updated = try #require(try await app.repositories.activities.find(id: stored.id))
            #expect(updated.title.text(in: .finnish) == "Ompelu- ja korjausilta")
            #expect(updated.status == .archived)
        }
    }

    @Test(
        "a wrong field is a 422 naming it as the body does, and nothing is written",
        arguments: [
            (
                #","schedule":{"firstDay":"2026-12-02","start":"18:00","durationMinutes":60,"rule":"FREQ=SOMETIMES"}"#,
                "schedule.rule"
            ),
            (
                #","schedule":{"firstDay":"2026-12-02","start":"18:00","durationMinutes":-30}"#,
                "schedule.durationMinutes"
            ),
            (
                #","schedule":{"firstDay":"2026-12-02","start":"18:00","durationMinutes":9223372036854775807}"#,
                "schedule.durationMinutes"
            ),
            (#","capacity":-5"#, "capacity"),
            (#","feeCents":-100"#, "feeCents"),
            (#","targetGroups":["dragons"]"#, "targetGroups"),
        ])
    func wrongActivity(extra: String, field: String) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let before = try await ActivitiesRoutesTests.allActivities(app)
            let body = """
                {"organisation":"\(nicehearts.id)","kind":"club","titles":{"fi":"Ompeluilta"}\(extra)}
                """
            let page = try await Self.send(browser, "/api/v1/cities/vantaa/activities", body)
            #expect(page.status == .unprocessableContent)
            let errors = try #require(try OrganisationsAPITests.json(page)["errors"] as? [String: [String]])
            #expect(errors.keys.sorted() == [field], "\(errors)")
            #expect(try await ActivitiesRoutesTests.allActivities(app) == before)
        }
    }

    @Test("who may write: nobody signed out, not a resident, not another organisation's editor")
    func permissions() async throws {
        try await TestApp.run { app, browser in
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let football = try await ActivitiesRoutesTests.activity(app, finnishTitle: "Jalkapallo nuorille")
            let before = try await ActivitiesRoutesTests.allActivities(app)
            let body = Self.activityBody(organisation: nicehearts.id, title: "Ompeluilta")
            #expect(try await Self.send(browser, "/api/v1/cities/vantaa/activities", body).status == .forbidden)
            try await browser.signIn(.resident)
            #expect(try await Self.send(browser, "/api/v1/cities/vantaa/activities", body).status == .forbidden)
            try await browser.signIn(.organisationEditor)
            let hijack = try await Self.send(
                browser, "/api/v1/cities/vantaa/activities/\(football.id)",
                Self.activityBody(organisation: football.organisationID, title: "Kaapattu"), method: .put)
            #expect(hijack.status == .forbidden)
            #expect(try await ActivitiesRoutesTests.activity(app, finnishTitle: "Jalkapallo nuorille") == football)
            #expect(try await ActivitiesRoutesTests.allActivities(app) == before)
            let notJSON = try await browser.send(
                "/api/v1/cities/vantaa/activities", method: .post, headers: [.contentType: "text/plain"], body: body)
            #expect(notJSON.status == .unsupportedMediaType)
        }
    }

    @Test("an editor announces an event, changes it, and an end before the start is refused")
    func editorWritesEvent() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let event = { (title: String, end: String) in
                """
                {"kind":"celebration","titles":{"fi":"\(title)"},"organisers":["\(nicehearts.id)"],\
                "day":"2027-05-20","start":"17:00","end":"\(end)","capacity":80,"registration":true}
                """
            }
            let reversed = try await Self.send(browser, "/api/v1/cities/vantaa/events", event("Kevätjuhla", "16:00"))
            #expect(reversed.status == .unprocessableContent)
            #expect(
                try OrganisationsAPITests.json(reversed)["errors"] as? [String: [String]] == [
                    "end": ["directory.errors.booking.reversed"]
                ])
            let created = try await Self.send(browser, "/api/v1/cities/vantaa/events", event("Kevätjuhla", "20:00"))
            #expect(created.status == .created)
            let body = try OrganisationsAPITests.json(created)
            #expect(body["organisers"] as? [String] == [nicehearts.id.description])
            #expect(body["start"] as? String == "2027-05-20T14:00:00Z")
            let id = try #require(body["id"] as? String)
            let changed = try await Self.send(
                browser, "/api/v1/cities/vantaa/events/\(id)", event("Kevätjuhla puistossa", "21:00"), method: .put)
            #expect(changed.status == .ok)
            let eventID = try #require(EventID(string: id))
            let stored = try #require(try await app.repositories.events.find(id: eventID))
            #expect(stored.title.text(in: .finnish) == "Kevätjuhla puistossa")
            #expect(stored.capacity == 80 && stored.registration)
        }
    }
}
