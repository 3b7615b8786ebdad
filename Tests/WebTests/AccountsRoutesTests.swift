import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Accounts")
struct AccountsRoutesTests {
    @Test("the sign-up form carries a CSRF token and labelled fields")
    func visitorOpensSignUp() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/account/sign-up?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"name="_csrf" value=""#))
            #expect(page.body.contains(#"<label for="field-email">"#))
            #expect(page.setCookies().contains { $0.hasPrefix("arrival_csrf=") && $0.contains("SameSite=Strict") })
        }
    }

    @Test("a form without the CSRF token is refused and changes nothing")
    func formWithoutTokenIsRefused() async throws {
        try await TestApp.run { app, browser in
            let page = try await browser.post(
                "/account/sign-up",
                [
                    ("email", "new@example.org"), ("display_name", "New"), ("password", "long enough pass"),
                    ("language", "fi"), ("accepts_terms", "yes"),
                ],
                csrf: "forged")
            #expect(page.status == .forbidden)
            #expect(try await app.repositories.persons.find(email: "new@example.org") == nil)
        }
    }

    @Test("bad sign-up input gets a translated 422 next to each field and writes nothing")
    func visitorSignsUpWithBadInput() async throws {
        try await TestApp.run { app, browser in
            _ = try await browser.get("/?lang=fi")
            let page = try await browser.post(
                "/account/sign-up",
                [("email", "not-an-email"), ("display_name", ""), ("password", "short"), ("language", "fi")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains(#"aria-describedby="field-email-errors""#))
            #expect(page.body.contains(#"aria-invalid="true""#))
            #expect(page.body.contains("Salasana on liian lyhyt."))
            #expect(page.body.contains(#"id="field-accepts_terms-errors""#))
            #expect(page.body.contains(#"value="not-an-email""#))
            #expect(try await app.repositories.persons.find(email: "not-an-email") == nil)
        }
    }

    @Test("signing up creates the account, records consent and signs the person in")
    func visitorSignsUp() async throws {
        try await TestApp.run { app, browser in
            let page = try await browser.post(
                "/account/sign-up",
                [
                    ("email", "Nadia@Example.org"), ("display_name", "Nadia"), ("password", "a long passphrase"),
                    ("language", "ar"), ("accepts_terms", "yes"),
                ])
            #expect(page.status == .seeOther)
            #expect(page.location == "/account")
            let person = try #require(try await app.repositories.persons.find(email: "nadia@example.org"))
            #expect(person.preferredLanguage == .arabic)
            #expect(person.passwordHash.hasPrefix("$2"))
            #expect(try await app.repositories.persons.consents(of: person.id).map(\.purpose) == ["account"])
            let account = try await browser.get("/account?lang=en")
            #expect(account.status == .ok)
            #expect(account.body.contains("Nadia"))
        }
    }

    @Test("a taken email is a 422 on the email field")
    func visitorSignsUpWithTakenEmail() async throws {
        try await TestApp.run { _, browser in
            let email = TestApp.demoAccount(.resident).email
            let page = try await browser.post(
                "/account/sign-up?lang=en",
                [
                    ("email", email), ("display_name", "X"), ("password", "a long passphrase"), ("language", "en"),
                    ("accepts_terms", "yes"),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("An account with this email already exists."))
        }
    }

    @Test("signing in sets a fresh HttpOnly SameSite session cookie and discards the old session")
    func residentSignsInAndSessionRotates() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.resident)
            let first = try #require(browser.cookies["arrival_session"])
            #expect(try await app.repositories.sessions.find(token: first) != nil)
            let account = TestApp.demoAccount(.resident)
            let page = try await browser.post(
                "/account/sign-in", [("email", account.email), ("password", account.password)])
            #expect(
                page.setCookies().contains {
                    $0.hasPrefix("arrival_session=") && $0.contains("HttpOnly") && $0.contains("SameSite=Lax")
                })
            let second = try #require(browser.cookies["arrival_session"])
            #expect(second != first)
            #expect(try await app.repositories.sessions.find(token: first) == nil)
            #expect(try await app.repositories.sessions.find(token: second) != nil)
        }
    }

    @Test("a wrong password is a translated 422 and no session")
    func residentMistypesPassword() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.post(
                "/account/sign-in?lang=en",
                [("email", TestApp.demoAccount(.resident).email), ("password", "wrong one!")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("The email or password is not right."))
            #expect(browser.cookies["arrival_session"] == nil)
        }
    }

    @Test("after five failures the account is locked even for the right password")
    func signInIsThrottledPerAccount() async throws {
        try await TestApp.run { _, browser in
            let account = TestApp.demoAccount(.volunteer)
            for _ in 0..<5 {
                let page = try await browser.post(
                    "/account/sign-in", [("email", account.email), ("password", "guess-guess")])
                #expect(page.status == .unprocessableContent)
            }
            let locked = try await browser.post(
                "/account/sign-in?lang=en", [("email", account.email), ("password", account.password)])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("Too many failed attempts"))
            #expect(browser.cookies["arrival_session"] == nil)
        }
    }

    @Test("after twenty failures from one address every account is locked from there")
    func signInIsThrottledPerAddress() async throws {
        try await TestApp.run { _, browser in
            for index in 0..<20 {
                _ = try await browser.post(
                    "/account/sign-in", [("email", "nobody\(index)@example.org"), ("password", "x")])
            }
            let account = TestApp.demoAccount(.resident)
            let locked = try await browser.post(
                "/account/sign-in", [("email", account.email), ("password", account.password)])
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test("sign-in follows a local next path only")
    func signInRedirectsOnlyLocally() async throws {
        try await TestApp.run { _, browser in
            let account = TestApp.demoAccount(.resident)
            let local = try await browser.post(
                "/account/sign-in",
                [("email", account.email), ("password", account.password), ("next", "/vantaa/areas")])
            #expect(local.location == "/vantaa/areas")
            let outside = try await browser.post(
                "/account/sign-in",
                [("email", account.email), ("password", account.password), ("next", "//evil.example")])
            #expect(outside.location == "/")
        }
    }

    @Test("signing out ends the session")
    func residentSignsOut() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.resident)
            let token = try #require(browser.cookies["arrival_session"])
            let page = try await browser.post("/account/sign-out")
            #expect(page.status == .seeOther)
            #expect(try await app.repositories.sessions.find(token: token) == nil)
            let account = try await browser.get("/account")
            #expect(account.status == .seeOther)
            #expect(account.location == "/account/sign-in?next=/account")
        }
    }

    @Test("a reset link goes through the outbox, works once, and replaces the password")
    func residentResetsPassword() async throws {
        try await TestApp.run { app, browser in
            let account = TestApp.demoAccount(.resident)
            let request = try await browser.post("/account/password-reset", [("email", account.email)])
            #expect(request.status == .ok)
            let unknown = try await browser.post("/account/password-reset", [("email", "nobody@example.org")])
            #expect(unknown.status == .ok)
            #expect(try await app.repositories.outbox.messages(to: "nobody@example.org").isEmpty)

            let message = try #require(try await app.repositories.outbox.messages(to: account.email).first)
            let prefix = "https://arrival.example/account/password-reset/"
            let link = try #require(message.body.split(separator: "\n").first { $0.hasPrefix(prefix) })
            let path = String(link.dropFirst("https://arrival.example".count))
            #expect(try await browser.get(path).status == .ok)

            let short = try await browser.post(path, [("password", "short")])
            #expect(short.status == .unprocessableContent)
            let done = try await browser.post(path, [("password", "a brand new passphrase")])
            #expect(done.status == .seeOther)
            let again = try await browser.post(path, [("password", "another new passphrase")])
            #expect(again.status == .unprocessableContent)

            let old = try await browser.post(
                "/account/sign-in", [("email", account.email), ("password", account.password)])
            #expect(old.status == .unprocessableContent)
            let new = try await browser.post(
                "/account/sign-in", [("email", account.email), ("password", "a brand new passphrase")])
            #expect(new.status == .seeOther)
        }
    }

    @Test("the reset request form asks for the email with a CSRF token")
    func visitorOpensResetForm() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/account/password-reset?lang=fi")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"action="/account/password-reset""#))
            #expect(page.body.contains(#"name="_csrf""#))
            #expect(page.body.contains("Sähköposti"))
        }
    }

    @Test("a malformed email for a reset is a 422 and sends nothing")
    func resetWithBadEmail() async throws {
        try await TestApp.run { app, browser in
            let page = try await browser.post("/account/password-reset", [("email", "nope")])
            #expect(page.status == .unprocessableContent)
            #expect(try await app.repositories.outbox.pending(limit: 10).isEmpty)
        }
    }

    @Test("the account page lists the roles held")
    func editorSeesOwnRoles() async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(.organisationEditor)
            let page = try await browser.get("/account?lang=en")
            #expect(page.body.contains(#"data-role="organisation_editor""#))
            #expect(page.body.contains("Processing of account data"))
        }
    }
}
