import Domain

/// A city as the JSON API shows it.
struct CityDTO: Encodable {
    var slug: String
    var name: String
    var names: [String: String]
    var timeZone: String
    var defaultLanguage: String
    var languages: [String]

    init(_ city: City, language: LanguageCode) {
        slug = city.slug
        name = city.displayName(in: language)
        names = Dictionary(uniqueKeysWithValues: city.name.translations.map { ($0.key.rawValue, $0.value.text) })
        timeZone = city.timeZone
        defaultLanguage = city.defaultLanguage.rawValue
        languages = city.languages.map(\.rawValue)
    }
}

/// An area with its latest figures, as the JSON API shows it.
struct AreaDTO: Encodable {
    var code: String
    var parent: String?
    var kind: String
    var name: String
    var names: [String: String]
    var year: Int?
    var population: Int?
    var foreignLanguageSpeakers: Int?
    var foreignLanguageShare: Double?

    init(_ area: Area, parentCode: String?, figures: AreaDemographics?, language: LanguageCode, fallback: LanguageCode)
    {
        code = area.code
        parent = parentCode
        kind = area.kind.rawValue
        name = area.name.text(in: language, fallback: fallback)
        names = Dictionary(uniqueKeysWithValues: area.name.translations.map { ($0.key.rawValue, $0.value.text) })
        year = figures?.year
        population = figures?.population
        foreignLanguageSpeakers = figures?.foreignLanguageSpeakers
        foreignLanguageShare = figures?.foreignLanguageShare
    }
}
