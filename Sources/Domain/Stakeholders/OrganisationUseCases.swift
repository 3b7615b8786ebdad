import Foundation

/// The registry of organisations: the public directory, and creating and editing entries.
public struct OrganisationUseCases: Sendable {
    public var organisations: any OrganisationRepository
    public var areas: any AreaRepository
    public var now: @Sendable () -> Date

    public init(
        organisations: any OrganisationRepository,
        areas: any AreaRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.organisations = organisations
        self.areas = areas
        self.now = now
    }

    /// The public directory: everything not archived that passes the filter.
    public func directory(city: CityID, filter: OrganisationFilter) async throws -> [Organisation] {
        var filter = filter
        filter.includeArchived = false
        return try await organisations.list(city: city, filter: filter)
    }

    /// One organisation of a city; archived ones only for those who coordinate it.
    public func show(actor: Actor?, city: City, id: OrganisationID) async throws -> Organisation {
        guard let organisation = try await organisations.find(id: id), organisation.cityID == city.id else {
            throw NotFound()
        }
        if organisation.status == .archived && !Authorization.allows(actor, .coordinate(city.id)) {
            throw NotFound()
        }
        return organisation
    }

    /// Registers an organisation. Coordinators only. Throws `NotPermitted` or `ValidationErrors`.
    @discardableResult
    public func create(actor: Actor?, city: City, input: OrganisationInput) async throws -> Organisation {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let valid = try input.validate(in: try await context(city))
        var organisation = Organisation(cityID: city.id, kind: valid.kind, name: .init(), createdAt: now())
        valid.apply(to: &organisation, original: city.defaultLanguage)
        try await organisations.create(organisation)
        return organisation
    }

    /// Changes an organisation. Its editors and the city's coordinators; only coordinators archive.
    @discardableResult
    public func update(actor: Actor?, city: City, id: OrganisationID, input: OrganisationInput) async throws
        -> Organisation
    {
        guard let current = try await organisations.find(id: id), current.cityID == city.id else { throw NotFound() }
        guard Authorization.allows(actor, .editOrganisation(city.id, id)) else { throw NotPermitted() }
        let valid = try input.validate(in: try await context(city), id: id)
        if valid.status == .archived && current.status != .archived
            && !Authorization.allows(actor, .coordinate(city.id))
        {
            throw ValidationErrors(["status": ["stakeholders.errors.status.archive_coordinators_only"]])
        }
        var organisation = current
        valid.apply(to: &organisation, original: city.defaultLanguage)
        try await organisations.update(organisation)
        return organisation
    }

    /// What validating an input needs: the city's areas by code and its organisations.
    public func context(_ city: City) async throws -> OrganisationInput.Context {
        let areas = try await areas.list(city: city.id)
        return OrganisationInput.Context(
            city: city,
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }),
            others: try await organisations.list(city: city.id))
    }
}
