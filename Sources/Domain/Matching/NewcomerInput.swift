import Foundation

/// A newcomer's profile as a caseworker fills it in: interests, languages, home area, the times of the week they
/// are free, and, only with the newcomer's consent, a name and a way to reach them.
public struct NewcomerInput: Hashable, Sendable {
    /// Category codes of the city's taxonomy.
    public var interests: [String]
    /// Language codes separated by commas or spaces: `ar, en`.
    public var languages: String
    /// An area code, or empty.
    public var area: String
    /// Times of the week as `day-part` (`1-2` is Tuesday evening).
    public var availability: [String]
    public var name: String
    public var contact: String
    /// Whether the newcomer agreed that their name and contact are kept.
    public var consent: Bool

    public init(
        interests: [String] = [], languages: String = "", area: String = "", availability: [String] = [],
        name: String = "", contact: String = "", consent: Bool = false
    ) {
        self.interests = interests
        self.languages = languages
        self.area = area
        self.availability = availability
        self.name = name
        self.contact = contact
        self.consent = consent
    }

    /// The form filled in with a stored newcomer.
    public init(_ newcomer: Newcomer, categoryCodes: [CategoryID: String], areaCodes: [AreaID: String]) {
        self.init(
            interests: newcomer.interests.compactMap { categoryCodes[$0] },
            languages: newcomer.languages.map(\.rawValue).joined(separator: ", "),
            area: newcomer.areaID.flatMap { areaCodes[$0] } ?? "",
            availability: newcomer.availability.times.map { "\($0.day)-\($0.part)" }, name: newcomer.name,
            contact: newcomer.contact, consent: newcomer.contactConsentAt != nil)
    }

    /// Checks the input and writes it into `newcomer`. Every problem is reported by field; nothing is written when
    /// there is one. Without consent a name or contact is refused rather than silently dropped, so the caseworker
    /// knows it was not kept.
    public func apply(
        to newcomer: inout Newcomer, categoriesByCode: [String: CategoryID], areasByCode: [String: AreaID], now: Date
    ) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let interestIDs = interests.compactMap { categoriesByCode[$0] }
        errors.require(interestIDs.count == interests.count, "directory.errors.category.unknown", field: "interests")
        errors.require(!interests.isEmpty, "matching.errors.interests.missing", field: "interests")
        let languageWords = OrganisationInput.words(languages)
        let languageCodes = languageWords.compactMap(LanguageCode.init)
        errors.require(
            languageCodes.count == languageWords.count, "stakeholders.errors.languages.invalid", field: "languages")
        errors.require(!languageWords.isEmpty, "matching.errors.languages.missing", field: "languages")
        let areaCode = area.trimmingCharacters(in: .whitespaces)
        let areaID = areasByCode[areaCode]
        errors.require(areaCode.isEmpty || areaID != nil, "stakeholders.errors.areas.unknown", field: "area")
        let times = availability.map(Self.time)
        errors.require(!times.contains { $0 == nil }, "matching.errors.availability.invalid", field: "availability")
        errors.require(!availability.isEmpty, "matching.errors.availability.missing", field: "availability")
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(name.count <= 200, "common.errors.too_long", field: "name")
        errors.require(contact.count <= 200, "common.errors.too_long", field: "contact")
        errors.require(consent || name.isEmpty, "matching.errors.consent.required", field: "name")
        errors.require(consent || contact.isEmpty, "matching.errors.consent.required", field: "contact")
        if !errors.isEmpty { throw errors }
        newcomer.interests = OrganisationInput.unique(interestIDs)
        newcomer.languages = OrganisationInput.unique(languageCodes)
        newcomer.areaID = areaID
        newcomer.availability = WeeklyAvailability(times.compactMap { $0 })
        newcomer.name = consent ? name : ""
        newcomer.contact = consent ? contact : ""
        newcomer.contactConsentAt = consent ? (newcomer.contactConsentAt ?? now) : nil
        newcomer.updatedAt = now
    }

    /// `day-part` read as a time of the week, or `nil`.
    public static func time(_ text: String) -> (day: Int, part: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let day = parts[0], let part = parts[1], (0..<7).contains(day), (0..<3).contains(part)
        else { return nil }
        return (day, part)
    }
}
