import Foundation

public typealias RoleAssignmentID = Identifier<RoleAssignment>

/// What someone may do, before the scope says where.
public enum RoleKind: String, Hashable, Sendable, Codable, CaseIterable {
    case platformAdmin = "platform_admin"
    case cityAdmin = "city_admin"
    case coordinator
    case organisationEditor = "organisation_editor"
    case caseworker
    case volunteer
    case resident

    /// Platform admins act everywhere; organisation editors and caseworkers for one organisation (a caseworker's
    /// employment or social office, whose newcomers only its caseworkers read); the rest within a city.
    public var needsCity: Bool { self != .platformAdmin }
    public var needsOrganisation: Bool { self == .organisationEditor || self == .caseworker }
}

/// One role held by one person, scoped to a city (and an organisation for editors).
public struct RoleAssignment: Hashable, Sendable {
    public var id: RoleAssignmentID
    public var personID: PersonID
    public var kind: RoleKind
    public var cityID: CityID?
    public var organisationID: OrganisationID?
    public var grantedBy: PersonID?
    public var grantedAt: Date

    public init(
        id: RoleAssignmentID = RoleAssignmentID(),
        personID: PersonID,
        kind: RoleKind,
        cityID: CityID?,
        organisationID: OrganisationID? = nil,
        grantedBy: PersonID?,
        grantedAt: Date
    ) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.cityID = cityID
        self.organisationID = organisationID
        self.grantedBy = grantedBy
        self.grantedAt = grantedAt
    }

    /// Whether kind and scope fit together (no city on a platform role, an organisation on an editor role).
    public var isWellScoped: Bool {
        (kind.needsCity == (cityID != nil)) && (kind.needsOrganisation == (organisationID != nil))
    }

    /// The same role in the same place, whoever granted it and when.
    public func sameGrant(as other: RoleAssignment) -> Bool {
        personID == other.personID && kind == other.kind && cityID == other.cityID
            && organisationID == other.organisationID
    }
}
