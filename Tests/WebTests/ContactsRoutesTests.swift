import Domain
import Hummingbird
import Testing

@testable import Web

@Suite("Contact persons")
struct ContactsRoutesTests {
    static func nicehearts(_ app: TestApp) async throws -> Organisation {
        try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
    }

    static let leila: [(String, String)] = [
        ("name", "Leila Ahmadi"), ("role", "chair"), ("email", "leila@example.fi"), ("phone", "+358 40 123 4567"),
        ("since", "2024-01-15"),
    ]

    @Test("an editor adds a private contact: editors and coordinators see it, the public does not")
    func privateByDefault() async throws {
        try await TestApp.run { app, browser in
            let organisation = try await Self.nicehearts(app)
            try await browser.signIn(.organisationEditor)
            let added = try await browser.post("/vantaa/organisations/\(organisation.id)/contacts/new", Self.leila)
            #expect(added.status == .seeOther)
            #expect(try await browser.get("/vantaa/organisations/\(organisation.id)").body.contains("Leila Ahmadi"))
            try await browser.post("/account/sign-out")
            #expect(!(try await browser.get("/vantaa/organisations/\(organisation.id)").body.contains("Leila Ahmadi")))
            try await browser.signIn(.volunteer)
            #expect(
                !(try await browser.get("/vantaa/organisations/\(organisation.id)").body.contains("leila@example.fi")))
            try await browser.post("/account/sign-out")
            try await browser.signIn(.coordinator)
            #expect(try await browser.get("/vantaa/organisations/\(organisation.id)").body.contains("leila@example.fi"))
        }
    }

    @Test("a contact who agreed to be public is shown to everyone, with the consent's date kept")
    func publicWithConsent() async throws {
        try await TestApp.run { app, browser in
            let organisation = try await Self.nicehearts(app)
            try await browser.signIn(.organisationEditor)
            try await browser.post(
                "/vantaa/organisations/\(organisation.id)/contacts/new", Self.leila + [("public", "yes")])
            let stored = try await app.repositories.contacts.list(organisation: organisation.id)
            #expect(stored.first?.publicConsent?.purpose == ContactPerson.PublicConsent.purpose)
            try await browser.post("/account/sign-out")
            #expect(try await browser.get("/vantaa/organisations/\(organisation.id)").body.contains("leila@example.fi"))
        }
    }

    @Test("a handover ends the previous contact and records who replaced whom since when")
    func handover() async throws {
        try await TestApp.run { app, browser in
            let organisation = try await Self.nicehearts(app)
            try await browser.signIn(.organisationEditor)
            try await browser.post("/vantaa/organisations/\(organisation.id)/contacts/new", Self.leila)
            let leila = try #require(try await app.repositories.contacts.list(organisation: organisation.id).first)
            let path = "/vantaa/organisations/\(organisation.id)/contacts/\(leila.id)/handover"
            #expect(try await browser.get(path).status == .ok)
            let early = try await browser.post(path, [("name", "Omar"), ("since", "2023-01-01")])
            #expect(early.status == .unprocessableContent)
            let page = try await browser.post(
                path, [("name", "Omar Hassan"), ("role", "chair"), ("since", "2025-09-01")])
            #expect(page.status == .seeOther)
            let contacts = try await app.repositories.contacts.list(organisation: organisation.id)
            let omar = try #require(contacts.first { $0.name == "Omar Hassan" })
            #expect(omar.replacesID == leila.id)
            #expect(contacts.first { $0.id == leila.id }?.until == CalendarDay("2025-09-01"))
            #expect(
                try await browser.post(path, [("name", "Third"), ("since", "2026-01-01")]).status
                    == .unprocessableContent)
            let shown = try await browser.get("/vantaa/organisations/\(organisation.id)?lang=en")
            #expect(shown.body.contains("Took over from Leila Ahmadi."))
        }
    }

    @Test("bad contact input is a 422 naming the fields, and nothing is written")
    func badInput() async throws {
        try await TestApp.run { app, browser in
            let organisation = try await Self.nicehearts(app)
            try await browser.signIn(.organisationEditor)
            let page = try await browser.post(
                "/vantaa/organisations/\(organisation.id)/contacts/new?lang=en",
                [("name", ""), ("email", "leila@"), ("phone", "call me"), ("since", "15.1.2024")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Give a phone number of 5 to 20 digits"))
            #expect(page.body.contains("Write the date as YYYY-MM-DD."))
            #expect(try await app.repositories.contacts.list(organisation: organisation.id).isEmpty)
        }
    }

    @Test("an editor of another organisation cannot add, hand over or erase contacts")
    func otherEditorsAreRefused() async throws {
        try await TestApp.run { app, browser in
            let sorasod = try await OrganisationsRoutesTests.organisation(app, finnishName: "Sorasod ry")
            let existing = ContactPerson(
                organisationID: sorasod.id, name: "Sara", role: "chair", since: CalendarDay("2020-01-01")!)
            try await app.repositories.contacts.create(existing)
            try await browser.signIn(.organisationEditor)
            let base = "/vantaa/organisations/\(sorasod.id)/contacts"
            #expect(try await browser.post("\(base)/new", Self.leila).status == .forbidden)
            #expect(try await browser.post("\(base)/\(existing.id)/handover", Self.leila).status == .forbidden)
            #expect(try await browser.post("\(base)/\(existing.id)/remove").status == .forbidden)
            #expect(try await app.repositories.contacts.list(organisation: sorasod.id) == [existing])
        }
    }

    @Test("erasing a contact removes the record")
    func erase() async throws {
        try await TestApp.run { app, browser in
            let organisation = try await Self.nicehearts(app)
            try await browser.signIn(.coordinator)
            try await browser.post("/vantaa/organisations/\(organisation.id)/contacts/new", Self.leila)
            let leila = try #require(try await app.repositories.contacts.list(organisation: organisation.id).first)
            let page = try await browser.post("/vantaa/organisations/\(organisation.id)/contacts/\(leila.id)/remove")
            #expect(page.status == .seeOther)
            #expect(try await app.repositories.contacts.find(id: leila.id) == nil)
        }
    }
}
