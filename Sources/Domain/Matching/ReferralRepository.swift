import Foundation

/// Which referrals to list.
public struct ReferralFilter: Hashable, Sendable {
    public var city: CityID
    public var newcomerIDs: Set<NewcomerID>?
    public var hostOrganisationIDs: Set<OrganisationID>?
    public var roundID: MatchingRoundID?
    public var statuses: Set<Referral.Status>

    public init(
        city: CityID, newcomerIDs: Set<NewcomerID>? = nil, hostOrganisationIDs: Set<OrganisationID>? = nil,
        roundID: MatchingRoundID? = nil, statuses: Set<Referral.Status> = Set(Referral.Status.allCases)
    ) {
        self.city = city
        self.newcomerIDs = newcomerIDs
        self.hostOrganisationIDs = hostOrganisationIDs
        self.roundID = roundID
        self.statuses = statuses
    }
}

/// Newcomers, their referrals, participation, the host organisations' fee ledger and matching rounds.
///
/// Every method that changes more than one row does it in one transaction; messages passed along are queued in
/// the outbox in that same transaction, so nobody is told of a change that did not happen.
public protocol ReferralRepository: Sendable {
    /// Adds a newcomer with the digest of their access code, or updates one (`accessCode` nil keeps the code).
    func save(_ newcomer: Newcomer, accessCode: String?) async throws
    func newcomer(id: NewcomerID) async throws -> Newcomer?
    /// The newcomer whose access code this is (in its printed form); `nil` after erasure.
    func newcomer(accessCode: String) async throws -> Newcomer?
    /// A city's newcomers, of the given organisations only when `organisations` is not nil.
    func newcomers(city: CityID, organisations: Set<OrganisationID>?) async throws -> [Newcomer]
    /// Clears the newcomer's name, contact and profile, voids the access code and withdraws active referrals. The
    /// pseudonym, past referrals and fee entries stay.
    func erase(_ id: NewcomerID, at: Date) async throws

    /// Stores new referrals and queues `messages`.
    func create(_ referrals: [Referral], messages: [OutboxMessage]) async throws
    func referral(id: ReferralID) async throws -> Referral?
    func referrals(_ filter: ReferralFilter) async throws -> [Referral]
    /// How many referrals hold a place (referred or accepted) at each of a city's activities.
    func activeCounts(city: CityID) async throws -> [ActivityID: Int]
    /// Moves a referral from one of `from` to `to` and queues `messages`; `false` (and nothing changed) when it was
    /// in none of them, for example because someone else decided first.
    func move(
        _ id: ReferralID, from: Set<Referral.Status>, to: Referral.Status, reason: String, at: Date,
        messages: [OutboxMessage]
    ) async throws -> Bool
    /// Records that the newcomer took part on `day`, and on the first participation in a paid activity adds `fee`
    /// to the ledger unless the newcomer already has an entry for that activity (a unique key, so concurrent
    /// recordings add at most one).
    func recordParticipation(_ id: ReferralID, day: CalendarDay, fee: FeeLedgerEntry?, at: Date) async throws
        -> ParticipationOutcome
    /// Fee entries of a city on days in `from...through`, of one organisation when given, oldest first.
    func ledger(city: CityID, organisation: OrganisationID?, from: CalendarDay, through: CalendarDay) async throws
        -> [FeeLedgerEntry]

    /// Stores a new round with its proposals (referrals in status `proposed`).
    func save(_ round: MatchingRound, proposals: [Referral]) async throws
    func round(id: MatchingRoundID) async throws -> MatchingRound?
    /// A city's rounds, newest first.
    func rounds(city: CityID) async throws -> [MatchingRound]
    /// Turns a proposed round's proposals into referrals and queues `messages`; `false` when the round is no longer
    /// proposed.
    func confirm(_ round: MatchingRoundID, at: Date, messages: [OutboxMessage]) async throws -> Bool
    /// Drops a proposed round's proposals; `false` when it is no longer proposed.
    func discard(_ round: MatchingRoundID, at: Date) async throws -> Bool
    /// Drops one proposal of a proposed round.
    func removeProposal(_ id: ReferralID) async throws
}
