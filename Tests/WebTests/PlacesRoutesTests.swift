import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Places of encounter and bookings")
struct PlacesRoutesTests {
    static func place(_ app: TestApp, finnishName: String) async throws -> Place {
        try #require(
            try await app.repositories.places.list(city: app.vantaa.id).first {
                $0.name.text(in: .finnish) == finnishName
            })
    }

    /// The next weekday (1 = Monday) at least two days ahead, as `YYYY-MM-DD`.
    static func next(_ weekday: Int) -> String {
        var day = CalendarDay(Date(), in: TimeZone(identifier: "Europe/Helsinki")!).adding(days: 2)
        while day.isoWeekday != weekday { day = day.adding(days: 1) }
        return day.description
    }

    @Test("the directory lists the demo places and filters by kind, step-free access and bookability")
    func directory() async throws {
        try await TestApp.run { _, browser in
            let all = try await browser.get("/vantaa/places?lang=en")
            #expect(all.status == .ok)
            #expect(all.body.contains("10 places"))
            #expect(all.body.contains("Tikkurila library"))
            let libraries = try await browser.get("/vantaa/places?lang=en&kind=library")
            #expect(libraries.body.contains("2 places"))
            let playground = try await browser.get("/vantaa/places?lang=en&step_free=yes")
            #expect(!playground.body.contains("Koivukylä playground"))
            let bookable = try await browser.get("/vantaa/places?lang=en&bookable=yes")
            #expect(!bookable.body.contains("Myyrmäki library"))
        }
    }

    @Test("a place page shows its hours by weekday, its accessibility and its use this year")
    func placePage() async throws {
        try await TestApp.run { app, browser in
            let place = try await Self.place(app, finnishName: "Hakunilan asukastila")
            let page = try await browser.get("/vantaa/places/\(place.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("<th scope=\"row\">Monday</th><td>09:00-20:00</td>"))
            #expect(page.body.contains("<th scope=\"row\">Sunday</th><td>Closed</td>"))
            #expect(page.body.contains("Step-free access"))
            #expect(page.body.contains("Use this year"))
            // Who books a place is public; what for is not.
            #expect(!page.body.contains("Kielikahvila"))
            #expect(!page.body.contains("Request a booking"))
        }
    }

    @Test("an editor requests a booking; outside the opening hours it is a 422 with the reason, and nothing is stored")
    func requestBooking() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let place = try await Self.place(app, finnishName: "Hakunilan asukastila")
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let range = (Date(), Date().addingTimeInterval(60 * 86_400))
            let before = try await app.repositories.bookings.list(place: place.id, from: range.0, until: range.1).count
            let sunday = try await browser.post(
                "/vantaa/places/\(place.id)/bookings?lang=en",
                [
                    ("organisation", nicehearts.id.description), ("day", Self.next(7)), ("from", "12:00"),
                    ("until", "14:00"), ("purpose", "Naisten ryhmä"),
                ])
            #expect(sunday.status == .unprocessableContent)
            #expect(sunday.body.contains("The place is not open for the whole of that time."))
            #expect(
                try await app.repositories.bookings.list(place: place.id, from: range.0, until: range.1).count == before
            )
            let monday = try await browser.post(
                "/vantaa/places/\(place.id)/bookings",
                [
                    ("organisation", nicehearts.id.description), ("day", Self.next(1)), ("from", "12:00"),
                    ("until", "14:00"), ("purpose", "Naisten ryhmä"),
                ])
            #expect(monday.status == .seeOther)
            let stored = try await app.repositories.bookings.list(place: place.id, from: range.0, until: range.1)
            #expect(stored.count == before + 1)
            #expect(stored.contains { $0.purpose == "Naisten ryhmä" && $0.status == .requested })
        }
    }

    @Test("the owner's editor confirms a request; an overlapping one is refused with the reason; others may not decide")
    func deciding() async throws {
        try await TestApp.run { app, browser in
            let place = try await Self.place(app, finnishName: "Niceheartsin tila")
            let sorasod = try await OrganisationsRoutesTests.organisation(app, finnishName: "Sorasod ry")
            let day = CalendarDay(Self.next(2))!
            let zone = TimeZone(identifier: "Europe/Helsinki")!
            func request(_ from: Int, _ until: Int) async throws -> Booking {
                let booking = Booking(
                    placeID: place.id, organisationID: sorasod.id,
                    start: BookingInput.moment(day, minutes: from * 60, in: zone)!,
                    end: BookingInput.moment(day, minutes: until * 60, in: zone)!, purpose: "Ryhmä", requestedBy: nil,
                    createdAt: Date())
                try await app.repositories.bookings.create(booking)
                return booking
            }
            let first = try await request(13, 15)
            let second = try await request(14, 16)
            try await browser.signIn(.volunteer)
            #expect(try await browser.post("/vantaa/bookings/\(first.id)/confirm").status == .forbidden)
            try await browser.signIn(.organisationEditor)
            #expect(try await browser.post("/vantaa/bookings/\(first.id)/confirm").status == .seeOther)
            let refused = try await browser.post("/vantaa/bookings/\(second.id)/confirm?lang=en")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Another confirmed booking of this place overlaps that time."))
            #expect(try await app.repositories.bookings.find(id: second.id)?.status == .requested)
            let noReason = try await browser.post("/vantaa/bookings/\(second.id)/decline", [("reason", "")])
            #expect(noReason.status == .unprocessableContent)
            let declined = try await browser.post("/vantaa/bookings/\(second.id)/decline", [("reason", "Päällekkäin")])
            #expect(declined.status == .seeOther)
            let stored = try await app.repositories.bookings.find(id: second.id)
            #expect(stored?.status == .declined && stored?.reason == "Päällekkäin")
        }
    }

    @Test("the person who requested a booking is emailed the decision in their language, with the reason if declined")
    func requesterIsToldOfDecision() async throws {
        try await TestApp.run { app, browser in
            // given two requests by the caseworker's account for Sorasod ry
            let place = try await Self.place(app, finnishName: "Niceheartsin tila")
            let sorasod = try await OrganisationsRoutesTests.organisation(app, finnishName: "Sorasod ry")
            let requester = try #require(
                try await app.repositories.persons.find(email: TestApp.demoAccount(.caseworker).email))
            let day = CalendarDay(Self.next(3))!
            let zone = TimeZone(identifier: "Europe/Helsinki")!
            var requests: [Booking] = []
            for (from, until) in [(10, 12), (13, 15)] {
                let booking = Booking(
                    placeID: place.id, organisationID: sorasod.id,
                    start: BookingInput.moment(day, minutes: from * 60, in: zone)!,
                    end: BookingInput.moment(day, minutes: until * 60, in: zone)!, purpose: "Kerho",
                    requestedBy: requester.id, createdAt: Date())
                try await app.repositories.bookings.create(booking)
                requests.append(booking)
            }
            let t = app.services.translator(requester.preferredLanguage)
            // when the owner's editor confirms one and declines the other
            try await browser.signIn(.organisationEditor)
            #expect(try await browser.post("/vantaa/bookings/\(requests[0].id)/confirm").status == .seeOther)
            let declined = try await browser.post(
                "/vantaa/bookings/\(requests[1].id)/decline", [("reason", "Remontti")])
            #expect(declined.status == .seeOther)
            // then the requester has one email for each, in their own language
            let messages = try await app.repositories.outbox.messages(to: requester.email)
            #expect(messages.count == 2)
            let name = place.name.text(in: requester.preferredLanguage)
            let confirmed = try #require(
                messages.first { $0.subject == t("directory.bookings.email.confirmed_subject", ["place": name]) })
            #expect(confirmed.body.contains("\(day) 10:00–12:00"))
            let refusal = try #require(
                messages.first { $0.subject == t("directory.bookings.email.declined_subject", ["place": name]) })
            #expect(refusal.body.contains("Remontti") && refusal.body.contains("/vantaa/places/\(place.id)"))
        }
    }

    @Test("an editor adds a place their organisation owns; bad hours and coordinates are a 422 naming the fields")
    func addingAPlace() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let monimaa = try await OrganisationsRoutesTests.organisation(app, finnishName: "Monimaa ry")
            let count = try await app.repositories.places.list(city: app.vantaa.id).count
            let bad = try await browser.post(
                "/vantaa/places/new?lang=en",
                [
                    ("kind", "ngo_premises"), ("name_fi", "Kerhohuone"), ("owner", nicehearts.id.description),
                    ("hours", "Mo-Fr 9-17"), ("latitude", "95"), ("longitude", "25"), ("capacity", "-3"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Write the hours like"))
            #expect(bad.body.contains("Give both coordinates in degrees"))
            #expect(bad.body.contains("Give the capacity as a whole number"))
            let others = try await browser.post(
                "/vantaa/places/new",
                [("kind", "ngo_premises"), ("name_fi", "Kerhohuone"), ("owner", monimaa.id.description)])
            #expect(others.status == .unprocessableContent)
            #expect(try await app.repositories.places.list(city: app.vantaa.id).count == count)
            let saved = try await browser.post(
                "/vantaa/places/new",
                [
                    ("kind", "ngo_premises"), ("name_fi", "Kerhohuone"), ("owner", nicehearts.id.description),
                    ("hours", "Mo-Fr 12:00-18:00"), ("latitude", "60,29"), ("longitude", "25.04"), ("bookable", "yes"),
                    ("accessibility", "step_free"),
                ])
            #expect(saved.status == .seeOther)
            let place = try await Self.place(app, finnishName: "Kerhohuone")
            #expect(place.ownerID == nicehearts.id && place.latitude == 60.29 && place.bookable)
        }
    }

    @Test("a resident may not add places", arguments: [RoleKind.resident, .volunteer])
    func othersCannotAdd(role: RoleKind) async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(role)
            #expect(try await browser.get("/vantaa/places/new").status == .forbidden)
            #expect(
                try await browser.post("/vantaa/places/new", [("kind", "park"), ("name_fi", "X")]).status == .forbidden)
        }
    }

    @Test("the places are open data: GeoJSON per RFC 7946 and JSON with the directory's filters")
    func openData() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/api/v1/cities/vantaa/places.geojson?lang=en")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/geo+json")
            let json = try OrganisationsAPITests.json(page)
            #expect(json["type"] as? String == "FeatureCollection")
            let features = try #require(json["features"] as? [[String: Any]])
            #expect(features.count == 10)
            for feature in features {
                #expect(feature["type"] as? String == "Feature")
                let geometry = try #require(feature["geometry"] as? [String: Any])
                #expect(geometry["type"] as? String == "Point")
                let coordinates = try #require(geometry["coordinates"] as? [Double])
                // [longitude, latitude], WGS 84: Vantaa lies near 25° E, 60° N.
                #expect(
                    coordinates.count == 2 && (24...26).contains(coordinates[0]) && (60...61).contains(coordinates[1]))
            }
            let list = try OrganisationsAPITests.json(
                try await browser.get("/api/v1/cities/vantaa/places?kind=library"))
            #expect(list["count"] as? Int == 2)
        }
    }
}
