import Foundation

/// A volunteer profile as typed into the form.
public struct VolunteerProfileInput: Hashable, Sendable {
    /// Words separated by commas.
    public var skills: String
    /// Category codes.
    public var interests: [String]
    /// Language codes, each with an optional level after a colon: `ar:native, fi:basic, en`.
    public var languages: String
    /// Area codes.
    public var areas: [String]
    /// Times of the week as `day-part` (`1-2` is Tuesday evening).
    public var availability: [String]
    /// A `VolunteerProfile.Background` raw value, or empty.
    public var background: String
    public var backgroundConsent: Bool
    public var shareEngagement: Bool

    public init(
        skills: String = "", interests: [String] = [], languages: String = "", areas: [String] = [],
        availability: [String] = [], background: String = "", backgroundConsent: Bool = false,
        shareEngagement: Bool = false
    ) {
        self.skills = skills
        self.interests = interests
        self.languages = languages
        self.areas = areas
        self.availability = availability
        self.background = background
        self.backgroundConsent = backgroundConsent
        self.shareEngagement = shareEngagement
    }

    /// The form filled in with a stored profile.
    public init(_ profile: VolunteerProfile, categoryCodes: [CategoryID: String], areaCodes: [AreaID: String]) {
        self.init(
            skills: profile.skills.joined(separator: ", "),
            interests: profile.interests.compactMap { categoryCodes[$0] },
            languages: profile.languages.map { "\($0.language.rawValue):\($0.level.rawValue)" }
                .joined(separator: ", "),
            areas: profile.areaIDs.compactMap { areaCodes[$0] },
            availability: profile.availability.times.map { "\($0.day)-\($0.part)" },
            background: profile.background?.rawValue ?? "", backgroundConsent: profile.backgroundConsentAt != nil,
            shareEngagement: profile.shareEngagement)
    }

    /// Checks the input and writes it into `profile`; nothing is written when a field is wrong. A background
    /// without consent is refused, not silently dropped, so the volunteer knows it was not kept.
    public func apply(
        to profile: inout VolunteerProfile, categoriesByCode: [String: CategoryID], areasByCode: [String: AreaID],
        now: Date
    ) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let skills = Self.skills(skills, errors: &errors)
        let interestIDs = interests.compactMap { categoriesByCode[$0] }
        errors.require(interestIDs.count == interests.count, "directory.errors.category.unknown", field: "interests")
        let languages = Self.languageSkills(self.languages)
        errors.require(languages != nil, "volunteering.errors.languages.invalid", field: "languages")
        errors.require(languages?.isEmpty != true, "matching.errors.languages.missing", field: "languages")
        let areaIDs = areas.compactMap { areasByCode[$0] }
        errors.require(areaIDs.count == areas.count, "stakeholders.errors.areas.unknown", field: "areas")
        let times = availability.map(NewcomerInput.time)
        errors.require(!times.contains { $0 == nil }, "matching.errors.availability.invalid", field: "availability")
        let background = VolunteerProfile.Background(rawValue: background)
        errors.require(
            self.background.isEmpty || background != nil, "volunteering.errors.background.invalid",
            field: "background")
        errors.require(
            self.background.isEmpty || backgroundConsent, "volunteering.errors.background.consent",
            field: "background")
        if !errors.isEmpty { throw errors }
        profile.skills = OrganisationInput.unique(skills)
        profile.interests = OrganisationInput.unique(interestIDs)
        profile.languages = languages ?? []
        profile.areaIDs = OrganisationInput.unique(areaIDs)
        profile.availability = WeeklyAvailability(times.compactMap { $0 })
        profile.background = background
        profile.backgroundConsentAt = background == nil ? nil : (profile.backgroundConsentAt ?? now)
        profile.shareEngagement = shareEngagement
        profile.updatedAt = now
    }

    /// Skills as typed, separated by commas: at most 30, each at most 60 characters.
    static func skills(_ text: String, errors: inout ValidationErrors) -> [String] {
        let skills = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        errors.require(skills.count <= 30, "volunteering.errors.skills.too_many", field: "skills")
        errors.require(skills.allSatisfy { $0.count <= 60 }, "common.errors.too_long", field: "skills")
        return skills
    }

    /// `ar:native, fi:basic, en` read as skills (a missing level is `good`); `nil` when a code or level is
    /// unknown. A language given twice keeps its first level.
    static func languageSkills(_ text: String) -> [LanguageSkill]? {
        var skills: [LanguageSkill] = []
        for word in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) {
            let parts = word.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let language = LanguageCode(String(parts[0])) else { return nil }
            let level = parts.count == 2 ? LanguageSkill.Level(rawValue: String(parts[1]).lowercased()) : .good
            guard let level else { return nil }
            if !skills.contains(where: { $0.language == language }) {
                skills.append(LanguageSkill(language: language, level: level))
            }
        }
        return skills
    }
}
