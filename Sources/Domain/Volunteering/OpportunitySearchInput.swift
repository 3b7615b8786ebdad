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
        if !category.isEmpty {
            search.category = categories.first { $0.code == category }?.id
            errors.require(search.category != nil, "directory.errors.category.unknown", field: "category")
        }
        if !area.isEmpty {
            search.area = areas.first { $0.code == area }?.id
            errors.require(search.area != nil, "stakeholders.errors.areas.unknown", field: "area")
        }
        if !language.isEmpty {
            search.language = LanguageCode(language)
            errors.require(search.language != nil, "stakeholders.errors.languages.invalid", field: "language")
        }
        return errors.isEmpty ? .success(search) : .failure(errors)
    }
}
