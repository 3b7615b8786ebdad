import Foundation

public typealias PartnerCallID = Identifier<PartnerCall>
public typealias PartnerCallAnswerID = Identifier<PartnerCallAnswer>

/// "Looking for a partner to …": a notice on the city's bulletin board, posted by an organisation,
/// answered by others, and closed by the poster with an outcome.
public struct PartnerCall: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case open
        case closed
    }

    /// How a call ended.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case partnerFound = "partner_found"
        case noPartner = "no_partner"
        case withdrawn
    }

    public var id: PartnerCallID
    public var cityID: CityID
    public var organisationID: OrganisationID
    public var title: LocalizedText
    public var needs: LocalizedText
    public var offers: LocalizedText
    public var areaIDs: [AreaID]
    public var deadline: CalendarDay?
    public var status: Status
    public var outcome: Outcome?
    /// The organisation found, when the outcome is `partnerFound` and it is registered in the city.
    public var partnerID: OrganisationID?
    public var outcomeNote: String
    public var createdAt: Date
    public var closedAt: Date?

    public init(
        id: PartnerCallID = PartnerCallID(), cityID: CityID, organisationID: OrganisationID, title: LocalizedText,
        needs: LocalizedText, offers: LocalizedText = .init(), areaIDs: [AreaID] = [], deadline: CalendarDay? = nil,
        status: Status = .open, outcome: Outcome? = nil, partnerID: OrganisationID? = nil, outcomeNote: String = "",
        createdAt: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.organisationID = organisationID
        self.title = title
        self.needs = needs
        self.offers = offers
        self.areaIDs = areaIDs
        self.deadline = deadline
        self.status = status
        self.outcome = outcome
        self.partnerID = partnerID
        self.outcomeNote = outcomeNote
        self.createdAt = createdAt
        self.closedAt = closedAt
    }

    /// Whether the call is open and its deadline (if any) has not passed on `day`.
    public func isCurrent(on day: CalendarDay) -> Bool {
        status == .open && (deadline.map { day <= $0 } ?? true)
    }
}

/// An organisation's answer to a partner call. Seen by the poster, the answerer and coordinators.
public struct PartnerCallAnswer: Hashable, Sendable {
    public var id: PartnerCallAnswerID
    public var callID: PartnerCallID
    public var organisationID: OrganisationID
    /// Who wrote it; `nil` once that account is erased.
    public var authorID: PersonID?
    public var message: String
    public var createdAt: Date

    public init(
        id: PartnerCallAnswerID = PartnerCallAnswerID(), callID: PartnerCallID, organisationID: OrganisationID,
        authorID: PersonID?, message: String, createdAt: Date
    ) {
        self.id = id
        self.callID = callID
        self.organisationID = organisationID
        self.authorID = authorID
        self.message = message
        self.createdAt = createdAt
    }
}

/// Which calls the board shows.
public struct PartnerCallFilter: Hashable, Sendable {
    public var status: PartnerCall.Status
    public var areaID: AreaID?
    public var organisationID: OrganisationID?

    public init(status: PartnerCall.Status = .open, areaID: AreaID? = nil, organisationID: OrganisationID? = nil) {
        self.status = status
        self.areaID = areaID
        self.organisationID = organisationID
    }
}

/// Where partner calls and their answers are kept.
public protocol PartnerCallRepository: Sendable {
    func find(id: PartnerCallID) async throws -> PartnerCall?
    /// The city's calls passing the filter, newest first.
    func list(city: CityID, filter: PartnerCallFilter) async throws -> [PartnerCall]
    func save(_ call: PartnerCall) async throws
    func answers(to call: PartnerCallID) async throws -> [PartnerCallAnswer]
    func addAnswer(_ answer: PartnerCallAnswer) async throws
}
