import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Partner calls")
struct PartnerCallsRoutesTests {
    /// Makes the demo volunteer an editor of `finnishName` too, so a second organisation can answer.
    static func makeVolunteerEditor(_ app: TestApp, of finnishName: String) async throws -> Organisation {
        let organisation = try await OrganisationsRoutesTests.organisation(app, finnishName: finnishName)
        let person = try #require(try await app.repositories.persons.find(email: TestApp.demoAccount(.volunteer).email))
        try await app.repositories.roles.grant(
            RoleAssignment(
                personID: person.id, kind: .organisationEditor, cityID: app.vantaa.id, organisationID: organisation.id,
                grantedBy: nil, grantedAt: Date()))
        return organisation
    }

    static func niceheartsCall(_ app: TestApp) async throws -> PartnerCall {
        let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
        return try #require(
            try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init()).first {
                $0.organisationID == nicehearts.id
            })
    }

    @Test("the demo board shows two open calls to everyone, in the reader's language")
    func demoBoard() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa/partner-calls?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("2 open calls"))
            #expect(page.body.contains("A partner for a neighbourhood evening in Hakunila"))
            let finnish = try await browser.get("/vantaa/partner-calls?lang=fi")
            #expect(finnish.body.contains("Kumppani naapurustoiltaan Hakunilassa"))
            let closed = try await browser.get("/vantaa/partner-calls?status=closed&lang=en")
            #expect(closed.body.contains("0 closed calls"))
        }
    }

    @Test("an editor posts a call for their organisation; bad input is a 422 naming each field and writes nothing")
    func editorPosts() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let before = try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init()).count
            let bad = try await browser.post(
                "/vantaa/partner-calls/new?lang=en",
                [
                    ("organisation", nicehearts.id.description), ("title_fi", ""), ("needs_fi", ""),
                    ("deadline", "2001-01-01"), ("areas", "99999"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Give a title in at least one language."))
            #expect(bad.body.contains("Say what you are looking for, in at least one language."))
            #expect(bad.body.contains("The deadline cannot be in the past."))
            #expect(try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init()).count == before)
            let posted = try await browser.post(
                "/vantaa/partner-calls/new",
                [
                    ("organisation", nicehearts.id.description), ("title_fi", "Kumppani kielikahvilaan"),
                    ("needs_fi", "Vapaaehtoisia keskustelemaan."), ("offers_en", "Coffee and a room."),
                    ("areas", "01300"), ("deadline", CalendarDay(Date()).adding(days: 30).description),
                ])
            #expect(posted.status == .seeOther)
            let calls = try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init())
            #expect(calls.count == before + 1)
            let call = try #require(calls.first { $0.title.text(in: .finnish) == "Kumppani kielikahvilaan" })
            #expect(call.offers.text(in: .english) == "Coffee and a room.")
            #expect(posted.location == "/vantaa/partner-calls/\(call.id)")
        }
    }

    @Test("an editor cannot post for an organisation they do not edit, nor change another's call")
    func editorCannotActForOthers() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let monimaa = try await OrganisationsRoutesTests.organisation(app, finnishName: "Monimaa ry")
            let before = try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init())
            let posted = try await browser.post(
                "/vantaa/partner-calls/new",
                [("organisation", monimaa.id.description), ("title_fi", "X"), ("needs_fi", "Y")])
            #expect(posted.status == .unprocessableContent)
            let other = try #require(
                before.first { $0.organisationID != monimaa.id && $0.title.text(in: .finnish).hasPrefix("Kouluttaja") })
            let edited = try await browser.post(
                "/vantaa/partner-calls/\(other.id)/edit",
                [("organisation", other.organisationID.description), ("title_fi", "Muutettu"), ("needs_fi", "Y")])
            #expect(edited.status == .forbidden)
            let closed = try await browser.post("/vantaa/partner-calls/\(other.id)/close", [("outcome", "withdrawn")])
            #expect(closed.status == .forbidden)
            #expect(try await app.repositories.partnerCalls.list(city: app.vantaa.id, filter: .init()) == before)
        }
    }

    @Test("a resident may read the board but not post", arguments: [RoleKind.resident, .volunteer, .caseworker])
    func othersCannotPost(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            #expect(try await browser.get("/vantaa/partner-calls/new").status == .forbidden)
            let call = try await Self.niceheartsCall(app)
            let page = try await browser.get("/vantaa/partner-calls/\(call.id)?lang=en")
            #expect(page.status == .ok)
            #expect(!page.body.contains("Answer this call"))
            #expect(!page.body.contains("Close the call"))
        }
    }

    @Test("another organisation answers; the poster hears of it by email and sees the answer; others do not")
    func answering() async throws {
        try await TestApp.run { app, browser in
            let monimaa = try await Self.makeVolunteerEditor(app, of: "Monimaa ry")
            let call = try await Self.niceheartsCall(app)
            var poster = try #require(try await app.repositories.organisations.find(id: call.organisationID))
            poster.email = "toimisto@nicehearts.example.fi"
            try await app.repositories.organisations.update(poster)
            try await browser.signIn(.volunteer)
            let empty = try await browser.post(
                "/vantaa/partner-calls/\(call.id)/answers?lang=en",
                [("organisation", monimaa.id.description), ("message", "  ")])
            #expect(empty.status == .unprocessableContent)
            #expect(try await app.repositories.partnerCalls.answers(to: call.id).isEmpty)
            let answered = try await browser.post(
                "/vantaa/partner-calls/\(call.id)/answers",
                [("organisation", monimaa.id.description), ("message", "Meillä on keittiö ja kaksi kokkia.")])
            #expect(answered.status == .seeOther)
            let answers = try await app.repositories.partnerCalls.answers(to: call.id)
            #expect(answers.map(\.organisationID) == [monimaa.id])
            let notice = try #require(
                try await app.repositories.outbox.messages(to: "toimisto@nicehearts.example.fi").last)
            #expect(notice.body.contains("https://arrival.example/vantaa/partner-calls/\(call.id)"))

            let editor = Browser(client: browser.client)
            try await editor.signIn(.organisationEditor)
            #expect(try await editor.get("/vantaa/partner-calls/\(call.id)").body.contains("kaksi kokkia"))
            let resident = Browser(client: browser.client)
            try await resident.signIn(.resident)
            #expect(!(try await resident.get("/vantaa/partner-calls/\(call.id)").body.contains("kaksi kokkia")))
            #expect(!(try await browser.get("/api/v1/cities/vantaa/partner-calls/\(call.id)").body.contains("kokkia")))
        }
    }

    @Test("an organisation cannot answer its own call")
    func noOwnAnswer() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let call = try await Self.niceheartsCall(app)
            let page = try await browser.post(
                "/vantaa/partner-calls/\(call.id)/answers?lang=en",
                [("organisation", call.organisationID.description), ("message", "Hei")])
            #expect(page.status == .unprocessableContent)
            #expect(try await app.repositories.partnerCalls.answers(to: call.id).isEmpty)
        }
    }

    @Test("the poster closes the call with its outcome and partner; it leaves the open board and takes no answers")
    func closing() async throws {
        try await TestApp.run { app, browser in
            let monimaa = try await Self.makeVolunteerEditor(app, of: "Monimaa ry")
            let call = try await Self.niceheartsCall(app)
            try await browser.signIn(.organisationEditor)
            let mismatched = try await browser.post(
                "/vantaa/partner-calls/\(call.id)/close?lang=en",
                [("outcome", "no_partner"), ("partner", monimaa.id.description)])
            #expect(mismatched.status == .unprocessableContent)
            #expect(mismatched.body.contains("Name a partner only when a partner was found."))
            let closed = try await browser.post(
                "/vantaa/partner-calls/\(call.id)/close",
                [("outcome", "partner_found"), ("partner", monimaa.id.description), ("note", "Kevät 2027")])
            #expect(closed.status == .seeOther)
            let stored = try #require(try await app.repositories.partnerCalls.find(id: call.id))
            #expect(stored.status == .closed && stored.outcome == .partnerFound && stored.partnerID == monimaa.id)
            #expect(!(try await browser.get("/vantaa/partner-calls?lang=en").body.contains(call.id.description)))
            #expect(try await browser.get("/vantaa/partner-calls?status=closed&lang=en").body.contains("Partner found"))
            let answering = Browser(client: browser.client)
            try await answering.signIn(.volunteer)
            let late = try await answering.post(
                "/vantaa/partner-calls/\(call.id)/answers",
                [("organisation", monimaa.id.description), ("message", "Hei")])
            #expect(late.status == .unprocessableContent)
            #expect(try await app.repositories.partnerCalls.answers(to: call.id).isEmpty)
        }
    }

    @Test("someone not signed in is sent to sign in before posting")
    func anonymous() async throws {
        try await TestApp.run { app, browser in
            let page = try await browser.get("/vantaa/partner-calls/new")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/account/sign-in") == true)
        }
    }
}
