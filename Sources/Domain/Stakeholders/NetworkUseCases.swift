import Foundation

/// Networks, their members and the partnerships between organisations.
public struct NetworkUseCases: Sendable {
    var networks: any NetworkRepository
    var partnerships: any PartnershipRepository
    var organisations: any OrganisationRepository
    public var now: @Sendable () -> Date

    public init(
        networks: any NetworkRepository,
        partnerships: any PartnershipRepository,
        organisations: any OrganisationRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.networks = networks
        self.partnerships = partnerships
        self.organisations = organisations
        self.now = now
    }

    /// A network of the city, or `NotFound`.
    public func network(city: CityID, id: NetworkID) async throws -> Network {
        guard let network = try await networks.find(id: id), network.cityID == city else { throw NotFound() }
        return network
    }

    /// Creates or changes a network. Coordinators only.
    @discardableResult
    public func save(actor: Actor?, city: City, id: NetworkID? = nil, input: NetworkInput) async throws -> Network {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let valid = try input.validate()
        var network =
            try await id.asyncMap { try await self.network(city: city.id, id: $0) }
            ?? Network(cityID: city.id, kind: valid.kind, name: .init(), createdAt: now())
        network.kind = valid.kind
        network.name = network.name.updated(with: valid.names, original: city.defaultLanguage)
        network.description = network.description.updated(with: valid.descriptions, original: city.defaultLanguage)
        if id == nil { try await networks.create(network) } else { try await networks.update(network) }
        return network
    }

    /// Adds an organisation to a network (or changes its membership). Coordinators only.
    @discardableResult
    public func saveMember(
        actor: Actor?, city: City, network: NetworkID, organisation: String, role: String, since: String,
        until: String, id: MembershipID? = nil
    ) async throws -> NetworkMembership {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let network = try await self.network(city: city.id, id: network)
        var errors = ValidationErrors()
        let organisationID = OrganisationID(string: organisation)
        let found = try await organisationID.asyncMap { try await organisations.find(id: $0) }
        errors.require(found??.cityID == city.id, "stakeholders.errors.organisation.unknown", field: "organisation")
        let role = NetworkMembership.Role(rawValue: role)
        errors.require(role != nil, "stakeholders.errors.role.invalid", field: "role")
        let (start, end) = PeriodInput.validate(since: since, until: until, errors: &errors)
        try errors.throwIfAny()
        let membership = NetworkMembership(
            id: id ?? MembershipID(), networkID: network.id, organisationID: organisationID!, role: role!, since: start,
            until: end)
        try await networks.saveMembership(membership)
        return membership
    }

    /// Removes a membership recorded by mistake (an ended one is kept with its end date instead).
    public func removeMember(actor: Actor?, city: City, membership id: MembershipID) async throws {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        guard let membership = try await networks.findMembership(id: id),
            (try await networks.find(id: membership.networkID))?.cityID == city.id
        else { throw NotFound() }
        try await networks.deleteMembership(id: id)
    }

    /// Who may record a partnership: coordinators, or an editor of one of its organisations.
    public static func mayRecord(_ actor: Actor?, city: CityID, _ partnership: Partnership) -> Bool {
        Authorization.allows(actor, .editOrganisation(city, partnership.first))
            || Authorization.allows(actor, .editOrganisation(city, partnership.second))
    }

    /// Records or changes a partnership.
    @discardableResult
    public func savePartnership(actor: Actor?, city: City, id: PartnershipID? = nil, input: PartnershipInput)
        async throws -> Partnership
    {
        guard actor != nil else { throw NotPermitted() }
        let known = Set(try await organisations.list(city: city.id).map(\.id))
        if let id {
            guard let existing = try await partnerships.find(id: id), existing.cityID == city.id else {
                throw NotFound()
            }
            guard Self.mayRecord(actor, city: city.id, existing) else { throw NotPermitted() }
        }
        let partnership = try input.validate(city: city.id, organisations: known, id: id ?? PartnershipID())
        guard Self.mayRecord(actor, city: city.id, partnership) else { throw NotPermitted() }
        try await partnerships.save(partnership)
        return partnership
    }

    public func partnership(city: CityID, id: PartnershipID) async throws -> Partnership {
        guard let partnership = try await partnerships.find(id: id), partnership.cityID == city else {
            throw NotFound()
        }
        return partnership
    }

    public func removePartnership(actor: Actor?, city: City, id: PartnershipID) async throws {
        let partnership = try await self.partnership(city: city.id, id: id)
        guard Self.mayRecord(actor, city: city.id, partnership) else { throw NotPermitted() }
        try await partnerships.delete(id: id)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension NetworkUseCases {
    /// The city's networks.
    public func list(city: CityID) async throws -> [Network] {
        try await networks.list(city: city)
    }

    /// One network, of any city, for naming it.
    public func network(id: NetworkID) async throws -> Network? {
        try await networks.find(id: id)
    }

    /// A network's members, past ones included.
    public func members(of network: NetworkID) async throws -> [NetworkMembership] {
        try await networks.members(of: network)
    }

    /// The networks an organisation belongs or belonged to.
    public func memberships(of organisation: OrganisationID) async throws -> [NetworkMembership] {
        try await networks.memberships(of: organisation)
    }

    /// The city's partnerships.
    public func partnerships(city: CityID) async throws -> [Partnership] {
        try await partnerships.list(city: city)
    }

    /// An organisation's partnerships.
    public func partnerships(organisation: OrganisationID) async throws -> [Partnership] {
        try await partnerships.list(organisation: organisation)
    }
}
