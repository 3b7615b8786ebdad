import Domain

/// The names of the organisations and places a page shows, read one by one: a page names a few, a city may have
/// thousands.
enum DirectoryNames {
    static func organisations(services: AppServices, _ ids: Set<OrganisationID>) async throws
        -> [OrganisationID: LocalizedText]
    {
        var names: [OrganisationID: LocalizedText] = [:]
        for id in ids { names[id] = try await services.organisations.find(id: id)?.name }
        return names
    }

    static func places(services: AppServices, _ ids: Set<PlaceID>) async throws -> [PlaceID: LocalizedText] {
        var names: [PlaceID: LocalizedText] = [:]
        for id in ids { names[id] = try await services.placeUseCases.places.find(id: id)?.name }
        return names
    }
}
