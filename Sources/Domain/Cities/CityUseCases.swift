/// Finding and creating cities, and reading their areas.
public struct CityUseCases: Sendable {
    var cities: any CityRepository
    var areas: any AreaRepository

    public init(cities: any CityRepository, areas: any AreaRepository) {
        self.cities = cities
        self.areas = areas
    }

    /// The city with this slug, or `nil` when the slug is malformed or names no city.
    public func city(slug: String) async throws -> City? {
        guard CitySlug.isValid(slug) else { return nil }
        return try await cities.find(slug: slug)
    }

    /// Every city on the installation.
    public func list() async throws -> [City] {
        try await cities.list()
    }

    /// The city's areas (districts and neighbourhoods).
    public func areas(city: CityID) async throws -> [Area] {
        try await areas.list(city: city)
    }

    /// The latest demographics of each of the city's areas that has any.
    public func demographics(city: CityID) async throws -> [AreaID: AreaDemographics] {
        try await areas.latestDemographics(city: city)
    }

    /// Creates a city. Throws `NotPermitted` or `ValidationErrors` (including a taken slug).
    public func create(actor: Actor?, input: CityInput) async throws -> City {
        guard Authorization.allows(actor, .manageCities) else { throw NotPermitted() }
        let city = try input.validate().get()
        if try await cities.find(slug: city.slug) != nil {
            throw ValidationErrors(["slug": ["cities.errors.slug.taken"]])
        }
        try await cities.create(city)
        return city
    }
}
