import Domain
import Hummingbird
import Testing

@testable import Web

@Suite("Networks and partnerships")
struct NetworksRoutesTests {
    static func localGroup(_ app: TestApp) async throws -> Network {
        try #require(try await app.repositories.networks.list(city: app.vantaa.id).first { $0.kind == .localGroup })
    }

    @Test("the demo has the local group with its eight members and the Our Vantaa volunteer network")
    func demoNetworks() async throws {
        try await TestApp.run { app, browser in
            let networks = try await app.repositories.networks.list(city: app.vantaa.id)
            #expect(networks.map(\.kind) == [.localGroup, .volunteerNetwork])
            let group = try await Self.localGroup(app)
            #expect(try await app.repositories.networks.members(of: group.id).count == 8)
            #expect(try await app.repositories.organisations.list(city: app.vantaa.id).count >= 20)
            let index = try await browser.get("/vantaa/networks?lang=en")
            #expect(index.body.contains("Our Vantaa volunteer network"))
            #expect(index.body.contains("8 members"))
        }
    }

    @Test("a network page draws the members and their partnerships as an image and says the same in tables")
    func networkPage() async throws {
        try await TestApp.run { app, browser in
            let group = try await Self.localGroup(app)
            let page = try await browser.get("/vantaa/networks/\(group.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("role=\"img\" aria-labelledby=\"graph-title graph-desc\""))
            #expect(page.body.components(separatedBy: "<circle ").count - 1 == 8)
            let lines = page.body.components(separatedBy: "<line ").count - 1
            #expect(lines >= 3)
            #expect(page.body.contains("8 member organisations drawn as circles; \(lines) current partnerships"))
            #expect(page.body.contains("<caption id=\"partnerships-caption\">"))
            #expect(page.body.contains("Kotoutumisfoorumi 2019"))
        }
    }

    @Test("a coordinator creates a network and adds a member; bad input is a 422 and writes nothing")
    func coordinatorManages() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let created = try await browser.post(
                "/vantaa/networks/new", [("kind", "thematic"), ("name_fi", "Kieliverkosto"), ("name_en", "")])
            #expect(created.status == .seeOther)
            let network = try #require(
                try await app.repositories.networks.list(city: app.vantaa.id).first { $0.kind == .thematic })
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let bad = try await browser.post(
                "/vantaa/networks/\(network.id)/members",
                [
                    ("organisation", nicehearts.id.description), ("role", "king"), ("since", "2020-05-01"),
                    ("until", "2019-01-01"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(try await app.repositories.networks.members(of: network.id).isEmpty)
            let added = try await browser.post(
                "/vantaa/networks/\(network.id)/members",
                [("organisation", nicehearts.id.description), ("role", "lead"), ("since", "2020-05-01")])
            #expect(added.status == .seeOther)
            let members = try await app.repositories.networks.members(of: network.id)
            #expect(members.map(\.role) == [.lead])
            let removed = try await browser.post("/vantaa/networks/\(network.id)/members/\(members[0].id)/remove")
            #expect(removed.status == .seeOther)
            #expect(try await app.repositories.networks.members(of: network.id).isEmpty)
        }
    }

    @Test("only coordinators manage networks", arguments: [RoleKind.organisationEditor, .volunteer, .resident])
    func othersCannotManageNetworks(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            let group = try await Self.localGroup(app)
            let before = try await app.repositories.networks.members(of: group.id)
            #expect(
                try await browser.post("/vantaa/networks/new", [("kind", "other"), ("name_fi", "X")]).status
                    == .forbidden)
            #expect(
                try await browser.post("/vantaa/networks/\(group.id)/members/\(before[0].id)/remove").status
                    == .forbidden)
            #expect(try await app.repositories.networks.members(of: group.id) == before)
            #expect(try await app.repositories.networks.list(city: app.vantaa.id).count == 2)
        }
    }

    @Test("an editor records a partnership of their own organisation, not between two others")
    func editorRecordsOwnPartnerships() async throws {
        try await TestApp.run { app, browser in
            let nicehearts = try await OrganisationsRoutesTests.organisation(app, finnishName: "Nicehearts ry")
            let sorasod = try await OrganisationsRoutesTests.organisation(app, finnishName: "Sorasod ry")
            let monimaa = try await OrganisationsRoutesTests.organisation(app, finnishName: "Monimaa ry")
            let before = try await app.repositories.partnerships.list(city: app.vantaa.id).count
            try await browser.signIn(.organisationEditor)
            #expect(try await browser.get("/vantaa/partnerships/new?organisation=\(nicehearts.id)").status == .ok)
            let refused = try await browser.post(
                "/vantaa/partnerships/new",
                [("kind", "funding"), ("first", sorasod.id.description), ("second", monimaa.id.description)])
            #expect(refused.status == .forbidden)
            let recorded = try await browser.post(
                "/vantaa/partnerships/new",
                [
                    ("kind", "shared_premises"), ("first", nicehearts.id.description),
                    ("second", sorasod.id.description),
                    ("since", "2026-01-01"), ("note", "Tyttöjen talo"),
                ])
            #expect(recorded.status == .seeOther)
            #expect(try await app.repositories.partnerships.list(city: app.vantaa.id).count == before + 1)
            let page = try await browser.get("/vantaa/organisations/\(sorasod.id)")
            #expect(page.body.contains("Tyttöjen talo"))
        }
    }
}
