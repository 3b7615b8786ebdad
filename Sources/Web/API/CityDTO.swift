import Domain
import OpenAPIKit

/// A city as the JSON API shows it.
struct CityDTO: Encodable {
    var slug: String
    var name: String
    var names: [String: String]
    var timeZone: String
    var defaultLanguage: String
    var languages: [String]
}

extension CityDTO {
    init(_ city: City, language: LanguageCode) {
        slug = city.slug
        name = city.displayName(in: language)
        names = Dictionary(uniqueKeysWithValues: city.name.translations.map { ($0.key.rawValue, $0.value.text) })
        timeZone = city.timeZone
        defaultLanguage = city.defaultLanguage.rawValue
        languages = city.languages.map(\.rawValue)
    }
}

extension CityDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A city on this installation",
            [
                "slug": .string(description: "the city's name in paths"),
                "name": .string(description: "in the asked language"),
                "names": .translations(),
                "timeZone": .string(description: "IANA time zone, e.g. Europe/Helsinki"),
                "defaultLanguage": .string,
                "languages": .strings(description: "the languages the city publishes in"),
            ])
    }

    static var example: Self {
        CityDTO(
            slug: "vantaa", name: "Vantaa", names: ["fi": "Vantaa", "sv": "Vanda"], timeZone: "Europe/Helsinki",
            defaultLanguage: "fi", languages: ["fi", "sv", "en", "ar"])
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
}

extension AreaDTO {
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

extension AreaDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An area of the city with its latest demographics (the figures are absent when none are known)",
            [
                "code": .string(description: "e.g. a postal code"),
                "parent": .string(required: false, description: "code of the enclosing area"),
                "kind": .oneOf(Area.Kind.self),
                "name": .string,
                "names": .translations(),
                "year": .integer(required: false, description: "the year of the figures"),
                "population": .integer(required: false),
                "foreignLanguageSpeakers": .integer(required: false),
                "foreignLanguageShare": .number(required: false, description: "0 to 1"),
            ])
    }

    static var example: Self {
        AreaDTO(
            code: "01200", parent: "92", kind: Area.Kind.postalArea.rawValue, name: "Hakunila",
            names: ["fi": "Hakunila", "sv": "Håkansböle"], year: 2026, population: 11_000,
            foreignLanguageSpeakers: 4_400, foreignLanguageShare: 0.4)
    }
}
