import Foundation

/// A record a KPI value was computed from, so every figure can be traced.
public enum RecordLink: Hashable, Sendable {
    case event(EventID)
    case booking(BookingID, place: PlaceID)
    case membership(network: NetworkID, organisation: OrganisationID)
    case measurement(MeasurementID)
}

/// A KPI's value for one year (or, for a whole-period KPI, up to the end of that year) and where it came from.
public struct KPIReading: Hashable, Sendable {
    public var year: Int
    public var value: Double
    public var records: [RecordLink]
    /// Evidence typed by a person, for manual measurements.
    public var evidence: String

    public init(year: Int, value: Double, records: [RecordLink], evidence: String = "") {
        self.year = year
        self.value = value
        self.records = records
        self.evidence = evidence
    }
}

/// The platform records KPI rules read: events with their attendance, network memberships, and bookings.
public struct PlanFacts: Sendable {
    public struct EventFact: Hashable, Sendable {
        public var id: EventID
        public var kind: Event.Kind
        public var networkID: NetworkID?
        public var organiserIDs: [OrganisationID]
        public var day: CalendarDay
        public var attendance: Int
        public var sectors: Set<Attendance.Sector>
        public var costCents: Int?

        public init(
            id: EventID, kind: Event.Kind, networkID: NetworkID?, organiserIDs: [OrganisationID], day: CalendarDay,
            attendance: Int, sectors: Set<Attendance.Sector>, costCents: Int?
        ) {
            self.id = id
            self.kind = kind
            self.networkID = networkID
            self.organiserIDs = organiserIDs
            self.day = day
            self.attendance = attendance
            self.sectors = sectors
            self.costCents = costCents
        }
    }

    public struct BookingFact: Hashable, Sendable {
        public var id: BookingID
        public var placeID: PlaceID
        public var placeKind: Place.Kind
        public var day: CalendarDay

        public init(id: BookingID, placeID: PlaceID, placeKind: Place.Kind, day: CalendarDay) {
            self.id = id
            self.placeID = placeID
            self.placeKind = placeKind
            self.day = day
        }
    }

    /// Events that took place (published, not cancelled).
    public var events: [EventFact]
    public var memberships: [NetworkID: [NetworkMembership]]
    /// Confirmed bookings.
    public var bookings: [BookingFact]
    public var today: CalendarDay

    public init(
        events: [EventFact], memberships: [NetworkID: [NetworkMembership]], bookings: [BookingFact],
        today: CalendarDay
    ) {
        self.events = events
        self.memberships = memberships
        self.bookings = bookings
        self.today = today
    }
}

extension KPIRule {
    /// The rule's value over the days `from...until`; `nil` when nothing it reads happened then
    /// (no such event to take the lowest attendance of, say).
    public func reading(year: Int, from: CalendarDay, until: CalendarDay, facts: PlanFacts) -> KPIReading? {
        let inRange = { (day: CalendarDay) in from <= day && day <= until }
        switch self {
        case .networkMembers(let network):
            let day = min(until, facts.today)
            let members = (facts.memberships[network] ?? []).filter { $0.isActive(on: day) }
            let organisations = Set(members.map(\.organisationID))
            return KPIReading(
                year: year, value: Double(organisations.count),
                records: organisations.sorted { $0.description < $1.description }.map {
                    .membership(network: network, organisation: $0)
                })
        case .placeBookings(let kind):
            let chosen = facts.bookings.filter { inRange($0.day) && (kind == nil || $0.placeKind == kind) }
            return KPIReading(
                year: year, value: Double(chosen.count), records: chosen.map { .booking($0.id, place: $0.placeID) })
        default:
            break
        }
        guard let kind = eventKind else { return nil }
        let events = facts.events.filter { event in
            event.kind == kind && inRange(event.day) && matches(event, network: networkID, facts: facts)
        }
        switch self {
        case .eventCount(_, _, let minimum):
            let counted = events.filter { $0.attendance >= (minimum ?? 0) }
            return KPIReading(year: year, value: Double(counted.count), records: counted.map { .event($0.id) })
        case .networkMeetings:
            return KPIReading(year: year, value: Double(events.count), records: events.map { .event($0.id) })
        case .eventAttendance:
            let attended = events.filter { $0.attendance > 0 }
            guard let lowest = attended.min(by: { $0.attendance < $1.attendance }) else { return nil }
            return KPIReading(year: year, value: Double(lowest.attendance), records: attended.map { .event($0.id) })
        case .eventCost:
            let costed = events.filter { $0.costCents != nil }
            guard let highest = costed.compactMap(\.costCents).max() else { return nil }
            return KPIReading(year: year, value: Double(highest) / 100, records: costed.map { .event($0.id) })
        case .sectorsAttending:
            let sectors = Set(events.flatMap(\.sectors))
            guard !events.isEmpty else { return nil }
            return KPIReading(year: year, value: Double(sectors.count), records: events.map { .event($0.id) })
        case .networkMembers, .placeBookings:
            return nil
        }
    }

    private func matches(_ event: PlanFacts.EventFact, network: NetworkID?, facts: PlanFacts) -> Bool {
        guard let network else { return true }
        if event.networkID == network { return true }
        let members = (facts.memberships[network] ?? []).filter { $0.isActive(on: event.day) }
        return event.organiserIDs.contains { organiser in members.contains { $0.organisationID == organiser } }
    }
}

extension KPI {
    /// The KPI's readings for each year of `years` up to today: computed by its rule, or the latest manual
    /// measurement of each year. A whole-period KPI computed by rule reads from the first year to each year's end.
    public func readings(years: ClosedRange<Int>, facts: PlanFacts, measurements: [KPIMeasurement]) -> [KPIReading] {
        let lastYear = min(years.upperBound, facts.today.year)
        guard years.lowerBound <= lastYear else { return [] }
        if let rule {
            return (years.lowerBound...lastYear).compactMap { year in
                let start = period == .whole ? years.lowerBound : year
                return rule.reading(
                    year: year, from: CalendarDay(year: start, month: 1, day: 1)!,
                    until: CalendarDay(year: year, month: 12, day: 31)!, facts: facts)
            }
        }
        let byYear = Dictionary(grouping: measurements.filter { $0.kpiID == id }, by: \.day.year)
        return byYear.keys.sorted().compactMap { year in
            guard let latest = byYear[year]?.max(by: { ($0.day, $0.createdAt) < ($1.day, $1.createdAt) }) else {
                return nil
            }
            return KPIReading(
                year: year, value: latest.value, records: [.measurement(latest.id)], evidence: latest.evidence)
        }
    }
}
