import Foundation

public typealias CityID = Identifier<City>

/// A tenant: one municipality with its own areas, organisations, people's roles and languages.
public struct City: Hashable, Sendable {
    public var id: CityID
    public var slug: String
    public var name: LocalizedText
    public var timeZone: String
    public var defaultLanguage: LanguageCode
    /// Always contains `defaultLanguage`; order is the order the switcher shows.
    public var languages: [LanguageCode]

    public init(
        id: CityID = CityID(),
        slug: String,
        name: LocalizedText,
        timeZone: String,
        defaultLanguage: LanguageCode,
        languages: [LanguageCode]
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.defaultLanguage = defaultLanguage
        self.languages = languages
    }

    public func displayName(in language: LanguageCode) -> String {
        name.text(in: language, fallback: defaultLanguage)
    }
}

/// Slugs appear in every URL of a city, so they are short, lower-case and unambiguous.
public enum CitySlug {
    /// Words that would collide with the platform's own top-level paths.
    public static let reserved: Set<String> = [
        "account", "admin", "api", "assets", "healthz", "readyz", "metrics", "language", "static",
    ]

    public static func isValid(_ slug: String) -> Bool {
        guard (2...40).contains(slug.count), !reserved.contains(slug) else { return false }
        guard let first = slug.first, first.isLetter, slug.last != "-" else { return false }
        return slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
