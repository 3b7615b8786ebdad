import Foundation

public typealias BookingID = Identifier<Booking>

/// A request by an organisation to use a place for a while; the place's owner confirms or declines it.
/// Two confirmed bookings of one place never overlap.
public struct Booking: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case requested
        case confirmed
        case declined
        case cancelled
    }

    public var id: BookingID
    public var placeID: PlaceID
    public var organisationID: OrganisationID
    public var start: Date
    public var end: Date
    public var purpose: String
    public var status: Status
    /// Why it was declined, for the requester.
    public var reason: String
    public var requestedBy: PersonID?
    public var createdAt: Date
    public var decidedAt: Date?

    public init(
        id: BookingID = BookingID(), placeID: PlaceID, organisationID: OrganisationID, start: Date, end: Date,
        purpose: String, status: Status = .requested, reason: String = "", requestedBy: PersonID?, createdAt: Date,
        decidedAt: Date? = nil
    ) {
        self.id = id
        self.placeID = placeID
        self.organisationID = organisationID
        self.start = start
        self.end = end
        self.purpose = purpose
        self.status = status
        self.reason = reason
        self.requestedBy = requestedBy
        self.createdAt = createdAt
        self.decidedAt = decidedAt
    }

    public func overlaps(_ other: Booking) -> Bool { start < other.end && other.start < end }
}

/// A booking as typed into the form: a day and two clock times in the city's time zone.
public struct BookingInput: Hashable, Sendable {
    public var organisation: String
    public var day: String
    public var from: String
    public var until: String
    public var purpose: String

    public init(
        organisation: String = "", day: String = "", from: String = "", until: String = "", purpose: String = ""
    ) {
        self.organisation = organisation
        self.day = day
        self.from = from
        self.until = until
        self.purpose = purpose
    }

    /// Checks the fields against the place (bookable, open then) and the organisations the actor books for.
    public func validate(
        place: Place, organisations: Set<OrganisationID>, timeZone: TimeZone, now: Date
    ) throws(ValidationErrors) -> (organisation: OrganisationID, start: Date, end: Date, purpose: String) {
        var errors = ValidationErrors()
        errors.require(place.bookable, "directory.errors.booking.not_bookable", field: "day")
        let organisationID = OrganisationID(string: organisation).flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(organisationID != nil, "stakeholders.errors.organisation.unknown", field: "organisation")
        let day = CalendarDay(day)
        errors.require(day != nil, "stakeholders.errors.date.invalid", field: "day")
        let from = OpeningHours.minutes(from.trimmingCharacters(in: .whitespaces))
        let until = OpeningHours.minutes(until.trimmingCharacters(in: .whitespaces))
        errors.require(from != nil && from! < 24 * 60, "directory.errors.time.invalid", field: "from")
        errors.require(until != nil, "directory.errors.time.invalid", field: "until")
        let purpose = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!purpose.isEmpty, "common.errors.required", field: "purpose")
        errors.require(purpose.count <= 300, "common.errors.too_long", field: "purpose")
        var start: Date?
        var end: Date?
        if let day, let from, let until {
            start = Self.moment(day, minutes: from, in: timeZone)
            end = Self.moment(day, minutes: until, in: timeZone)
            if let start, let end {
                if end <= start {
                    errors.add("directory.errors.booking.reversed", to: "until")
                } else if start < now {
                    errors.add("directory.errors.booking.past", to: "day")
                } else if !place.hours.covers(start: start, end: end, timeZone: timeZone) {
                    errors.add("directory.errors.booking.closed", to: "from")
                }
            }
        }
        if !errors.isEmpty { throw errors }
        return (organisationID!, start!, end!, purpose)
    }

    /// The moment a clock shows on a day in a time zone (`24:00` is the next midnight).
    public static func moment(_ day: CalendarDay, minutes: Int, in timeZone: TimeZone) -> Date? {
        // The wall-clock time on that day, not minutes elapsed since midnight: on the days the clocks change the
        // two differ by an hour. 24:00 is the next day's midnight.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(
            from: DateComponents(
                year: day.year, month: day.month, day: day.day + minutes / 1440, hour: minutes % 1440 / 60,
                minute: minutes % 60))
    }
}

/// What confirming a booking came to.
public enum BookingConfirmation: Hashable, Sendable {
    case confirmed
    /// Another confirmed booking of the place overlaps; nothing changed.
    case overlaps(BookingID)
    /// The booking was no longer a request.
    case notRequested
}

/// Where bookings are kept.
public protocol BookingRepository: Sendable {
    func find(id: BookingID) async throws -> Booking?
    func create(_ booking: Booking) async throws
    /// A place's bookings that end after `from` and start before `until`, by start.
    func list(place: PlaceID, from: Date, until: Date) async throws -> [Booking]
    /// The confirmed bookings of any of `places` starting in `from..<until`, by start.
    func confirmed(places: [PlaceID], from: Date, until: Date) async throws -> [Booking]
    /// Confirms a requested booking unless a confirmed one of the same place overlaps. The check and the change
    /// happen in one transaction that holds the place, so concurrent confirmations cannot both succeed.
    func confirm(_ id: BookingID, at: Date) async throws -> BookingConfirmation
    /// Declines or cancels a booking that is requested or confirmed.
    func close(_ id: BookingID, as status: Booking.Status, reason: String, at: Date) async throws
}

/// How much a place is used: confirmed bookings and booked hours per month, the measure the action plan's
/// "use of places of encounter grows" needs.
public enum PlaceUsage {
    public struct Month: Hashable, Sendable {
        public var month: Int
        public var bookings: Int
        public var hours: Double
    }

    /// The twelve months of `year` in `timeZone`; a booking counts in the month it starts.
    public static func monthly(_ bookings: [Booking], year: Int, timeZone: TimeZone) -> [Month] {
        var months = (1...12).map { Month(month: $0, bookings: 0, hours: 0) }
        for booking in bookings where booking.status == .confirmed {
            let day = CalendarDay(booking.start, in: timeZone)
            guard day.year == year else { continue }
            months[day.month - 1].bookings += 1
            months[day.month - 1].hours += booking.end.timeIntervalSince(booking.start) / 3600
        }
        return months
    }
}
