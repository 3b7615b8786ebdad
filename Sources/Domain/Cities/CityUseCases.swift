/// Creating cities.
public struct CityUseCases: Sendable {
    public var cities: any CityRepository

    public init(cities: any CityRepository) {
        self.cities = cities
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
