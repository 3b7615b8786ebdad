import Foundation

/// What a platform admin submits to create a city.
public struct CityInput: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var timeZone: String
    public var defaultLanguage: String
    public var languages: [String]

    public init(slug: String, name: String, timeZone: String, defaultLanguage: String, languages: [String]) {
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.defaultLanguage = defaultLanguage
        self.languages = languages
    }

    /// Checks every field and returns the city it describes, or every problem found.
    public func validate() -> Result<City, ValidationErrors> {
        var errors = ValidationErrors()
        let slug = slug.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(CitySlug.isValid(slug), "cities.errors.slug.invalid", field: "slug")
        errors.require(!name.isEmpty, "common.errors.required", field: "name")
        errors.require(name.count <= 120, "common.errors.too_long", field: "name")
        errors.require(TimeZone(identifier: timeZone) != nil, "cities.errors.time_zone.invalid", field: "time_zone")
        let defaultCode = LanguageCode(defaultLanguage)
        errors.require(defaultCode != nil, "cities.errors.language.invalid", field: "default_language")
        let codes = languages.compactMap(LanguageCode.init)
        errors.require(codes.count == languages.count, "cities.errors.language.invalid", field: "languages")
        guard errors.isEmpty, let defaultCode else { return .failure(errors) }
        var enabled = [defaultCode]
        for code in codes where !enabled.contains(code) { enabled.append(code) }
        return .success(
            City(
                slug: slug,
                name: LocalizedText(original: name, in: defaultCode),
                timeZone: timeZone,
                defaultLanguage: defaultCode,
                languages: enabled
            )
        )
    }
}
