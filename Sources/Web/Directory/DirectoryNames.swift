import Domain

/// The names of the organisations and places a page shows, read in one query each: a page names a few, a city
/// may have thousands.
enum DirectoryNames {
    static func organisations(services: AppServices, _ ids: Set<OrganisationID>) async throws
        -> [OrganisationID: LocalizedText]
    {
        Dictionary(
            try await services.organisationUseCases.organisations(ids: ids).map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
    }

    static func places(services: AppServices, _ ids: Set<PlaceID>) async throws -> [PlaceID: LocalizedText] {
        Dictionary(
            try await services.placeUseCases.places(ids: ids).map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
    }
}
