import Foundation

public typealias ReferralID = Identifier<Referral>
public typealias FeeLedgerEntryID = Identifier<FeeLedgerEntry>
public typealias MatchingRoundID = Identifier<MatchingRound>

/// A newcomer referred to an activity: by a caseworker directly, or proposed in a coordinator's matching round.
public struct Referral: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Part of a matching round not yet confirmed: nobody but the coordinator sees it.
        case proposed
        /// Waiting for the host organisation.
        case referred
        case accepted
        case declined
        /// The newcomer (or their caseworker) withdrew it.
        case withdrawn

        /// Holding a place at the activity.
        public var isActive: Bool { self == .referred || self == .accepted }
    }

    public var id: ReferralID
    public var cityID: CityID
    public var newcomerID: NewcomerID
    public var activityID: ActivityID
    /// The activity's organisation, which decides and is paid the fee.
    public var hostOrganisationID: OrganisationID
    public var status: Status
    /// The fit when it was made, and why (`MatchingReason.code`).
    public var score: Int
    public var reasons: [MatchingReason]
    /// The host's reason for declining.
    public var declineReason: String
    public var roundID: MatchingRoundID?
    public var referredBy: PersonID?
    /// The first day the newcomer took part; `nil` until then.
    public var firstParticipation: CalendarDay?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ReferralID = ReferralID(), cityID: CityID, newcomerID: NewcomerID, activityID: ActivityID,
        hostOrganisationID: OrganisationID, status: Status, score: Int, reasons: [MatchingReason],
        declineReason: String = "", roundID: MatchingRoundID? = nil, referredBy: PersonID?,
        firstParticipation: CalendarDay? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.newcomerID = newcomerID
        self.activityID = activityID
        self.hostOrganisationID = hostOrganisationID
        self.status = status
        self.score = score
        self.reasons = reasons
        self.declineReason = declineReason
        self.roundID = roundID
        self.referredBy = referredBy
        self.firstParticipation = firstParticipation
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// What the host organisation is owed for one referred newcomer's first participation in one activity (VIDA's
/// one-time fee per participant). There is at most one per newcomer and activity.
public struct FeeLedgerEntry: Hashable, Sendable {
    public var id: FeeLedgerEntryID
    public var cityID: CityID
    public var organisationID: OrganisationID
    public var activityID: ActivityID
    public var newcomerID: NewcomerID
    public var referralID: ReferralID
    /// The newcomer's pseudonym, so the ledger reads the same after their personal data is erased.
    public var pseudonym: String
    public var amountCents: Int
    /// The day of the first participation: the period the entry belongs to.
    public var day: CalendarDay
    public var createdAt: Date

    public init(
        id: FeeLedgerEntryID = FeeLedgerEntryID(), cityID: CityID, organisationID: OrganisationID,
        activityID: ActivityID, newcomerID: NewcomerID, referralID: ReferralID, pseudonym: String, amountCents: Int,
        day: CalendarDay, createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.organisationID = organisationID
        self.activityID = activityID
        self.newcomerID = newcomerID
        self.referralID = referralID
        self.pseudonym = pseudonym
        self.amountCents = amountCents
        self.day = day
        self.createdAt = createdAt
    }
}

/// A coordinator's matching round over a pool of newcomers: proposed referrals that nobody sees until the round is
/// confirmed.
public struct MatchingRound: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case proposed
        case confirmed
        case discarded
    }

    public var id: MatchingRoundID
    public var cityID: CityID
    /// The pool: newcomers recorded on these days who hold no active referral.
    public var from: CalendarDay
    public var through: CalendarDay
    public var status: Status
    /// The total fit of the proposal, which no other assignment of the pool beats.
    public var objective: Int
    /// How many newcomers were in the pool.
    public var poolSize: Int
    public var createdBy: PersonID?
    public var createdAt: Date
    public var decidedAt: Date?

    public init(
        id: MatchingRoundID = MatchingRoundID(), cityID: CityID, from: CalendarDay, through: CalendarDay,
        status: Status = .proposed, objective: Int, poolSize: Int, createdBy: PersonID?, createdAt: Date,
        decidedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.from = from
        self.through = through
        self.status = status
        self.objective = objective
        self.poolSize = poolSize
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.decidedAt = decidedAt
    }
}

/// The outcome of recording that a referred newcomer took part on a day.
public enum ParticipationOutcome: Hashable, Sendable {
    /// Recorded; `fee` is the ledger entry it created, when it was the first participation in a paid activity.
    case recorded(fee: FeeLedgerEntry?)
    /// That day was already recorded; nothing changed.
    case alreadyRecorded
    /// The referral is not accepted (or no longer is); nothing changed.
    case notAccepted
}

extension MatchingReason {
    /// A short stable text for storage: `interest:<id>`, `language:ar`, `time:1-2`, `distance:1200`, `trainings`.
    public var code: String {
        switch self {
        case .sharedInterest(let interest): return "interest:" + interest
        case .sharedLanguage(let language): return "language:" + language
        case .sharedTime(let day, let part): return "time:\(day)-\(part)"
        case .distance(let metres): return "distance:\(metres)"
        case .trainingsMet: return "trainings"
        }
    }

    /// Reads `code` back; `nil` for text that is not one.
    public init?(code: String) {
        if code == "trainings" {
            self = .trainingsMet
            return
        }
        guard let colon = code.firstIndex(of: ":") else { return nil }
        let value = String(code[code.index(after: colon)...])
        switch code[..<colon] {
        case "interest": self = .sharedInterest(value)
        case "language": self = .sharedLanguage(value)
        case "distance":
            guard let metres = Int(value), metres >= 0 else { return nil }
            self = .distance(metres: metres)
        case "time":
            let parts = value.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (0..<7).contains(parts[0]), (0..<3).contains(parts[1]) else { return nil }
            self = .sharedTime(day: parts[0], part: parts[1])
        default: return nil
        }
    }
}
