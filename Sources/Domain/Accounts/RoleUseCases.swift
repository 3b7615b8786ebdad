import Foundation

/// Granting and revoking scoped roles.
public struct RoleUseCases: Sendable {
    var persons: any PersonRepository
    var roles: any RoleRepository
    var organisations: any OrganisationRepository
    public var now: @Sendable () -> Date

    public init(
        persons: any PersonRepository,
        roles: any RoleRepository,
        organisations: any OrganisationRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.persons = persons
        self.roles = roles
        self.organisations = organisations
        self.now = now
    }

    /// Roles in a city with their holders, for those who may manage them.
    public func list(actor: Actor?, city: CityID) async throws -> [(RoleAssignment, Person)] {
        guard Authorization.allows(actor, .manageRoles(city)) else { throw NotPermitted() }
        return try await roles.list(city: city)
    }

    /// Grants a role in a city. Throws `NotPermitted` or `ValidationErrors`.
    @discardableResult
    public func grant(actor: Actor?, city: CityID, input: RoleGrantInput) async throws -> RoleAssignment {
        guard Authorization.allows(actor, .manageRoles(city)) else { throw NotPermitted() }
        let parsed: (email: String, kind: RoleKind, organisation: OrganisationID?)
        switch input.validate() {
        case .failure(let errors): throw errors
        case .success(let value): parsed = value
        }
        var errors = ValidationErrors()
        if !Authorization.grantableKinds(by: actor, in: city).contains(parsed.kind) {
            errors.add("roles.errors.kind.not_grantable", to: "kind")
        }
        let person = try await persons.find(email: parsed.email)
        if person == nil { errors.add("roles.errors.person.unknown", to: "email") }
        if let organisation = parsed.organisation {
            let found = try await organisations.find(id: organisation)
            if found?.cityID != city { errors.add("roles.errors.organisation.required", to: "organisation_id") }
        }
        try errors.throwIfAny()
        guard let person else { throw NotFound() }
        let assignment = RoleAssignment(
            personID: person.id,
            kind: parsed.kind,
            cityID: parsed.kind.needsCity ? city : nil,
            organisationID: parsed.organisation,
            grantedBy: actor?.person.id,
            grantedAt: now()
        )
        let existing = try await roles.roles(of: person.id)
        if existing.contains(where: { $0.sameGrant(as: assignment) }) {
            throw ValidationErrors(["kind": ["roles.errors.already_granted"]])
        }
        try await roles.grant(assignment)
        return assignment
    }

    /// Revokes a role in a city. Refuses roles of other cities and a person revoking their own admin role.
    public func revoke(actor: Actor?, city: CityID, id: RoleAssignmentID) async throws {
        guard Authorization.allows(actor, .manageRoles(city)) else { throw NotPermitted() }
        guard let assignment = try await roles.find(id: id) else { throw NotFound() }
        let inCity = assignment.cityID == city || (assignment.kind == .platformAdmin && actor?.isPlatformAdmin == true)
        guard inCity else { throw NotFound() }
        if assignment.kind == .platformAdmin && actor?.isPlatformAdmin != true { throw NotPermitted() }
        if assignment.personID == actor?.person.id && [.platformAdmin, .cityAdmin].contains(assignment.kind) {
            throw ValidationErrors(["role": ["roles.errors.cannot_revoke_own_admin"]])
        }
        try await roles.revoke(id: id)
    }
}
