import Foundation

/// The coordinator's side of referrals: matching rounds reviewed before anyone is told, monitoring with small
/// counts hidden, and the fee ledger (which host organisations also read for themselves).
extension ReferralUseCases {
    /// A proposal or referral of a round as the coordinator reviews it.
    public struct RoundLine: Hashable, Sendable {
        public var referral: Referral
        public var activity: Activity?
        public var pseudonym: String
    }

    /// A city's rounds, newest first (coordinators).
    public func rounds(actor: Actor?, city: CityID) async throws -> [MatchingRound] {
        guard Authorization.allows(actor, .coordinate(city)) else { throw NotPermitted() }
        return try await referrals.rounds(city: city)
    }

    /// Runs a round over the newcomers recorded from `from` through `through` (days in the city) who hold no open
    /// referral, among the referral-eligible activities with places left. The proposal is optimal and stays
    /// invisible to everyone else until it is confirmed. One proposed round at a time.
    @discardableResult
    public func runRound(actor: Actor?, city: City, from fromText: String, through throughText: String) async throws
        -> MatchingRound
    {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        var errors = ValidationErrors()
        let from = CalendarDay(fromText.trimmingCharacters(in: .whitespaces))
        let through = CalendarDay(throughText.trimmingCharacters(in: .whitespaces))
        errors.require(from != nil, "stakeholders.errors.date.invalid", field: "from")
        errors.require(through != nil, "stakeholders.errors.date.invalid", field: "through")
        if let from, let through { errors.require(from <= through, "matching.errors.round.period", field: "through") }
        let existing = try await referrals.rounds(city: city.id)
        errors.require(
            !existing.contains { $0.status == .proposed }, "matching.errors.round.open", field: "round")
        try errors.throwIfAny()
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let open = Set(
            try await referrals.referrals(ReferralFilter(city: city.id, statuses: [.referred, .accepted]))
                .map(\.newcomerID))
        let homes = try await homes(city: city.id)
        let pool = try await referrals.newcomers(city: city.id, organisations: nil).filter { newcomer in
            let day = CalendarDay(newcomer.createdAt, in: zone)
            return newcomer.erasedAt == nil && !open.contains(newcomer.id) && day >= from! && day <= through!
        }.sorted { $0.createdAt < $1.createdAt }
        let candidates = try await candidates(city: city)
        let result = matching(city).propose(
            pool: pool.map { ($0, homes[$0.areaID?.description ?? ""]) }, among: candidates)
        let round = MatchingRound(
            cityID: city.id, from: from!, through: through!, objective: result.objective, poolSize: pool.count,
            createdBy: actor?.person.id, createdAt: now())
        let proposals = result.proposals.map { proposal in
            let activity = candidates[proposal.activity].activity
            return Referral(
                cityID: city.id, newcomerID: pool[proposal.newcomer].id, activityID: activity.id,
                hostOrganisationID: activity.organisationID, status: .proposed, score: proposal.fit.score,
                reasons: proposal.fit.reasons, roundID: round.id, referredBy: actor?.person.id, createdAt: now())
        }
        try await referrals.save(round, proposals: proposals)
        return round
    }

    /// A round with its lines, by pseudonym (coordinators).
    public func round(actor: Actor?, city: CityID, id: MatchingRoundID) async throws -> (MatchingRound, [RoundLine]) {
        guard Authorization.allows(actor, .coordinate(city)) else { throw NotPermitted() }
        guard let round = try await referrals.round(id: id), round.cityID == city else { throw NotFound() }
        let list = try await referrals.referrals(ReferralFilter(city: city, roundID: id))
        let pseudonyms = Dictionary(
            try await referrals.newcomers(city: city, organisations: nil).map { ($0.id, $0.pseudonym) }
        ) { first, _ in
            first
        }
        let lines = try await withActivities(list).map { referral, activity in
            RoundLine(referral: referral, activity: activity, pseudonym: pseudonyms[referral.newcomerID] ?? "")
        }
        return (round, lines.sorted { $0.pseudonym < $1.pseudonym })
    }

    /// Confirms a proposed round: its proposals become referrals and only now are the host organisations told.
    public func confirmRound(actor: Actor?, city: City, id: MatchingRoundID, notice: Notice) async throws {
        let (round, lines) = try await round(actor: actor, city: city.id, id: id)
        guard round.status == .proposed else { throw ValidationErrors(["round": ["matching.errors.round.decided"]]) }
        var messages: [OutboxMessage] = []
        for line in lines {
            guard let activity = line.activity else { continue }
            var referral = line.referral
            referral.status = .referred
            messages += try await messagesToHost(referral, activity, .referred, city: city, notice)
        }
        guard try await referrals.confirm(id, at: now(), messages: messages) else {
            throw ValidationErrors(["round": ["matching.errors.round.decided"]])
        }
    }

    /// Discards a proposed round; nobody was told of it.
    public func discardRound(actor: Actor?, city: City, id: MatchingRoundID) async throws {
        let (round, _) = try await round(actor: actor, city: city.id, id: id)
        guard round.status == .proposed, try await referrals.discard(id, at: now()) else {
            throw ValidationErrors(["round": ["matching.errors.round.decided"]])
        }
    }

    /// Takes one pair out of a proposed round before confirming it.
    public func removeProposal(actor: Actor?, city: City, round id: MatchingRoundID, referral: ReferralID)
        async throws
    {
        let (round, lines) = try await round(actor: actor, city: city.id, id: id)
        guard round.status == .proposed else { throw ValidationErrors(["round": ["matching.errors.round.decided"]]) }
        guard lines.contains(where: { $0.referral.id == referral }) else { throw NotFound() }
        try await referrals.removeProposal(referral)
    }

    /// Referred, matched and participating newcomers, in total, by area and by language, small counts hidden
    /// (coordinators).
    public func monitoring(actor: Actor?, city: CityID) async throws -> ReferralMonitoring {
        guard Authorization.allows(actor, .coordinate(city)) else { throw NotPermitted() }
        return ReferralMonitoring.compute(
            newcomers: try await referrals.newcomers(city: city, organisations: nil),
            referrals: try await referrals.referrals(ReferralFilter(city: city)))
    }

    /// The organisations whose ledger the actor reads: every one for coordinators, else those they edit.
    public func ledgerOrganisations(actor: Actor?, city: CityID) async throws -> [Organisation] {
        try await organisations.acting(for: actor, city: city)
    }

    /// Fee entries on days `from...through`, of one organisation or of all the actor may read.
    public func ledger(
        actor: Actor?, city: CityID, organisation: OrganisationID?, from: CalendarDay, through: CalendarDay
    ) async throws -> [FeeLedgerEntry] {
        let readable = Set(try await ledgerOrganisations(actor: actor, city: city).map(\.id))
        guard !readable.isEmpty else { throw NotPermitted() }
        if let organisation, !readable.contains(organisation) { throw NotPermitted() }
        let all = Authorization.allows(actor, .coordinate(city)) && organisation == nil
        return try await referrals.ledger(city: city, organisation: organisation, from: from, through: through)
            .filter { all || readable.contains($0.organisationID) }
    }
}
