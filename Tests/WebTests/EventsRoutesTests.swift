import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Events: registration with a waiting list, attendance, feeds and the API")
struct EventsRoutesTests {
    static func event(_ app: TestApp, english: String) async throws -> Event {
        try #require(
            try await app.repositories.events.list(
                city: app.vantaa.id, filter: EventFilter(statuses: Set(Event.Status.allCases))
            ).first { $0.title.text(in: .english) == english })
    }

    /// The link in the last email to an address.
    static func link(_ app: TestApp, to email: String) async throws -> String {
        let body = try #require(try await app.repositories.outbox.messages(to: email).last?.body)
        let url = try #require(body.split(separator: "\n").first { $0.contains("/vantaa/registrations/") })
        return String(url[url.range(of: "/vantaa/")!.lowerBound...])
    }

    @Test("coming events are listed, past ones behind their own link")
    func listing() async throws {
        try await TestApp.run { _, browser in
            let coming = try await browser.get("/vantaa/events?lang=en")
            #expect(coming.status == .ok)
            #expect(coming.body.contains("Cooperation forum 2027"))
            #expect(!coming.body.contains("Cooperation forum 2018"))
            let past = try await browser.get("/vantaa/events?lang=en&when=past&kind=cooperation_forum")
            #expect(past.body.contains("Cooperation forum 2018") && past.body.contains("Cooperation forum 2020"))
            #expect(!past.body.contains("Local group meeting"))
        }
    }

    @Test("someone without an account registers, gets the link by email, and cancels with it")
    func registerAndCancel() async throws {
        try await TestApp.run { app, browser in
            let training = try await Self.event(app, english: "Training: meeting refugees")
            let registered = try await browser.post(
                "/vantaa/events/\(training.id)/registrations",
                [("name", "Amina Hassan"), ("email", "Amina@Example.org"), ("consent", "yes")])
            #expect(registered.status == .seeOther)
            let link = try await Self.link(app, to: "amina@example.org")
            let page = try await browser.get(link + "?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("You have a place at this event."))
            #expect(page.headers[.init("Referrer-Policy")!] == "no-referrer")
            let cancelled = try await browser.post(link.replacingOccurrences(of: "?lang=en", with: "") + "/cancel")
            #expect(cancelled.status == .seeOther)
            #expect(try await browser.get(link + "?lang=en").body.contains("This registration has been cancelled."))
            #expect(
                try await browser.get("/vantaa/registrations/\(String(repeating: "x", count: 43))").status == .notFound)
        }
    }

    @Test("registering without consent or twice is refused with the reason, and nothing is stored")
    func registrationRefused() async throws {
        try await TestApp.run { app, browser in
            let training = try await Self.event(app, english: "Training: meeting refugees")
            let noConsent = try await browser.post(
                "/vantaa/events/\(training.id)/registrations?lang=en",
                [("name", "Amina"), ("email", "amina@example.org")])
            #expect(noConsent.status == .unprocessableContent)
            #expect(noConsent.body.contains("Tick the box so the organisers may use your name and email."))
            #expect(try await app.repositories.events.registrations(event: training.id).isEmpty)
            let fields = [("name", "Amina"), ("email", "amina@example.org"), ("consent", "yes")]
            _ = try await browser.post("/vantaa/events/\(training.id)/registrations", fields)
            let twice = try await browser.post("/vantaa/events/\(training.id)/registrations?lang=en", fields)
            #expect(twice.status == .unprocessableContent)
            #expect(twice.body.contains("This email address is already registered for the event."))
            // A past event takes no registrations.
            let past = try await Self.event(app, english: "Cooperation forum 2018")
            let late = try await browser.post("/vantaa/events/\(past.id)/registrations?lang=en", fields)
            #expect(late.status == .unprocessableContent)
        }
    }

    @Test("beyond the capacity people wait; a cancellation gives the place to the first and tells them")
    func waitingList() async throws {
        try await TestApp.run { app, browser in
            var training = try await Self.event(app, english: "Training: meeting refugees")
            training.capacity = 1
            try await app.repositories.events.save(training)
            for name in ["first", "second"] {
                let answer = try await browser.post(
                    "/vantaa/events/\(training.id)/registrations",
                    [("name", name), ("email", "\(name)@example.org"), ("consent", "yes")])
                #expect(answer.status == .seeOther)
            }
            let statuses = try await app.repositories.events.registrations(event: training.id).map(\.status)
            #expect(statuses == [.registered, .waitlisted])
            let link = try await Self.link(app, to: "first@example.org")
            _ = try await browser.post(link + "/cancel")
            let after = try await app.repositories.events.registrations(event: training.id).map(\.status)
            #expect(after == [.cancelled, .registered])
            let promoted = try await app.repositories.outbox.messages(to: "second@example.org")
            #expect(promoted.count == 2)
            #expect(promoted.last?.body.contains("/vantaa/events/\(training.id)") == true)
        }
    }

    @Test("an editor organises an event with a partner; she cannot name only others as organisers")
    func editorOrganises() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let sorasod = try await OrganisationsRoutesTests.organisation(app, finnishName: "Sorasod ry")
            let fields = [
                ("kind", "neighbourhood_get_together"), ("title_fi", "Kevätjuhla"),
                ("organisers", sorasod.id.description),
                ("day", "2027-05-20"), ("from", "14:00"), ("until", "18:00"), ("capacity", "100"),
                ("registration", "yes"), ("status", "published"),
            ]
            let saved = try await browser.post("/vantaa/events/new", fields + [("lead", nicehearts.id.description)])
            #expect(saved.status == .seeOther)
            let stored = try #require(
                try await app.repositories.events.list(
                    city: app.vantaa.id, filter: EventFilter(organisationID: sorasod.id)
                )
                .first { $0.title.text(in: .finnish) == "Kevätjuhla" })
            #expect(stored.organiserIDs == [nicehearts.id, sorasod.id])
            let notHers = try await browser.post(
                "/vantaa/events/new?lang=en", fields + [("lead", sorasod.id.description)])
            #expect(notHers.status == .unprocessableContent)
            #expect(notHers.body.contains("One of the organisers must be an organisation you act for."))
        }
    }

    @Test("organisers record attendance by sector; it shows on the page from 10 people and in the API")
    func attendance() async throws {
        try await TestApp.run { app, browser in
            let forum = try await Self.event(app, english: "Cooperation forum 2018")
            let page = try await browser.get("/vantaa/events/\(forum.id)?lang=en")
            #expect(page.body.contains("<dt>Came</dt><dd>72 people</dd>"))
            let api = try await browser.get("/api/v1/cities/vantaa/events/\(forum.id)")
            #expect(api.body.contains("\"attendance\":72"))
            try await browser.signIn(.volunteer)
            #expect(try await browser.get("/vantaa/events/\(forum.id)/attendance").status == .forbidden)
            try await browser.signIn(.coordinator)
            #expect(try await browser.get("/vantaa/events/\(forum.id)/attendance?lang=en").status == .ok)
            let wrong = try await browser.post(
                "/vantaa/events/\(forum.id)/attendance?lang=en", [("count_city", "-3"), ("count_ngo", "20")])
            #expect(wrong.status == .unprocessableContent)
            #expect(try await app.repositories.events.attendance(event: forum.id)[.ngo] == 22)
            let saved = try await browser.post(
                "/vantaa/events/\(forum.id)/attendance", [("count_city", "5"), ("count_ngo", "3")])
            #expect(saved.status == .seeOther)
            #expect(try await app.repositories.events.attendance(event: forum.id) == [.city: 5, .ngo: 3])
            // Eight people are too few to show.
            #expect(!(try await browser.get("/vantaa/events/\(forum.id)?lang=en").body.contains("<dt>Came</dt>")))
            let coming = try await Self.event(app, english: "Cooperation forum 2027")
            let early = try await browser.post("/vantaa/events/\(coming.id)/attendance?lang=en", [("count_city", "5")])
            #expect(early.status == .unprocessableContent)
            #expect(early.body.contains("Attendance can be recorded once the event has begun."))
        }
    }

    @Test("the events calendar and the API list coming events; wrong API filters are a 422")
    func feedAndAPI() async throws {
        try await TestApp.run { app, browser in
            let forum = try await Self.event(app, english: "Cooperation forum 2027")
            let feed = try await browser.get("/vantaa/events.ics?lang=en")
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let lines = feed.body.components(separatedBy: "\r\n")
            #expect(lines.contains("DTSTART;TZID=Europe/Helsinki:20270318T170000"))
            #expect(lines.contains("SUMMARY:Cooperation forum 2027"))
            #expect(lines.contains { $0.hasPrefix("UID:\(forum.id)@") })
            let list = try await browser.get("/api/v1/cities/vantaa/events?kind=cooperation_forum&from=2027-01-01")
            #expect(list.body.contains(forum.id.description) && !list.body.contains("2018"))
            #expect(try await browser.get("/api/v1/cities/vantaa/events?kind=party").status == .unprocessableContent)
        }
    }
}
