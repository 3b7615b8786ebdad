import Foundation

public typealias EventID = Identifier<Event>
public typealias RegistrationID = Identifier<Registration>

/// Something that happens once: a cooperation forum, a volunteer meet-up, a neighbourhood get-together.
public struct Event: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case cooperationForum = "cooperation_forum"
        case networkMeeting = "network_meeting"
        case volunteerMeetup = "volunteer_meetup"
        case neighbourhoodGetTogether = "neighbourhood_get_together"
        case training
        case celebration
        case other
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case draft
        case published
        case cancelled
    }

    public var id: EventID
    public var cityID: CityID
    public var kind: Kind
    public var title: LocalizedText
    public var description: LocalizedText
    /// The organisations that organise it; the first leads.
    public var organiserIDs: [OrganisationID]
    /// The network it is held for, if any (a local group's meeting, a network's forum).
    public var networkID: NetworkID?
    public var placeID: PlaceID?
    public var areaID: AreaID?
    public var start: Date
    public var end: Date
    public var capacity: Int?
    /// Whether people register; with a capacity, those beyond it go on a waiting list.
    public var registration: Bool
    /// What a participant pays, in cents.
    public var feeCents: Int
    /// What it cost to organise, in cents, when known (plans measure cost per forum).
    public var costCents: Int?
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: EventID = EventID(), cityID: CityID, kind: Kind, title: LocalizedText, description: LocalizedText = .init(),
        organiserIDs: [OrganisationID], networkID: NetworkID? = nil, placeID: PlaceID? = nil, areaID: AreaID? = nil,
        start: Date, end: Date, capacity: Int? = nil, registration: Bool = false, feeCents: Int = 0,
        costCents: Int? = nil, status: Status = .published, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.kind = kind
        self.title = title
        self.description = description
        self.organiserIDs = organiserIDs
        self.networkID = networkID
        self.placeID = placeID
        self.areaID = areaID
        self.start = start
        self.end = end
        self.capacity = capacity
        self.registration = registration
        self.feeCents = feeCents
        self.costCents = costCents
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// A person's place at an event: their name and address are kept only for the organisers, with consent.
public struct Registration: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case registered
        case waitlisted
        case cancelled
    }

    public var id: RegistrationID
    public var eventID: EventID
    public var name: String
    public var email: String
    public var personID: PersonID?
    public var status: Status
    public var attended: Bool
    public var createdAt: Date

    public init(
        id: RegistrationID = RegistrationID(), eventID: EventID, name: String, email: String, personID: PersonID? = nil,
        status: Status = .registered, attended: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.eventID = eventID
        self.name = name
        self.email = email
        self.personID = personID
        self.status = status
        self.attended = attended
        self.createdAt = createdAt
    }
}

/// Who came, as organisers count them at the door.
public enum Attendance {
    public enum Sector: String, Hashable, Sendable, Codable, CaseIterable {
        case city
        case ngo
        case migrantLedNGO = "migrant_led_ngo"
        case resident
        case volunteer
        case business
        case other
    }

    /// People who came: the counts by sector when organisers recorded them, else the registrations marked
    /// attended.
    public static func total(counts: [Sector: Int], registrations: [Registration]) -> Int {
        let counted = counts.values.reduce(0, +)
        return counted > 0 ? counted : registrations.filter(\.attended).count
    }

    /// The sectors with at least one person.
    public static func sectors(_ counts: [Sector: Int]) -> [Sector] {
        Sector.allCases.filter { (counts[$0] ?? 0) > 0 }
    }
}

/// What registering came to.
public enum RegistrationOutcome: Hashable, Sendable {
    case registered
    case waitlisted
    /// The same address is already registered or waiting.
    case duplicate
}

/// Which events a listing shows.
public struct EventFilter: Hashable, Sendable {
    public var from: Date?
    public var until: Date?
    public var kind: Event.Kind?
    public var areaID: AreaID?
    public var organisationID: OrganisationID?
    public var networkID: NetworkID?
    public var statuses: Set<Event.Status>
    /// At most this many; past ones latest first when `newestFirst`.
    public var limit: Int?
    public var newestFirst: Bool

    public init(
        from: Date? = nil, until: Date? = nil, kind: Event.Kind? = nil, areaID: AreaID? = nil,
        organisationID: OrganisationID? = nil, networkID: NetworkID? = nil,
        statuses: Set<Event.Status> = [.published, .cancelled], limit: Int? = nil, newestFirst: Bool = false
    ) {
        self.limit = limit
        self.newestFirst = newestFirst
        self.from = from
        self.until = until
        self.kind = kind
        self.areaID = areaID
        self.organisationID = organisationID
        self.networkID = networkID
        self.statuses = statuses
    }
}

/// Where events, registrations and attendance are kept.
public protocol EventRepository: Sendable {
    func find(id: EventID) async throws -> Event?
    /// Events of a city by the filter, earliest first (or latest first).
    func list(city: CityID, filter: EventFilter) async throws -> [Event]
    func save(_ event: Event) async throws
    /// Adds many new events at once, in one transaction.
    func insert(_ events: [Event]) async throws
    /// Registers within the capacity, or on the waiting list beyond it, in one transaction so two
    /// registrations never take the last place twice. `token` opens the registration later (stored hashed).
    /// The message `notice` gives for the outcome is queued in the same transaction, so a registration is never
    /// stored without the email that lets its person see and cancel it.
    func register(
        _ registration: Registration, token: String, capacity: Int?,
        notice: @Sendable (RegistrationOutcome) -> OutboxMessage?
    ) async throws -> RegistrationOutcome
    /// Cancels; when a registered place frees, the first on the waiting list takes it (returned), and the message
    /// `notice` gives for them is queued in the same transaction, so nobody takes a place without being told.
    func cancel(_ id: RegistrationID, notice: @Sendable (Registration) -> OutboxMessage?) async throws
        -> Registration?
    func registration(id: RegistrationID) async throws -> Registration?
    func registration(token: String) async throws -> Registration?
    func registrations(event: EventID) async throws -> [Registration]
    /// Replaces the counts by sector and the attended marks.
    func recordAttendance(event: EventID, counts: [Attendance.Sector: Int], attended: Set<RegistrationID>)
        async throws
    func attendance(event: EventID) async throws -> [Attendance.Sector: Int]
    /// The attendance of many events at once (events with nothing recorded are left out).
    func attendance(events: [EventID]) async throws -> [EventID: AttendanceSummary]
}

extension EventRepository {
    /// Registers without queuing any message.
    public func register(_ registration: Registration, token: String, capacity: Int?) async throws
        -> RegistrationOutcome
    {
        try await register(registration, token: token, capacity: capacity, notice: { _ in nil })
    }

    /// Cancels without queuing any message.
    public func cancel(_ id: RegistrationID) async throws -> Registration? {
        try await cancel(id, notice: { _ in nil })
    }
}

/// An event's attendance in short: counts by sector and how many registrations were marked attended.
public struct AttendanceSummary: Hashable, Sendable {
    public var counts: [Attendance.Sector: Int]
    public var attendedRegistrations: Int

    public init(counts: [Attendance.Sector: Int] = [:], attendedRegistrations: Int = 0) {
        self.counts = counts
        self.attendedRegistrations = attendedRegistrations
    }

    /// People who came: the counted sectors when recorded, else the registrations marked attended.
    public var total: Int {
        let counted = counts.values.reduce(0, +)
        return counted > 0 ? counted : attendedRegistrations
    }
}
