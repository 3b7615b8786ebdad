import Domain
import Hummingbird
import Testing

@testable import Web

@Suite("Organisation directory and editing")
struct OrganisationsRoutesTests {
    static func organisation(_ app: TestApp, finnishName: String) async throws -> Organisation {
        try #require(
            try await app.repositories.organisations.list(city: app.vantaa.id).first {
                $0.name.text(in: .finnish) == finnishName
            })
    }

    static func form(name: String, kind: String = "migrant_led_ngo", email: String = "info@example.fi")
        -> [(String, String)]
    {
        [
            ("kind", kind), ("name_fi", name), ("name_en", ""), ("name_sv", ""), ("name_ar", "جمعية"),
            ("description_fi", "Kuvaus"), ("languages", "fi, ar"), ("areas", "01300"), ("areas", "01350"),
            ("website", "www.example.fi"), ("email", email), ("status", "active"),
        ]
    }

    @Test("the public directory lists the city's organisations and filters them")
    func directoryFilters() async throws {
        try await TestApp.run { _, browser in
            let all = try await browser.get("/vantaa/organisations?lang=en")
            #expect(all.status == .ok)
            #expect(all.body.contains("Nicehearts ry"))
            #expect(all.body.contains("Hakunila International Society"))
            let migrantLed = try await browser.get("/vantaa/organisations?lang=en&migrant_led=yes")
            #expect(!migrantLed.body.contains("Nicehearts ry"))
            #expect(migrantLed.body.contains("Sorasod ry"))
            let searched = try await browser.get("/vantaa/organisations?lang=en&q=hakunilan")
            #expect(searched.body.contains("Hakunila International Society"))
            #expect(!searched.body.contains("Sorasod ry"))
        }
    }

    @Test("an organisation's page shows its details to anyone; an unknown id is a 404")
    func showPage() async throws {
        try await TestApp.run { app, browser in
            let nicehearts = try await Self.organisation(app, finnishName: "Nicehearts ry")
            let page = try await browser.get("/vantaa/organisations/\(nicehearts.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1><span lang=\"fi\" dir=\"ltr\">Nicehearts ry</span></h1>"))
            let finnish = try await browser.get("/vantaa/organisations/\(nicehearts.id)?lang=fi")
            #expect(finnish.body.contains("<h1>Nicehearts ry</h1>"))
            #expect(!page.body.contains("/edit\""))
            #expect(try await browser.get("/vantaa/organisations/\(OrganisationID())").status == .notFound)
            #expect(try await browser.get("/vantaa/organisations/not-an-id").status == .notFound)
        }
    }

    @Test("a coordinator registers an organisation with names in two languages")
    func coordinatorCreates() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            #expect(try await browser.get("/vantaa/organisations/new").status == .ok)
            let page = try await browser.post("/vantaa/organisations/new", Self.form(name: "Uusi yhdistys"))
            #expect(page.status == .seeOther)
            let created = try await Self.organisation(app, finnishName: "Uusi yhdistys")
            #expect(page.location == "/vantaa/organisations/\(created.id)")
            #expect(created.name.text(in: .arabic) == "جمعية")
            #expect(created.languages == [.finnish, .arabic])
            #expect(created.areaIDs.count == 2)
            #expect(created.website == "https://www.example.fi")
        }
    }

    @Test("bad input is answered with 422, messages next to the fields, and nothing is written")
    func badInputWritesNothing() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let before = try await app.repositories.organisations.list(city: app.vantaa.id).count
            var fields = Self.form(name: "Nicehearts ry", email: "not-an-email")
            fields.append(("areas", "99999"))
            let page = try await browser.post("/vantaa/organisations/new?lang=en", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Another organisation in this city already has this name."))
            #expect(page.body.contains("Give an email address such as info@example.fi."))
            #expect(page.body.contains("An area was not found in this city."))
            #expect(try await app.repositories.organisations.list(city: app.vantaa.id).count == before)
        }
    }

    @Test("only coordinators, city admins and platform admins register organisations", arguments: RoleKind.allCases)
    func createIsForCoordinators(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            let before = try await app.repositories.organisations.list(city: app.vantaa.id).count
            let page = try await browser.post("/vantaa/organisations/new", Self.form(name: "Kerho \(role)"))
            let allowed = [.coordinator, .cityAdmin, .platformAdmin].contains(role)
            #expect(page.status == (allowed ? .seeOther : .forbidden))
            #expect(
                try await app.repositories.organisations.list(city: app.vantaa.id).count == before + (allowed ? 1 : 0))
        }
    }

    @Test("an editor edits their own organisation")
    func editorEditsOwn() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await Self.organisation(app, finnishName: "Nicehearts ry")
            #expect(try await browser.get("/vantaa/organisations/\(nicehearts.id)/edit").status == .ok)
            var fields = Self.form(name: "Nicehearts ry", kind: "ngo")
            fields.append(("description_en", "Girls' and women's community work"))
            let page = try await browser.post("/vantaa/organisations/\(nicehearts.id)/edit", fields)
            #expect(page.status == .seeOther)
            let updated = try await Self.organisation(app, finnishName: "Nicehearts ry")
            #expect(updated.description.text(in: .english) == "Girls' and women's community work")
            #expect(updated.kind == .ngo)
        }
    }

    @Test("an editor posting to another organisation's URL gets 403 and nothing changes")
    func editorCannotEditOthers() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let sorasod = try await Self.organisation(app, finnishName: "Sorasod ry")
            #expect(try await browser.get("/vantaa/organisations/\(sorasod.id)/edit").status == .forbidden)
            let page = try await browser.post(
                "/vantaa/organisations/\(sorasod.id)/edit", Self.form(name: "Kaapattu", kind: "business"))
            #expect(page.status == .forbidden)
            #expect(try await app.repositories.organisations.find(id: sorasod.id) == sorasod)
        }
    }

    @Test("an editor cannot archive; a coordinator can, and archived ones leave the public directory")
    func archiving() async throws {
        try await TestApp.run { app, browser in
            let nicehearts = try await Self.organisation(app, finnishName: "Nicehearts ry")
            var fields = Self.form(name: "Nicehearts ry", kind: "ngo").filter { $0.0 != "status" }
            fields.append(("status", "archived"))
            try await browser.signIn(.organisationEditor)
            let refused = try await browser.post("/vantaa/organisations/\(nicehearts.id)/edit", fields)
            #expect(refused.status == .unprocessableContent)
            try await browser.post("/account/sign-out")
            try await browser.signIn(.coordinator)
            let archived = try await browser.post("/vantaa/organisations/\(nicehearts.id)/edit", fields)
            #expect(archived.status == .seeOther)
            try await browser.post("/account/sign-out")
            #expect(!(try await browser.get("/vantaa/organisations").body.contains("Nicehearts ry")))
            #expect(try await browser.get("/vantaa/organisations/\(nicehearts.id)").status == .notFound)
        }
    }
}
