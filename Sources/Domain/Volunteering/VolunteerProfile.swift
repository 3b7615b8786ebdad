import Foundation

public typealias VolunteerProfileID = Identifier<VolunteerProfile>

/// A language a volunteer speaks, and how well.
public struct LanguageSkill: Hashable, Sendable, Codable {
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case basic
        case good
        case fluent
        case native
    }

    public var language: LanguageCode
    public var level: Level

    public init(language: LanguageCode, level: Level) {
        self.language = language
        self.level = level
    }
}

/// A volunteer in one city: what they can do and care about, the languages they speak, where and when they can
/// help. Private by default: only the volunteer, and the organisations they applied to, read it.
public struct VolunteerProfile: Hashable, Sendable {
    /// How the volunteer describes their own background, asked only for the city's anonymous monitoring of migrant
    /// volunteering (VALUES toolkit, theme C) and never shown to an organisation.
    public enum Background: String, Hashable, Sendable, Codable, CaseIterable {
        /// Came to the country in the last five years.
        case newcomer
        /// Came to the country more than five years ago.
        case settledMigrant = "settled_migrant"
        /// Born here to a parent who came from abroad.
        case secondGeneration = "second_generation"
        case noMigrantBackground = "no_migrant_background"
    }

    /// The version of the consent text shown next to the background question.
    public static let backgroundConsentVersion = "2026-11"

    public var id: VolunteerProfileID
    public var cityID: CityID
    public var personID: PersonID
    /// Free words: "cooking", "bookkeeping", "football coaching".
    public var skills: [String]
    /// Categories of the city's taxonomy.
    public var interests: [CategoryID]
    public var languages: [LanguageSkill]
    public var areaIDs: [AreaID]
    public var availability: WeeklyAvailability
    /// Kept only with `backgroundConsentAt` set.
    public var background: Background?
    public var backgroundConsentAt: Date?
    /// Whether the organisations the volunteer works with may list their name with their engagement in the JSON
    /// API; without it the API shows a pseudonym.
    public var shareEngagement: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: VolunteerProfileID = VolunteerProfileID(), cityID: CityID, personID: PersonID, skills: [String] = [],
        interests: [CategoryID] = [], languages: [LanguageSkill] = [], areaIDs: [AreaID] = [],
        availability: WeeklyAvailability = WeeklyAvailability(bits: 0), background: Background? = nil,
        backgroundConsentAt: Date? = nil, shareEngagement: Bool = false, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.personID = personID
        self.skills = skills
        self.interests = interests
        self.languages = languages
        self.areaIDs = areaIDs
        self.availability = availability
        self.background = background
        self.backgroundConsentAt = backgroundConsentAt
        self.shareEngagement = shareEngagement
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The name shown for the volunteer where their name may not be: `V-` and eight characters of the person id.
    public static func pseudonym(_ person: PersonID) -> String {
        "V-" + person.description.prefix(8).uppercased()
    }
}

/// Volunteer profiles, one per person and city, and the erasure of a person's volunteering in a city.
public protocol VolunteerProfileRepository: Sendable {
    /// Adds or replaces a profile (one per person and city).
    func save(_ profile: VolunteerProfile) async throws
    func profile(person: PersonID, city: CityID) async throws -> VolunteerProfile?
    /// A city's profiles, of the given people only when `persons` is not nil.
    func profiles(city: CityID, persons: Set<PersonID>?) async throws -> [VolunteerProfile]
    /// Deletes the profile, the person's applications in the city (withdrawing nothing else), their training
    /// completions, hours and feedback there; certificates they issued are revoked. Awards stay, under the name
    /// given for them. All in one transaction.
    func erase(person: PersonID, city: CityID, at: Date) async throws
}
