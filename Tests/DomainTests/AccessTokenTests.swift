import Domain
import Foundation
import Testing

@Suite("Personal access tokens")
struct AccessTokenTests {
    @Test(
        "a token's form is checked field by field",
        arguments: [
            (AccessTokenInput(name: "  ", scope: "read", days: "30"), "name"),
            (AccessTokenInput(name: String(repeating: "x", count: 81), scope: "read", days: "30"), "name"),
            (AccessTokenInput(name: "sync", scope: "admin", days: "30"), "scope"),
            (AccessTokenInput(name: "sync", scope: "write", days: "3650"), "days"),
            (AccessTokenInput(name: "sync", scope: "write", days: "thirty"), "days"),
        ])
    func invalidInput(input: AccessTokenInput, field: String) {
        guard case .failure(let errors) = input.validate() else {
            Issue.record("accepted \(input)")
            return
        }
        #expect(Array(errors.fields.keys) == [field])
    }

    @Test("a valid form gives the trimmed name, the scope and the days")
    func validInput() throws {
        let valid = try AccessTokenInput(name: " Intranet sync ", scope: "write", days: "90").validate().get()
        #expect(valid.name == "Intranet sync" && valid.scope == .write && valid.days == 90)
    }

    @Test("a token acts only with its person's organisation editor roles")
    func rolesOfAToken() {
        let person = PersonID()
        let city = CityID()
        let roles = [
            RoleAssignment(personID: person, kind: .coordinator, cityID: city, grantedBy: nil, grantedAt: .now),
            RoleAssignment(
                personID: person, kind: .organisationEditor, cityID: city, organisationID: .init(), grantedBy: nil,
                grantedAt: .now),
            RoleAssignment(personID: person, kind: .platformAdmin, cityID: nil, grantedBy: nil, grantedAt: .now),
        ]
        #expect(AccessToken.roles(from: roles).map(\.kind) == [.organisationEditor])
    }

    @Test("a token is usable until it expires or is revoked")
    func usability() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var token = AccessToken(
            personID: .init(), name: "sync", scope: .read, createdAt: start, expiresAt: start.addingTimeInterval(60))
        #expect(token.isUsable(at: start.addingTimeInterval(59)))
        #expect(!token.isUsable(at: start.addingTimeInterval(60)))
        token.revokedAt = start.addingTimeInterval(1)
        #expect(!token.isUsable(at: start.addingTimeInterval(2)))
        #expect(AccessToken.newSecret().hasPrefix("arrival_pat_"))
        #expect(AccessToken.newSecret() != AccessToken.newSecret())
    }
}
