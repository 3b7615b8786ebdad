import Foundation

public typealias OrganisationID = Identifier<Organisation>

/// An organisation taking part in a city's integration work.
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
    }

    public var id: OrganisationID
    public var cityID: CityID
    public var kind: Kind
    public var name: LocalizedText
    public var website: String?
    public var createdAt: Date

    public init(
        id: OrganisationID = OrganisationID(),
        cityID: CityID,
        kind: Kind,
        name: LocalizedText,
        website: String? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.kind = kind
        self.name = name
        self.website = website
        self.createdAt = createdAt
    }
}

/// Where organisations are kept.
public protocol OrganisationRepository: Sendable {
    func find(id: OrganisationID) async throws -> Organisation?
    func list(city: CityID) async throws -> [Organisation]
    func create(_ organisation: Organisation) async throws
}
