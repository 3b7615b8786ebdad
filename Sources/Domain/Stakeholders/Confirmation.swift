import Foundation

public typealias ConfirmationRoundID = Identifier<ConfirmationRound>
public typealias ConfirmationRequestID = Identifier<ConfirmationRequest>

/// A yearly round in which every organisation of a city is asked to confirm or correct its details.
public struct ConfirmationRound: Hashable, Sendable {
    public var id: ConfirmationRoundID
    public var cityID: CityID
    public var openedAt: Date
    /// The last day its links work.
    public var closesOn: CalendarDay
    public var closedAt: Date?

    public init(
        id: ConfirmationRoundID = ConfirmationRoundID(), cityID: CityID, openedAt: Date, closesOn: CalendarDay,
        closedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.openedAt = openedAt
        self.closesOn = closesOn
        self.closedAt = closedAt
    }

    /// Whether its links still work on `day`.
    public func isOpen(on day: CalendarDay) -> Bool { closedAt == nil && day <= closesOn }
}

/// One organisation's one-time link in a round, and what became of it.
public struct ConfirmationRequest: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case pending
        case confirmed
        case corrected
        /// The message could not be delivered (the mail server refused it, or a coordinator saw it come back).
        case bounced
    }

    public var id: ConfirmationRequestID
    public var roundID: ConfirmationRoundID
    public var organisationID: OrganisationID
    public var recipient: String
    public var messageID: Identifier<OutboxMessage>
    public var status: Status
    public var answeredAt: Date?

    public init(
        id: ConfirmationRequestID = ConfirmationRequestID(), roundID: ConfirmationRoundID,
        organisationID: OrganisationID, recipient: String, messageID: Identifier<OutboxMessage>,
        status: Status = .pending, answeredAt: Date? = nil
    ) {
        self.id = id
        self.roundID = roundID
        self.organisationID = organisationID
        self.recipient = recipient
        self.messageID = messageID
        self.status = status
        self.answeredAt = answeredAt
    }
}

/// Where rounds and their requests are kept. Tokens are stored only as digests.
public protocol ConfirmationRepository: Sendable {
    /// Stores a round with its requests and their messages in one transaction: all are sent or none.
    func open(
        _ round: ConfirmationRound, requests: [(request: ConfirmationRequest, token: String)],
        messages: [OutboxMessage]
    ) async throws
    /// The city's rounds, newest first.
    func rounds(city: CityID) async throws -> [ConfirmationRound]
    func close(_ round: ConfirmationRoundID, at: Date) async throws
    /// A round's requests; a pending one whose message the mail server refused reads as bounced.
    func requests(round: ConfirmationRoundID) async throws -> [ConfirmationRequest]
    func find(token: String) async throws -> ConfirmationRequest?
    func find(id: ConfirmationRequestID) async throws -> ConfirmationRequest?
    func markBounced(_ request: ConfirmationRequestID) async throws
    /// Answers a pending request and saves the organisation (stamped as confirmed) in one transaction.
    /// Returns false, changing nothing, when the request was no longer pending.
    func answer(
        _ request: ConfirmationRequestID, status: ConfirmationRequest.Status, organisation: Organisation, at: Date
    ) async throws -> Bool
}

/// Why an organisation's entry needs attention.
public enum StaleReason: String, Hashable, Sendable, CaseIterable, Comparable {
    case neverConfirmed = "never_confirmed"
    case notConfirmedThisYear = "not_confirmed_this_year"
    case noContactPerson = "no_contact_person"
    case noAddress = "no_address"
    case bounced

    public static func < (lhs: StaleReason, rhs: StaleReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An organisation on the staleness list, with every reason it is there.
public struct StaleEntry: Hashable, Sendable {
    public var organisation: Organisation
    public var reasons: [StaleReason]
}

/// The staleness list: which entries of the registry have gone out of date, and why.
public enum Staleness {
    /// Organisations not archived that were not confirmed in the last 12 months, have no current contact person,
    /// no address to send a link to, or whose latest link bounced. Most reasons first, then by creation.
    public static func list(
        organisations: [Organisation], withContacts: Set<OrganisationID>, withAddress: Set<OrganisationID>,
        latestRequests: [OrganisationID: ConfirmationRequest], now: Date, calendar: Calendar
    ) -> [StaleEntry] {
        let yearAgo = calendar.date(byAdding: .month, value: -12, to: now) ?? now
        var entries: [StaleEntry] = []
        for organisation in organisations where organisation.status != .archived {
            var reasons: [StaleReason] = []
            if let confirmed = organisation.lastConfirmedAt {
                if confirmed < yearAgo { reasons.append(.notConfirmedThisYear) }
            } else {
                reasons.append(.neverConfirmed)
            }
            if !withContacts.contains(organisation.id) { reasons.append(.noContactPerson) }
            if !withAddress.contains(organisation.id) { reasons.append(.noAddress) }
            if latestRequests[organisation.id]?.status == .bounced { reasons.append(.bounced) }
            if !reasons.isEmpty { entries.append(StaleEntry(organisation: organisation, reasons: reasons)) }
        }
        return entries.enumerated().sorted { lhs, rhs in
            lhs.element.reasons.count != rhs.element.reasons.count
                ? lhs.element.reasons.count > rhs.element.reasons.count : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
