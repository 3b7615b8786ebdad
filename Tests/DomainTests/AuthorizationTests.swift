import Domain
import Foundation
import Testing

@Suite("Authorization")
struct AuthorizationTests {
    static let city = CityID()
    static let otherCity = CityID()
    static let organisation = OrganisationID()

    static func actor(_ kind: RoleKind, city: CityID? = AuthorizationTests.city) -> Actor {
        let person = Person(
            email: "a@b.fi", displayName: "A", passwordHash: "", preferredLanguage: .finnish, createdAt: Date())
        let role = RoleAssignment(
            personID: person.id, kind: kind, cityID: kind == .platformAdmin ? nil : city,
            organisationID: kind == .organisationEditor ? organisation : nil, grantedBy: nil, grantedAt: Date())
        return Actor(person: person, roles: [role])
    }

    @Test("who may manage roles, coordinate, edit an organisation and refer", arguments: RoleKind.allCases)
    func permissionTable(kind: RoleKind) {
        let actor = Self.actor(kind)
        let expected: [Permission: Bool] = [
            .manageCities: kind == .platformAdmin,
            .manageRoles(Self.city): [.platformAdmin, .cityAdmin].contains(kind),
            .coordinate(Self.city): [.platformAdmin, .cityAdmin, .coordinator].contains(kind),
            .editOrganisation(Self.city, Self.organisation):
                [.platformAdmin, .cityAdmin, .coordinator, .organisationEditor].contains(kind),
            .editOrganisation(Self.city, OrganisationID()): [.platformAdmin, .cityAdmin, .coordinator].contains(kind),
            .referNewcomers(Self.city): [.platformAdmin, .cityAdmin, .coordinator, .caseworker].contains(kind),
            .volunteer(Self.city): [.platformAdmin, .volunteer].contains(kind),
        ]
        for (permission, allowed) in expected {
            #expect(Authorization.allows(actor, permission) == allowed, "\(kind) \(permission)")
        }
    }

    @Test("a role in one city gives nothing in another", arguments: [RoleKind.cityAdmin, .coordinator, .caseworker])
    func rolesStayInTheirCity(kind: RoleKind) {
        let actor = Self.actor(kind, city: Self.otherCity)
        #expect(!Authorization.allows(actor, .coordinate(Self.city)))
        #expect(!Authorization.allows(actor, .manageRoles(Self.city)))
        #expect(!Authorization.allows(actor, .referNewcomers(Self.city)))
    }

    @Test("nobody signed in may do anything")
    func anonymousMayNothing() {
        #expect(!Authorization.allows(nil, .participate(Self.city)))
        #expect(!Authorization.allows(nil, .coordinate(Self.city)))
        #expect(Authorization.grantableKinds(by: nil, in: Self.city).isEmpty)
    }

    @Test("city admins grant every role but platform admin; platform admins grant all")
    func grantableKinds() {
        #expect(!Authorization.grantableKinds(by: Self.actor(.cityAdmin), in: Self.city).contains(.platformAdmin))
        #expect(
            Authorization.grantableKinds(by: Self.actor(.cityAdmin), in: Self.city).count == RoleKind.allCases.count - 1
        )
        #expect(Authorization.grantableKinds(by: Self.actor(.platformAdmin), in: Self.city) == RoleKind.allCases)
        #expect(Authorization.grantableKinds(by: Self.actor(.coordinator), in: Self.city).isEmpty)
    }

    @Test("kind and scope must fit together")
    func scopes() {
        let person = PersonID()
        #expect(
            RoleAssignment(personID: person, kind: .platformAdmin, cityID: nil, grantedBy: nil, grantedAt: Date())
                .isWellScoped)
        #expect(
            !RoleAssignment(
                personID: person, kind: .platformAdmin, cityID: Self.city, grantedBy: nil, grantedAt: Date()
            ).isWellScoped)
        #expect(
            !RoleAssignment(
                personID: person, kind: .organisationEditor, cityID: Self.city, grantedBy: nil, grantedAt: Date()
            ).isWellScoped)
        #expect(
            !RoleAssignment(personID: person, kind: .resident, cityID: nil, grantedBy: nil, grantedAt: Date())
                .isWellScoped)
    }
}
