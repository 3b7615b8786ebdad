/// The volunteering search as a person or a client types it, by code: the same for the page and the API.
public struct OpportunitySearchInput: Hashable, Sendable {
    public var text: String
    public var category: String
    public var area: String
    public var language: String
    public var withoutTraining: Bool

    public init(
        text: String = "", category: String = "", area: String = "", language: String = "",
        withoutTraining: Bool = false
    ) {
        self.text = text
        self.category = category
        self.area = area
        self.language = language
        self.withoutTraining = withoutTraining
    }

    /// The query for the city's open opportunities, or the fields whose codes name nothing.
    public func query(city: CityID, categories: [Category], areas: [Area]) -> Result<OpportunityQuery, ValidationErrors>
    {
        var errors = ValidationErrors()
        var search = OpportunityQuery(city: city, text: String(text.prefix(200)), withoutTraining: withoutTraining)
        search.category = errors.lookup(category, field: "category", "directory.errors.category.unknown") { code in
            categories.first { $0.code == code }?.id
        }
        search.area = errors.lookup(area, field: "area", "stakeholders.errors.areas.unknown") { code in
            areas.first { $0.code == code }?.id
        }
        search.language = errors.lookup(language, field: "language", "stakeholders.errors.languages.invalid") {
            LanguageCode($0)
        }
        return errors.isEmpty ? .success(search) : .failure(errors)
    }
}
