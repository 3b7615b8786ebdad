import Foundation

public typealias PlaceID = Identifier<Place>

/// A place of encounter: where people meet, learn and play, and which organisations may book.
public struct Place: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case communityCentre = "community_centre"
        case library
        case school
        case park
        case playground
        case ngoPremises = "ngo_premises"
        case parishHall = "parish_hall"
        case sportsVenue = "sports_venue"
        case other
    }

    public enum Accessibility: String, Hashable, Sendable, Codable, CaseIterable {
        case stepFree = "step_free"
        case accessibleToilet = "accessible_toilet"
        case hearingLoop = "hearing_loop"
        case accessibleParking = "accessible_parking"
        case quietRoom = "quiet_room"
        case babyChanging = "baby_changing"
    }

    public var id: PlaceID
    public var cityID: CityID
    public var kind: Kind
    public var name: LocalizedText
    public var description: LocalizedText
    /// The organisation that owns or runs it and decides on bookings (coordinators decide when there is none).
    public var ownerID: OrganisationID?
    public var address: String
    public var areaID: AreaID?
    public var latitude: Double?
    public var longitude: Double?
    public var capacity: Int?
    public var accessibility: [Accessibility]
    public var hours: OpeningHours
    public var bookable: Bool
    public var createdAt: Date

    public init(
        id: PlaceID = PlaceID(), cityID: CityID, kind: Kind, name: LocalizedText, description: LocalizedText = .init(),
        ownerID: OrganisationID? = nil, address: String = "", areaID: AreaID? = nil, latitude: Double? = nil,
        longitude: Double? = nil, capacity: Int? = nil, accessibility: [Accessibility] = [],
        hours: OpeningHours = .init(), bookable: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.kind = kind
        self.name = name
        self.description = description
        self.ownerID = ownerID
        self.address = address
        self.areaID = areaID
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
        self.accessibility = accessibility
        self.hours = hours
        self.bookable = bookable
        self.createdAt = createdAt
    }

    public var isStepFree: Bool { accessibility.contains(.stepFree) }
}

/// Which places the directory shows.
public struct PlaceFilter: Hashable, Sendable {
    public var kind: Place.Kind?
    public var areaID: AreaID?
    public var stepFreeOnly: Bool
    public var bookableOnly: Bool

    public init(
        kind: Place.Kind? = nil, areaID: AreaID? = nil, stepFreeOnly: Bool = false, bookableOnly: Bool = false
    ) {
        self.kind = kind
        self.areaID = areaID
        self.stepFreeOnly = stepFreeOnly
        self.bookableOnly = bookableOnly
    }

    public func admits(_ place: Place) -> Bool {
        (kind.map { place.kind == $0 } ?? true) && (areaID.map { place.areaID == $0 } ?? true)
            && (!stepFreeOnly || place.isStepFree) && (!bookableOnly || place.bookable)
    }
}

/// Where places are kept.
public protocol PlaceRepository: Sendable {
    func find(id: PlaceID) async throws -> Place?
    /// The places with these ids (those that exist), in one query.
    func find(ids: Set<PlaceID>) async throws -> [Place]
    func list(city: CityID) async throws -> [Place]
    func save(_ place: Place) async throws
    /// Adds many new places at once, in one transaction.
    func insert(_ places: [Place]) async throws
}
