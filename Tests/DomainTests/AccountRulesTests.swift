import Domain
import Testing

@Suite("Account rules")
struct AccountRulesTests {
    @Test(
        "locks after the per-account or per-address limit",
        arguments: [
            (4, 0, false), (5, 0, true), (0, 19, false), (0, 20, true), (4, 19, false),
        ])
    func throttle(account: Int, address: Int, locked: Bool) {
        #expect(SignInThrottle().isLocked(accountFailures: account, addressFailures: address) == locked)
    }

    @Test(
        "plausible and implausible emails",
        arguments: [
            ("aino@vantaa.fi", true), ("a.b+c@sub.example.org", true), ("no-at.example.org", false),
            ("a@b", false), ("a @b.fi", false), ("@b.fi", false), ("a@.fi", false), ("a@b.fi.", false),
        ])
    func emails(email: String, plausible: Bool) {
        #expect(EmailAddress.isPlausible(email) == plausible)
    }

    @Test("sign-up input reports every field")
    func signUpInput() {
        let errors = SignUpInput(
            email: "x", displayName: " ", password: "short", preferredLanguage: "??", acceptsTerms: false
        )
        .validate()
        #expect(errors.fields.keys.sorted() == ["accepts_terms", "display_name", "email", "language", "password"])
        let long = SignUpInput(
            email: "a@b.fi", displayName: "A", password: String(repeating: "ä", count: 40), preferredLanguage: "fi",
            acceptsTerms: true
        ).validate()
        #expect(long.messages(for: "password") == ["accounts.errors.password.too_long"])
    }

    @Test("tokens are 43 URL-safe characters and never repeat")
    func tokens() {
        let tokens = (0..<200).map { _ in SecureToken.generate() }
        #expect(Set(tokens).count == 200)
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(tokens.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }

    @Test("role grants need a known kind and, for editors, an organisation")
    func roleGrantInput() {
        guard
            case .failure(let errors) = RoleGrantInput(
                email: "a@b.fi", kind: "organisation_editor", organisationID: "x"
            )
            .validate()
        else {
            Issue.record("expected failure")
            return
        }
        #expect(errors.messages(for: "organisation_id") == ["roles.errors.organisation.required"])
        let ok = RoleGrantInput(email: " A@B.fi ", kind: "coordinator", organisationID: "").validate()
        #expect((try? ok.get())?.email == "a@b.fi")
    }
}
