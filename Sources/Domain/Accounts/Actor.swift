import Foundation

/// A signed-in person with the roles they hold: the input to every permission check.
public struct Actor: Hashable, Sendable {
    public var person: Person
    public var roles: [RoleAssignment]

    public init(person: Person, roles: [RoleAssignment]) {
        self.person = person
        self.roles = roles
    }

    public var isPlatformAdmin: Bool { roles.contains { $0.kind == .platformAdmin } }

    public func holds(_ kind: RoleKind, in city: CityID) -> Bool {
        roles.contains { $0.kind == kind && $0.cityID == city }
    }

    /// The kinds of role held in a city (the platform admin role counts everywhere).
    public func kinds(in city: CityID) -> Set<RoleKind> {
        Set(roles.filter { $0.cityID == city || $0.kind == .platformAdmin }.map(\.kind))
    }
}

/// Everything the platform checks before acting. Each case names an action and where it happens.
public enum Permission: Hashable, Sendable {
    case manageCities
    case manageRoles(CityID)
    case coordinate(CityID)
    case editOrganisation(CityID, OrganisationID)
    case referNewcomers(CityID)
    case volunteer(CityID)
    case participate(CityID)
}

/// The permission rules, as one pure function so a table of tests can cover them.
public enum Authorization {
    public static func allows(_ actor: Actor?, _ permission: Permission) -> Bool {
        guard let actor else { return false }
        if actor.isPlatformAdmin { return true }
        switch permission {
        case .manageCities:
            return false
        case .manageRoles(let city):
            return actor.holds(.cityAdmin, in: city)
        case .coordinate(let city):
            return actor.holds(.cityAdmin, in: city) || actor.holds(.coordinator, in: city)
        case .editOrganisation(let city, let organisation):
            return allows(actor, .coordinate(city))
                || actor.roles.contains {
                    $0.kind == .organisationEditor && $0.cityID == city && $0.organisationID == organisation
                }
        case .referNewcomers(let city):
            return actor.holds(.caseworker, in: city) || allows(actor, .coordinate(city))
        case .volunteer(let city):
            return actor.holds(.volunteer, in: city)
        case .participate:
            // Anyone with an account may take part in a city's participation.
            return true
        }
    }

    /// Which roles an actor may hand out in a city: city admins grant every city role,
    /// only platform admins make other platform admins.
    public static func grantableKinds(by actor: Actor?, in city: CityID) -> [RoleKind] {
        guard allows(actor, .manageRoles(city)) else { return [] }
        return RoleKind.allCases.filter { $0 != .platformAdmin || actor?.isPlatformAdmin == true }
    }
}

extension Actor {
    /// The person at the server's command line (`arrival import …`), who may do anything a platform admin may.
    public static func commandLine(now: Date = Date()) -> Actor {
        let person = Person(
            email: "command-line@localhost", displayName: "Command line", passwordHash: "", preferredLanguage: .english,
            createdAt: now)
        return Actor(
            person: person,
            roles: [
                RoleAssignment(
                    personID: person.id, kind: .platformAdmin, cityID: nil, organisationID: nil, grantedBy: nil,
                    grantedAt: now)
            ])
    }
}
