import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Yearly confirmation and the coordinator's dashboard")
struct ConfirmationRoutesTests {
    /// Opens a round as the coordinator and returns the one-time link path sent to `finnishName`.
    static func openRoundAndLink(_ app: TestApp, _ browser: Browser, for finnishName: String) async throws -> String {
        try await browser.signIn(.coordinator)
        let opened = try await browser.post("/vantaa/dashboard/confirmation-rounds")
        #expect(opened.status == .seeOther)
        let organisation = try await OrganisationsRoutesTests.organisation(app, finnishName: finnishName)
        let email = try #require(organisation.email)
        let message = try #require(try await app.repositories.outbox.messages(to: email).last)
        let prefix = "https://arrival.example"
        let line = try #require(message.body.split(separator: "\n").first { $0.hasPrefix(prefix + "/vantaa/confirm/") })
        return String(line.dropFirst(prefix.count))
    }

    @Test("the dashboard is for coordinators", arguments: RoleKind.allCases)
    func dashboardAccess(role: RoleKind) async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(role)
            let page = try await browser.get("/vantaa/dashboard?lang=en")
            let allowed = role == .coordinator || role == .cityAdmin || role == .platformAdmin
            #expect(page.status == (allowed ? .ok : .forbidden))
            let opened = try await browser.post("/vantaa/dashboard/confirmation-rounds")
            #expect(opened.status == (allowed ? .seeOther : .forbidden))
        }
    }

    @Test("the staleness list names every reason: never confirmed, not for a year, no contact person")
    func stalenessList() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let page = try await browser.get("/vantaa/dashboard?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("Entries needing attention"))
            #expect(page.body.contains("never confirmed"))
            #expect(page.body.contains("not confirmed for 12 months"))
            #expect(page.body.contains("no contact person"))
            #expect(page.body.contains("No confirmation round has been held yet."))
        }
    }

    @Test("a round sends each organisation with an address a one-time link, in one go; a second round waits")
    func openingARound() async throws {
        try await TestApp.run { app, browser in
            let link = try await Self.openRoundAndLink(app, browser, for: "Tikkurilan seurakunta")
            #expect(link.count > "/vantaa/confirm/".count + 40)
            let round = try #require(try await app.repositories.confirmations.rounds(city: app.vantaa.id).first)
            let requests = try await app.repositories.confirmations.requests(round: round.id)
            let withAddress = try await app.repositories.organisations.list(city: app.vantaa.id)
                .filter { $0.email != nil && $0.status != .archived }
            #expect(requests.count == withAddress.count)
            #expect(requests.allSatisfy { $0.status == .pending })
            let again = try await browser.post("/vantaa/dashboard/confirmation-rounds?lang=en")
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("A confirmation round is already open."))
            #expect(try await app.repositories.confirmations.rounds(city: app.vantaa.id).count == 1)
            let dashboard = try await browser.get("/vantaa/dashboard?lang=en")
            #expect(dashboard.body.contains("\(requests.count) waiting for an answer"))
        }
    }

    @Test("without an account, the link confirms the details once; used again it says so")
    func confirmingOnce() async throws {
        try await TestApp.run { app, browser in
            let link = try await Self.openRoundAndLink(app, browser, for: "Tikkurilan seurakunta")
            let visitor = Browser(client: browser.client)
            let form = try await visitor.get(link + "?lang=en")
            #expect(form.status == .ok)
            #expect(form.body.contains("Are the details of Tikkurila parish still right?"))
            #expect(form.headers[.init("Referrer-Policy")!] == "no-referrer")
            let confirmed = try await visitor.post(link, [("decision", "confirm")])
            #expect(confirmed.status == .ok)
            let parish = try await OrganisationsRoutesTests.organisation(app, finnishName: "Tikkurilan seurakunta")
            let stamp = try #require(parish.lastConfirmedAt)
            #expect(abs(stamp.timeIntervalSinceNow) < 120)
            #expect(try await visitor.post(link, [("decision", "confirm")]).status == .gone)
            #expect(try await visitor.get(link + "?lang=en").body.contains("already been used"))
        }
    }

    @Test("corrections are checked like the form: bad input is a 422, changes nothing and leaves the link usable")
    func correcting() async throws {
        try await TestApp.run { app, browser in
            let link = try await Self.openRoundAndLink(app, browser, for: "Somalinuorten tuki ry")
            let before = try await OrganisationsRoutesTests.organisation(app, finnishName: "Somalinuorten tuki ry")
            let visitor = Browser(client: browser.client)
            let bad = try await visitor.post(
                link + "?lang=en",
                [
                    ("decision", "correct"), ("kind", "migrant_led_ngo"), ("name_fi", "Somalinuorten tuki ry"),
                    ("email", "not an address"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(
                try await OrganisationsRoutesTests.organisation(app, finnishName: "Somalinuorten tuki ry") == before)
            let saved = try await visitor.post(
                link,
                [
                    ("decision", "correct"), ("kind", "migrant_led_ngo"), ("name_fi", "Somalinuorten tuki ry"),
                    ("name_en", "Somali youth support association"), ("email", "hallitus@somalinuoret.example.fi"),
                    ("areas", "01200"),
                ])
            #expect(saved.status == .ok)
            let after = try await OrganisationsRoutesTests.organisation(app, finnishName: "Somalinuorten tuki ry")
            #expect(after.email == "hallitus@somalinuoret.example.fi")
            #expect(after.name.text(in: .english) == "Somali youth support association")
            #expect(after.status == before.status)
            #expect(after.lastConfirmedAt != nil)
            let round = try #require(try await app.repositories.confirmations.rounds(city: app.vantaa.id).first)
            let request = try #require(
                try await app.repositories.confirmations.requests(round: round.id).first {
                    $0.organisationID == after.id
                })
            #expect(request.status == .corrected)
        }
    }

    @Test("an unknown link is a 404; a closed round's links no longer work")
    func closedRound() async throws {
        try await TestApp.run { app, browser in
            #expect(try await browser.get("/vantaa/confirm/not-a-real-token").status == .notFound)
            let link = try await Self.openRoundAndLink(app, browser, for: "Tikkurilan seurakunta")
            let round = try #require(try await app.repositories.confirmations.rounds(city: app.vantaa.id).first)
            let closed = try await browser.post("/vantaa/dashboard/confirmation-rounds/\(round.id)/close")
            #expect(closed.status == .seeOther)
            let visitor = Browser(client: browser.client)
            let page = try await visitor.get(link + "?lang=en")
            #expect(page.status == .gone)
            #expect(page.body.contains("This confirmation round has closed."))
            #expect(try await visitor.post(link, [("decision", "confirm")]).status == .gone)
            let parish = try await OrganisationsRoutesTests.organisation(app, finnishName: "Tikkurilan seurakunta")
            #expect(parish.lastConfirmedAt == nil || abs(parish.lastConfirmedAt!.timeIntervalSinceNow) > 120)
        }
    }

    @Test("a link marked as bounced puts the organisation on the staleness list")
    func bounced() async throws {
        try await TestApp.run { app, browser in
            _ = try await Self.openRoundAndLink(app, browser, for: "Tikkurilan seurakunta")
            let parish = try await OrganisationsRoutesTests.organisation(app, finnishName: "Tikkurilan seurakunta")
            let round = try #require(try await app.repositories.confirmations.rounds(city: app.vantaa.id).first)
            let request = try #require(
                try await app.repositories.confirmations.requests(round: round.id).first {
                    $0.organisationID == parish.id
                })
            let marked = try await browser.post("/vantaa/dashboard/confirmation-requests/\(request.id)/bounced")
            #expect(marked.status == .seeOther)
            let page = try await browser.get("/vantaa/dashboard?lang=en")
            #expect(page.body.contains("link bounced"))
            #expect(page.body.contains("1 bounced"))
        }
    }
}
