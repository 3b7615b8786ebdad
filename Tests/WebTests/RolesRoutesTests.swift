import Domain
import Hummingbird
import Testing

@testable import Web

@Suite("Roles and city administration")
struct RolesRoutesTests {
    @Test("someone not signed in is sent to sign in before the roles page")
    func anonymousIsAskedToSignIn() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa/admin/roles")
            #expect(page.status == .seeOther)
            #expect(page.location == "/account/sign-in?next=/vantaa/admin/roles")
        }
    }

    @Test("only city and platform admins open the roles page", arguments: RoleKind.allCases)
    func rolesPageIsForAdmins(role: RoleKind) async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(role)
            let page = try await browser.get("/vantaa/admin/roles")
            let allowed = role == .cityAdmin || role == .platformAdmin
            #expect(page.status == (allowed ? .ok : .forbidden))
            if allowed { #expect(page.body.contains(TestApp.demoAccount(.volunteer).email)) }
        }
    }

    @Test("anyone but an admin is refused a grant, and nothing is written", arguments: RoleKind.allCases)
    func grantIsRefusedToNonAdmins(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            let target = try #require(
                try await app.repositories.persons.find(email: TestApp.demoAccount(.resident).email))
            let before = try await app.repositories.roles.roles(of: target.id)
            let page = try await browser.post(
                "/vantaa/admin/roles", [("email", target.email), ("kind", "volunteer"), ("organisation_id", "")])
            let allowed = role == .cityAdmin || role == .platformAdmin
            #expect(page.status == (allowed ? .seeOther : .forbidden))
            let after = try await app.repositories.roles.roles(of: target.id)
            #expect(after.count == before.count + (allowed ? 1 : 0))
        }
    }

    @Test("an anonymous grant or revoke is refused")
    func anonymousCannotChangeRoles() async throws {
        try await TestApp.run { app, browser in
            let target = try #require(
                try await app.repositories.persons.find(email: TestApp.demoAccount(.resident).email))
            let role = try #require(try await app.repositories.roles.roles(of: target.id).first)
            let grant = try await browser.post(
                "/vantaa/admin/roles", [("email", target.email), ("kind", "coordinator")])
            #expect(grant.status == .forbidden)
            let revoke = try await browser.post("/vantaa/admin/roles/\(role.id)/revoke")
            #expect(revoke.status == .forbidden)
            #expect(try await app.repositories.roles.roles(of: target.id).count == 1)
        }
    }

    @Test("a city admin grants an editor role for one of the city's organisations")
    func cityAdminGrantsEditor() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.cityAdmin)
            let organisation = try #require(try await app.repositories.organisations.list(city: app.vantaa.id).first)
            let email = TestApp.demoAccount(.volunteer).email
            let page = try await browser.post(
                "/vantaa/admin/roles",
                [("email", email), ("kind", "organisation_editor"), ("organisation_id", organisation.id.description)])
            #expect(page.status == .seeOther)
            let person = try #require(try await app.repositories.persons.find(email: email))
            #expect(
                try await app.repositories.roles.roles(of: person.id).contains {
                    $0.kind == .organisationEditor && $0.organisationID == organisation.id
                })
        }
    }

    @Test(
        "bad grants get a translated 422 next to the field and write nothing",
        arguments: [
            ("nobody@example.org", "coordinator", "", "Nobody has an account with this email yet."),
            ("resident@demo.arrival.example", "mayor", "", "Choose a role from the list."),
            ("resident@demo.arrival.example", "organisation_editor", "", "Choose the organisation this person edits."),
            ("resident@demo.arrival.example", "platform_admin", "", "You cannot grant this role."),
            ("resident@demo.arrival.example", "resident", "", "This person already has this role."),
        ])
    func cityAdminMakesBadGrant(email: String, kind: String, organisation: String, message: String) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.cityAdmin)
            let before = try await app.repositories.roles.list(city: app.vantaa.id).count
            let page = try await browser.post(
                "/vantaa/admin/roles?lang=en", [("email", email), ("kind", kind), ("organisation_id", organisation)])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains(message))
            #expect(try await app.repositories.roles.list(city: app.vantaa.id).count == before)
        }
    }

    @Test("anyone but an admin is refused a revoke, and the role stays", arguments: RoleKind.allCases)
    func revokeIsRefusedToNonAdmins(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            let roles = try await app.repositories.roles.list(city: app.vantaa.id)
            // Someone else's role: the resident's, or the volunteer's when the actor is the resident.
            let targetKind: RoleKind = role == .resident ? .volunteer : .resident
            let target = try #require(roles.first { $0.0.kind == targetKind }?.0)
            let page = try await browser.post("/vantaa/admin/roles/\(target.id)/revoke")
            let allowed = role == .cityAdmin || role == .platformAdmin
            #expect(page.status == (allowed ? .seeOther : .forbidden))
            #expect((try await app.repositories.roles.find(id: target.id) == nil) == allowed)
        }
    }

    @Test("a city admin revokes a role but not their own admin role")
    func cityAdminRevokes() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.cityAdmin)
            let roles = try await app.repositories.roles.list(city: app.vantaa.id)
            let volunteer = try #require(roles.first { $0.0.kind == .volunteer }?.0)
            let own = try #require(roles.first { $0.0.kind == .cityAdmin }?.0)
            let revoked = try await browser.post("/vantaa/admin/roles/\(volunteer.id)/revoke")
            #expect(revoked.status == .seeOther)
            #expect(try await app.repositories.roles.find(id: volunteer.id) == nil)
            let refused = try await browser.post("/vantaa/admin/roles/\(own.id)/revoke?lang=en")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("You cannot remove your own administrator role."))
            #expect(try await app.repositories.roles.find(id: own.id) != nil)
            let missing = try await browser.post("/vantaa/admin/roles/not-an-id/revoke")
            #expect(missing.status == .notFound)
        }
    }

    @Test("only a platform admin opens the cities page", arguments: RoleKind.allCases)
    func citiesPageIsForPlatformAdmins(role: RoleKind) async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(role)
            let page = try await browser.get("/admin/cities")
            #expect(page.status == (role == .platformAdmin ? .ok : .forbidden))
        }
    }

    @Test("a platform admin adds a city; others are refused and nothing is written", arguments: RoleKind.allCases)
    func platformAdminAddsCity(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            let page = try await browser.post(
                "/admin/cities",
                [
                    ("slug", "espoo"), ("name", "Espoo"), ("time_zone", "Europe/Helsinki"), ("default_language", "fi"),
                    ("languages", "sv, en"),
                ])
            let city = try await app.repositories.cities.find(slug: "espoo")
            if role == .platformAdmin {
                #expect(page.status == .seeOther)
                #expect(page.location == "/espoo")
                #expect(city?.languages == [.finnish, .swedish, .english])
            } else {
                #expect(page.status == .forbidden)
                #expect(city == nil)
            }
        }
    }

    @Test("a bad city is a 422 next to the fields and writes nothing")
    func platformAdminAddsBadCity() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.platformAdmin)
            let page = try await browser.post(
                "/admin/cities?lang=en",
                [
                    ("slug", "vantaa"), ("name", ""), ("time_zone", "Mars/Olympus"), ("default_language", "fi"),
                    ("languages", ""),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("This field is required."))
            #expect(page.body.contains("Unknown time zone."))
            #expect(try await app.repositories.cities.list().count == 1)
            let taken = try await browser.post(
                "/admin/cities?lang=en",
                [("slug", "vantaa"), ("name", "Vantaa"), ("time_zone", "Europe/Helsinki"), ("default_language", "fi")])
            #expect(taken.status == .unprocessableContent)
            #expect(taken.body.contains("Another city already uses this address name."))
        }
    }
}
