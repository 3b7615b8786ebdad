import Foundation

public typealias OrganisationID = Identifier<Organisation>

/// An organisation taking part in a city's integration work: who it is, in which languages it works,
/// where, and when someone last confirmed that this is still true.
public struct Organisation: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case cityDepartment = "city_department"
        case ngo
        case migrantLedNGO = "migrant_led_ngo"
        case religiousCommunity = "religious_community"
        case school
        case university
        case business
        case informalGroup = "informal_group"
        case publicAgency = "public_agency"

        public var isMigrantLed: Bool { self == .migrantLedNGO }
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case active
        case inactive
        /// Kept for the record (partnerships, history) but hidden from the public directory.
        case archived
    }

    public var id: OrganisationID
    public var cityID: CityID
    public var kind: Kind
    public var name: LocalizedText
    public var description: LocalizedText
    /// Languages the organisation works in, in the order it gave them.
    public var languages: [LanguageCode]
    public var areaIDs: [AreaID]
    public var website: String?
    /// The organisation's general address (not a person's); confirmation links go here when no contact has one.
    public var email: String?
    public var status: Status
    public var lastConfirmedAt: Date?
    public var createdAt: Date

    public init(
        id: OrganisationID = OrganisationID(),
        cityID: CityID,
        kind: Kind,
        name: LocalizedText,
        description: LocalizedText = LocalizedText(),
        languages: [LanguageCode] = [],
        areaIDs: [AreaID] = [],
        website: String? = nil,
        email: String? = nil,
        status: Status = .active,
        lastConfirmedAt: Date? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.kind = kind
        self.name = name
        self.description = description
        self.languages = languages
        self.areaIDs = areaIDs
        self.website = website
        self.email = email
        self.status = status
        self.lastConfirmedAt = lastConfirmedAt
        self.createdAt = createdAt
    }

    /// Every name in every language, for duplicate checks and search.
    public var allNames: [String] { name.translations.values.map(\.text).filter { !$0.isEmpty } }

    /// A name folded for comparison: case, surrounding and repeated spaces do not make two names differ.
    public static func comparable(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// What the public directory and the API can filter organisations by.
public struct OrganisationFilter: Hashable, Sendable {
    public var kind: Organisation.Kind?
    public var language: LanguageCode?
    public var areaID: AreaID?
    public var migrantLedOnly: Bool
    /// Part of a name, in any language.
    public var query: String
    /// Archived organisations are left out unless asked for.
    public var includeArchived: Bool

    public init(
        kind: Organisation.Kind? = nil,
        language: LanguageCode? = nil,
        areaID: AreaID? = nil,
        migrantLedOnly: Bool = false,
        query: String = "",
        includeArchived: Bool = false
    ) {
        self.kind = kind
        self.language = language
        self.areaID = areaID
        self.migrantLedOnly = migrantLedOnly
        self.query = query
        self.includeArchived = includeArchived
    }
}
