import Foundation

/// Keeping the registry current: yearly confirmation rounds with one-time links, and the staleness list.
public struct ConfirmationUseCases: Sendable {
    var confirmations: any ConfirmationRepository
    public var organisations: OrganisationUseCases
    var contacts: any ContactRepository
    public var now: @Sendable () -> Date

    /// How long a round's links work unless a coordinator closes it earlier.
    public static let roundLength = 60

    public init(
        confirmations: any ConfirmationRepository,
        organisations: OrganisationUseCases,
        contacts: any ContactRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.confirmations = confirmations
        self.organisations = organisations
        self.contacts = contacts
        self.now = now
    }

    /// A round with how its requests stand.
    public struct RoundProgress: Hashable, Sendable {
        public var round: ConfirmationRound
        public var requests: [ConfirmationRequest]

        public func count(_ status: ConfirmationRequest.Status) -> Int {
            requests.filter { $0.status == status }.count
        }
    }

    /// What the coordinator's dashboard shows about the registry.
    public struct Overview: Hashable, Sendable {
        public var organisationCount: Int
        public var stale: [StaleEntry]
        /// The latest round, open or not.
        public var latest: RoundProgress?
        public var isLatestOpen: Bool
    }

    /// The staleness list and the latest round. Coordinators only.
    public func overview(actor: Actor?, city: City) async throws -> Overview {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let all = try await organisations.organisations.list(city: city.id)
        let current = try await contacts.currentContacts(city: city.id)
        let latest = try await confirmations.rounds(city: city.id).first
        let requests = try await latest.asyncMap { try await confirmations.requests(round: $0.id) } ?? []
        let addresses = Self.addresses(all, contacts: current)
        let stale = Staleness.list(
            organisations: all, withContacts: Set(current.map(\.organisationID)),
            withAddress: Set(addresses.keys),
            latestRequests: Dictionary(
                requests.map { ($0.organisationID, $0) }, uniquingKeysWith: { first, _ in first }),
            now: now(), calendar: Self.calendar(city))
        return Overview(
            organisationCount: all.filter { $0.status != .archived }.count, stale: stale,
            latest: latest.map { RoundProgress(round: $0, requests: requests) },
            isLatestOpen: latest?.isOpen(on: today(city)) ?? false)
    }

    /// Opens a round: each organisation not archived that has an address gets a one-time link by email.
    /// Refused while another round is open. `message` renders the email from the organisation and its token.
    @discardableResult
    public func openRound(
        actor: Actor?, city: City,
        message: @Sendable (Organisation, String, CalendarDay) -> (subject: String, body: String)
    ) async throws -> RoundProgress {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        if let latest = try await confirmations.rounds(city: city.id).first, latest.isOpen(on: today(city)) {
            throw ValidationErrors(["round": ["stakeholders.errors.round.open"]])
        }
        let all = try await organisations.organisations.list(city: city.id).filter { $0.status != .archived }
        let addresses = Self.addresses(all, contacts: try await contacts.currentContacts(city: city.id))
        let round = ConfirmationRound(
            cityID: city.id, openedAt: now(), closesOn: today(city).adding(days: Self.roundLength))
        var requests: [(request: ConfirmationRequest, token: String)] = []
        var messages: [OutboxMessage] = []
        for organisation in all {
            guard let address = addresses[organisation.id] else { continue }
            let token = SecureToken.generate()
            let rendered = message(organisation, token, round.closesOn)
            let outgoing = OutboxMessage(
                recipient: address, subject: rendered.subject, body: rendered.body, createdAt: now())
            messages.append(outgoing)
            requests.append(
                (
                    ConfirmationRequest(
                        roundID: round.id, organisationID: organisation.id, recipient: address,
                        messageID: outgoing.id), token
                ))
        }
        try await confirmations.open(round, requests: requests, messages: messages)
        return RoundProgress(round: round, requests: requests.map(\.request))
    }

    /// Closes the open round early; its unused links stop working.
    public func closeRound(actor: Actor?, city: City, id: ConfirmationRoundID) async throws {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        guard let round = try await confirmations.rounds(city: city.id).first(where: { $0.id == id }) else {
            throw NotFound()
        }
        if round.closedAt == nil { try await confirmations.close(round.id, at: now()) }
    }

    /// Records that a link's message came back undelivered, so the organisation shows as bounced.
    public func markBounced(actor: Actor?, city: City, request id: ConfirmationRequestID) async throws {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        guard let request = try await confirmations.find(id: id),
            try await confirmations.rounds(city: city.id).contains(where: { $0.id == request.roundID })
        else { throw NotFound() }
        if request.status == .pending { try await confirmations.markBounced(id) }
    }

    /// Why a link no longer works.
    public enum LinkProblem: Error, Hashable, Sendable {
        case answered(ConfirmationRequest.Status)
        case expired
    }

    /// The organisation behind a one-time link. Unknown links are `NotFound`; used or expired ones a `LinkProblem`.
    public func organisation(city: City, token: String) async throws -> Organisation {
        try await open(city: city, token: token).organisation
    }

    /// The details are right as they stand: stamps the organisation as confirmed and uses up the link.
    public func confirm(city: City, token: String) async throws {
        let (request, organisation) = try await open(city: city, token: token)
        try await answer(request, status: .confirmed, organisation: organisation)
    }

    /// Saves the corrected details (all but the status, which only editors change) and uses up the link.
    /// Throws `ValidationErrors` leaving the link usable.
    @discardableResult
    public func correct(city: City, token: String, input: OrganisationInput) async throws -> Organisation {
        var (request, organisation) = try await open(city: city, token: token)
        var input = input
        input.status = organisation.status.rawValue
        let valid = try input.validate(in: try await organisations.context(city), id: organisation.id)
        valid.apply(to: &organisation, original: city.defaultLanguage)
        try await answer(request, status: .corrected, organisation: organisation)
        return organisation
    }

    private func answer(
        _ request: ConfirmationRequest, status: ConfirmationRequest.Status, organisation: Organisation
    ) async throws {
        var organisation = organisation
        organisation.lastConfirmedAt = now()
        guard try await confirmations.answer(request.id, status: status, organisation: organisation, at: now()) else {
            throw LinkProblem.answered(status)
        }
    }

    private func open(city: City, token: String) async throws -> (
        request: ConfirmationRequest, organisation: Organisation
    ) {
        guard let request = try await confirmations.find(token: token),
            let round = try await confirmations.rounds(city: city.id).first(where: { $0.id == request.roundID }),
            let organisation = try await organisations.organisations.find(id: request.organisationID)
        else { throw NotFound() }
        guard request.status == .pending || request.status == .bounced else {
            throw LinkProblem.answered(request.status)
        }
        guard round.isOpen(on: today(city)), organisation.status != .archived else { throw LinkProblem.expired }
        return (request, organisation)
    }

    /// Where each organisation's link goes: its first current contact person with an email, else its own address.
    static func addresses(_ organisations: [Organisation], contacts: [ContactPerson]) -> [OrganisationID: String] {
        var result: [OrganisationID: String] = [:]
        for organisation in organisations {
            if let email = organisation.email { result[organisation.id] = email }
        }
        let listed = Set(organisations.map(\.id))
        for contact in contacts.reversed() where listed.contains(contact.organisationID) {
            if let email = contact.email { result[contact.organisationID] = email }
        }
        return result
    }

    static func calendar(_ city: City) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: city.timeZone) ?? .current
        return calendar
    }

    func today(_ city: City) -> CalendarDay {
        CalendarDay(now(), in: TimeZone(identifier: city.timeZone) ?? .current)
    }
}
