import Foundation

public typealias NewcomerID = Identifier<Newcomer>

/// A newcomer a caseworker refers to activities. Everyone but the caseworker's organisation knows them only by a
/// pseudonym; a name and a way to reach them are kept only when the newcomer has agreed to it.
public struct Newcomer: Hashable, Sendable {
    public var id: NewcomerID
    public var cityID: CityID
    /// The caseworker's organisation (an employment or social office): only its caseworkers read the record.
    public var organisationID: OrganisationID
    /// The caseworker who recorded them, told of the host organisations' decisions.
    public var caseworkerID: PersonID?
    /// Shown instead of a name everywhere: `N-4KQ7TX`.
    public var pseudonym: String
    /// Kept only with `contactConsentAt` set.
    public var name: String
    public var contact: String
    /// When the newcomer agreed that their name and contact are kept; `nil` when they did not.
    public var contactConsentAt: Date?
    /// Categories of the city's taxonomy the newcomer is interested in.
    public var interests: [CategoryID]
    /// Languages the newcomer can take part in.
    public var languages: [LanguageCode]
    /// Where they live; its centre is the starting point for distances.
    public var areaID: AreaID?
    public var availability: WeeklyAvailability
    /// When their personal data was erased; the pseudonym, referrals and fee entries stay for the record.
    public var erasedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: NewcomerID = NewcomerID(), cityID: CityID, organisationID: OrganisationID, caseworkerID: PersonID?,
        pseudonym: String = Newcomer.makePseudonym(), name: String = "", contact: String = "",
        contactConsentAt: Date? = nil, interests: [CategoryID] = [], languages: [LanguageCode] = [],
        areaID: AreaID? = nil, availability: WeeklyAvailability = WeeklyAvailability(bits: 0),
        erasedAt: Date? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.organisationID = organisationID
        self.caseworkerID = caseworkerID
        self.pseudonym = pseudonym
        self.name = name
        self.contact = contact
        self.contactConsentAt = contactConsentAt
        self.interests = interests
        self.languages = languages
        self.areaID = areaID
        self.availability = availability
        self.erasedAt = erasedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The version of the consent text a caseworker reads out before keeping a name and contact.
    public static let contactConsentVersion = "2026-11"

    /// A new pseudonym: `N-` and six random characters (about a billion possibilities).
    public static func makePseudonym() -> String {
        "N-" + ReadableCode.random(length: 6)
    }

    /// A new access code for the newcomer to see and withdraw their referrals (`ReadableCode`).
    public static func makeAccessCode() -> String {
        ReadableCode.make()
    }

    /// An access code as typed, in its printed form; `nil` when it cannot be one.
    public static func normalisedAccessCode(_ typed: String) -> String? {
        ReadableCode.normalised(typed)
    }
}
