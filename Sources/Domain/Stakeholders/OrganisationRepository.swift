import Foundation

/// Where organisations are kept.
public protocol OrganisationRepository: Sendable {
    func find(id: OrganisationID) async throws -> Organisation?
    /// The organisations with these ids (those that exist), in one query.
    func find(ids: Set<OrganisationID>) async throws -> [Organisation]
    /// Every organisation of a city, archived ones included, ordered by name.
    func list(city: CityID) async throws -> [Organisation]
    /// The organisations of a city that pass a filter, ordered by name.
    func list(city: CityID, filter: OrganisationFilter) async throws -> [Organisation]
    func create(_ organisation: Organisation) async throws
    func update(_ organisation: Organisation) async throws
    /// Creates or updates many at once, all or nothing; `progress` is told how many are done.
    func save(_ organisations: [Organisation], progress: @Sendable (Int) -> Void) async throws
    func markConfirmed(_ id: OrganisationID, at: Date) async throws
}

extension OrganisationRepository {
    /// The organisations an actor acts for in a city: every active one for coordinators, else the active ones
    /// they edit; none for someone not signed in.
    public func acting(for actor: Actor?, city: CityID) async throws -> [Organisation] {
        guard actor != nil else { return [] }
        return try await list(city: city).filter {
            $0.status == .active && Authorization.allows(actor, .editOrganisation(city, $0.id))
        }
    }
}
