import Foundation

public typealias VolunteerApplicationID = Identifier<VolunteerApplication>

/// A volunteer's application to an opportunity, which becomes their engagement with the organisation once
/// accepted: applied → accepted or declined → active → completed; withdrawn by the volunteer at any open step;
/// suspended while a required training has expired.
public struct VolunteerApplication: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case applied
        case accepted
        case declined
        case active
        /// A required training expired; it becomes active again when the training is renewed.
        case suspended
        case completed
        case withdrawn

        /// Still going on: the volunteer cannot apply to the same opportunity again.
        public var isOpen: Bool { self == .applied || self == .accepted || self == .active || self == .suspended }

        /// Taking one of the places the organisation wants.
        public var holdsPlace: Bool { self == .accepted || self == .active || self == .suspended }

        /// An engagement the volunteer can log hours for.
        public var takesHours: Bool { self == .active || self == .completed }

        /// The steps an organisation may take from here.
        public var organisationMoves: Set<Status> {
            switch self {
            case .applied: return [.accepted, .declined]
            case .accepted: return [.active, .declined]
            case .active: return [.completed, .suspended]
            case .suspended: return [.active, .completed]
            case .declined, .completed, .withdrawn: return []
            }
        }
    }

    public var id: VolunteerApplicationID
    public var cityID: CityID
    public var opportunityID: OpportunityID
    /// The opportunity's organisation, which decides.
    public var organisationID: OrganisationID
    public var personID: PersonID
    public var status: Status
    /// What the volunteer wrote when applying.
    public var message: String
    /// Why it was declined or suspended.
    public var reason: String
    /// The day it became active, and the day it was completed.
    public var startedOn: CalendarDay?
    public var endedOn: CalendarDay?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: VolunteerApplicationID = VolunteerApplicationID(), cityID: CityID, opportunityID: OpportunityID,
        organisationID: OrganisationID, personID: PersonID, status: Status = .applied, message: String = "",
        reason: String = "", startedOn: CalendarDay? = nil, endedOn: CalendarDay? = nil, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.opportunityID = opportunityID
        self.organisationID = organisationID
        self.personID = personID
        self.status = status
        self.message = message
        self.reason = reason
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Which applications to list.
public struct ApplicationFilter: Hashable, Sendable {
    public var city: CityID
    public var organisations: Set<OrganisationID>?
    public var persons: Set<PersonID>?
    public var opportunities: Set<OpportunityID>?
    public var statuses: Set<VolunteerApplication.Status>

    public init(
        city: CityID, organisations: Set<OrganisationID>? = nil, persons: Set<PersonID>? = nil,
        opportunities: Set<OpportunityID>? = nil,
        statuses: Set<VolunteerApplication.Status> = Set(VolunteerApplication.Status.allCases)
    ) {
        self.city = city
        self.organisations = organisations
        self.persons = persons
        self.opportunities = opportunities
        self.statuses = statuses
    }
}

/// What came of an attempt to move an application.
public enum ApplicationMove: Hashable, Sendable {
    case moved
    /// It was no longer in a state the move starts from (someone else acted first).
    case stale
    /// Accepting it would take more places than the opportunity wants.
    case full
}

/// Volunteers' applications and their moves from one status to the next.
///
/// Each change is one transaction; the messages passed along are queued in the outbox in that same transaction, so
/// nobody is told of a change that did not happen.
public protocol VolunteerApplicationRepository: Sendable {
    /// Stores a new application and queues `messages`; `false` (nothing stored) when the person already has an
    /// open application to the opportunity, also when two arrive at once.
    func apply(_ application: VolunteerApplication, messages: [OutboxMessage]) async throws -> Bool
    func application(id: VolunteerApplicationID) async throws -> VolunteerApplication?
    func applications(_ filter: ApplicationFilter) async throws -> [VolunteerApplication]
    /// Moves an application from one of `from` to `to` with a reason and queues `messages`. When `to` holds a
    /// place and `wanted` is given, the opportunity's places are counted under a lock first, so two organisations
    /// staff accepting at once cannot take more places than wanted.
    func move(
        _ id: VolunteerApplicationID, from: Set<VolunteerApplication.Status>, to: VolunteerApplication.Status,
        reason: String, day: CalendarDay, wanted: Int?, at: Date, messages: [OutboxMessage]
    ) async throws -> ApplicationMove
}
