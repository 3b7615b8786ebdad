import Foundation

public typealias HoursEntryID = Identifier<HoursEntry>

/// Time a volunteer logged for one day of an engagement, which the organisation approves as it is or corrected.
public struct HoursEntry: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case logged
        case approved
        case rejected
    }

    /// No one logs more than this in a day, across all their engagements.
    public static let dayLimitMinutes = 24 * 60

    public var id: HoursEntryID
    public var cityID: CityID
    public var applicationID: VolunteerApplicationID
    public var organisationID: OrganisationID
    public var personID: PersonID
    public var day: CalendarDay
    /// What the volunteer logged.
    public var minutes: Int
    /// What the organisation approved: `minutes`, or its correction; `nil` until decided.
    public var approvedMinutes: Int?
    public var note: String
    public var status: Status
    public var decidedBy: PersonID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: HoursEntryID = HoursEntryID(), cityID: CityID, applicationID: VolunteerApplicationID,
        organisationID: OrganisationID, personID: PersonID, day: CalendarDay, minutes: Int,
        approvedMinutes: Int? = nil, note: String = "", status: Status = .logged, decidedBy: PersonID? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.applicationID = applicationID
        self.organisationID = organisationID
        self.personID = personID
        self.day = day
        self.minutes = minutes
        self.approvedMinutes = approvedMinutes
        self.note = note
        self.status = status
        self.decidedBy = decidedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The minutes that count: approved ones only.
    public var countedMinutes: Int { status == .approved ? approvedMinutes ?? minutes : 0 }

    /// The minutes held against the day's limit: all but rejected ones, at their approved size once decided.
    public var claimedMinutes: Int { status == .rejected ? 0 : approvedMinutes ?? minutes }
}

/// Hours as typed: a day and a duration written `2`, `1.5`, `1,5` or `1:30`.
public struct HoursInput: Hashable, Sendable {
    public var day: String
    public var hours: String
    public var note: String

    public init(day: String = "", hours: String = "", note: String = "") {
        self.day = day
        self.hours = hours
        self.note = note
    }

    /// The day and minutes, checked against today and what the person already claimed that day.
    public func validate(today: CalendarDay, claimedThatDay: (CalendarDay) -> Int) throws(ValidationErrors) -> (
        day: CalendarDay, minutes: Int, note: String
    ) {
        var errors = ValidationErrors()
        let day = CalendarDay(day)
        errors.require(day != nil, "stakeholders.errors.date.invalid", field: "day")
        if let day { errors.require(day <= today, "volunteering.errors.hours.future", field: "day") }
        let minutes = Self.minutes(hours)
        errors.require(minutes != nil, "volunteering.errors.hours.invalid", field: "hours")
        if let minutes {
            errors.require(minutes > 0, "volunteering.errors.hours.not_positive", field: "hours")
            errors.require(minutes <= HoursEntry.dayLimitMinutes, "volunteering.errors.hours.over_day", field: "hours")
            if let day, minutes > 0, minutes <= HoursEntry.dayLimitMinutes {
                errors.require(
                    claimedThatDay(day) + minutes <= HoursEntry.dayLimitMinutes,
                    "volunteering.errors.hours.day_full", field: "hours")
            }
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(note.count <= 500, "common.errors.too_long", field: "note")
        if !errors.isEmpty { throw errors }
        return (day!, minutes!, note)
    }

    /// Minutes from `2`, `1.5`, `1,25`, `1:30` or `-1`; `nil` when it is not a duration.
    public static func minutes(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.count <= 8 else { return nil }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        var minutes: Int
        if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hours = Int(parts[0]), let rest = Int(parts[1]), hours >= 0,
                (0..<60).contains(rest), parts[1].count == 2
            else { return nil }
            minutes = hours * 60 + rest
        } else {
            guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let hours = Double(body) else {
                return nil
            }
            minutes = Int((hours * 60).rounded())
        }
        return negative ? -minutes : minutes
    }

    /// `1:30` for 90 minutes.
    public static func text(_ minutes: Int) -> String {
        String(format: "%d:%02d", minutes / 60, minutes % 60)
    }
}

/// Approved minutes summed by volunteer, organisation and month.
public struct HoursTotals: Hashable, Sendable {
    /// A month as `YYYY-MM`.
    public struct Key: Hashable, Sendable, Comparable {
        public var personID: PersonID
        public var organisationID: OrganisationID
        public var month: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.month, lhs.organisationID.description, lhs.personID.description)
                < (rhs.month, rhs.organisationID.description, rhs.personID.description)
        }
    }

    public private(set) var minutes: [Key: Int]

    public init(_ entries: [HoursEntry]) {
        var minutes: [Key: Int] = [:]
        for entry in entries where entry.countedMinutes > 0 {
            let key = Key(
                personID: entry.personID, organisationID: entry.organisationID,
                month: String(entry.day.description.prefix(7)))
            minutes[key, default: 0] += entry.countedMinutes
        }
        self.minutes = minutes
    }

    public var total: Int { minutes.values.reduce(0, +) }

    public func byPerson() -> [PersonID: Int] {
        minutes.reduce(into: [:]) { $0[$1.key.personID, default: 0] += $1.value }
    }

    public func byOrganisation() -> [OrganisationID: Int] {
        minutes.reduce(into: [:]) { $0[$1.key.organisationID, default: 0] += $1.value }
    }

    public func byMonth() -> [String: Int] {
        minutes.reduce(into: [:]) { $0[$1.key.month, default: 0] += $1.value }
    }
}

/// Which hours entries to list.
public struct HoursFilter: Hashable, Sendable {
    public var city: CityID
    public var organisations: Set<OrganisationID>?
    public var persons: Set<PersonID>?
    public var applications: Set<VolunteerApplicationID>?
    public var statuses: Set<HoursEntry.Status>
    public var from: CalendarDay?
    public var through: CalendarDay?

    public init(
        city: CityID, organisations: Set<OrganisationID>? = nil, persons: Set<PersonID>? = nil,
        applications: Set<VolunteerApplicationID>? = nil,
        statuses: Set<HoursEntry.Status> = Set(HoursEntry.Status.allCases), from: CalendarDay? = nil,
        through: CalendarDay? = nil
    ) {
        self.city = city
        self.organisations = organisations
        self.persons = persons
        self.applications = applications
        self.statuses = statuses
        self.from = from
        self.through = through
    }
}

/// The hours volunteers log and organisations decide, never more than a day's limit for one person and day.
public protocol HoursRepository: Sendable {
    /// Stores an hours entry unless the person's claimed minutes on that day would pass the day's limit; the
    /// check and the write are one transaction under a lock on the person.
    func log(_ entry: HoursEntry) async throws -> Bool
    func hoursEntry(id: HoursEntryID) async throws -> HoursEntry?
    func hours(_ filter: HoursFilter) async throws -> [HoursEntry]
    /// Approves (with `minutes`, possibly corrected) or rejects a logged entry; `false` when it was decided
    /// already or the correction would pass the day's limit.
    func decide(_ id: HoursEntryID, status: HoursEntry.Status, minutes: Int?, by: PersonID, at: Date) async throws
        -> Bool
}
