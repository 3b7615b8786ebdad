import Foundation

/// The host organisation's side of referrals: the newcomers referred to its activities, accepting or declining
/// them, and recording that they took part (which adds the fee to the ledger the first time).
extension ReferralUseCases {
    /// A referral as the host sees it: the newcomer only by pseudonym and languages.
    public struct HostView: Hashable, Sendable {
        public var referral: Referral
        public var activity: Activity?
        public var pseudonym: String
        public var languages: [LanguageCode]
    }

    /// Whether the actor decides on referrals to an organisation's activities: its editors, or coordinators.
    public static func mayHost(_ actor: Actor?, city: CityID, organisation: OrganisationID) -> Bool {
        Authorization.allows(actor, .editOrganisation(city, organisation))
    }

    /// Referrals to the activities of the organisations the actor acts for, waiting ones first, then newest.
    public func hosted(actor: Actor?, city: CityID) async throws -> [HostView] {
        let acting = Set(try await organisations.acting(for: actor, city: city).map(\.id))
        guard !acting.isEmpty else { return [] }
        let list = try await referrals.referrals(
            ReferralFilter(
                city: city, hostOrganisationIDs: acting,
                statuses: Set(Referral.Status.allCases).subtracting([.proposed])))
        let newcomers = Dictionary(
            try await referrals.newcomers(city: city, organisations: nil).map { ($0.id, $0) }
        ) { first, _ in first }
        return try await withActivities(list).map { referral, activity in
            HostView(
                referral: referral, activity: activity, pseudonym: newcomers[referral.newcomerID]?.pseudonym ?? "",
                languages: newcomers[referral.newcomerID]?.languages ?? [])
        }.sorted { left, right in
            let leftWaiting = left.referral.status == .referred
            let rightWaiting = right.referral.status == .referred
            if leftWaiting != rightWaiting { return leftWaiting }
            return left.referral.createdAt > right.referral.createdAt
        }
    }

    /// A referral the actor may decide on, with its activity.
    func hostedReferral(actor: Actor?, city: CityID, id: ReferralID) async throws -> (Referral, Activity) {
        guard let referral = try await referrals.referral(id: id), referral.cityID == city,
            referral.status != .proposed, let activity = try await activities.find(id: referral.activityID)
        else { throw NotFound() }
        guard Self.mayHost(actor, city: city, organisation: referral.hostOrganisationID) else { throw NotPermitted() }
        return (referral, activity)
    }

    /// The host accepts a waiting referral; the caseworker is told.
    public func accept(actor: Actor?, city: City, referral id: ReferralID, notice: Notice) async throws {
        let (referral, activity) = try await hostedReferral(actor: actor, city: city.id, id: id)
        let messages = try await messageToCaseworker(referral, activity, .accepted, notice)
        guard try await referrals.move(id, from: [.referred], to: .accepted, reason: "", at: now(), messages: messages)
        else { throw ValidationErrors(["referral": ["matching.errors.referral.decided"]]) }
    }

    /// The host declines a waiting or accepted referral with a reason; the caseworker is told.
    public func decline(actor: Actor?, city: City, referral id: ReferralID, reason: String, notice: Notice)
        async throws
    {
        let (referral, activity) = try await hostedReferral(actor: actor, city: city.id, id: id)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = ValidationErrors()
        errors.require(!reason.isEmpty, "common.errors.required", field: "reason")
        errors.require(reason.count <= 500, "common.errors.too_long", field: "reason")
        try errors.throwIfAny()
        let messages = try await messageToCaseworker(referral, activity, .declined(reason: reason), notice)
        guard
            try await referrals.move(
                id, from: [.referred, .accepted], to: .declined, reason: reason, at: now(), messages: messages)
        else { throw ValidationErrors(["referral": ["matching.errors.referral.decided"]]) }
    }

    /// The host records that the newcomer took part on a day (`YYYY-MM-DD`, not in the future). The first time, in
    /// an activity with a referral fee, the fee is added to the host's ledger, once per newcomer and activity.
    @discardableResult
    public func recordParticipation(actor: Actor?, city: City, referral id: ReferralID, day text: String)
        async throws -> ParticipationOutcome
    {
        let (referral, activity) = try await hostedReferral(actor: actor, city: city.id, id: id)
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        guard let day = CalendarDay(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationErrors(["day": ["stakeholders.errors.date.invalid"]])
        }
        guard day <= CalendarDay(now(), in: zone) else {
            throw ValidationErrors(["day": ["matching.errors.day.future"]])
        }
        guard day >= CalendarDay(referral.createdAt, in: zone) else {
            throw ValidationErrors(["day": ["matching.errors.day.before_referral"]])
        }
        let pseudonym = try await referrals.newcomer(id: referral.newcomerID)?.pseudonym ?? ""
        let fee =
            activity.referralFeeCents > 0
            ? FeeLedgerEntry(
                cityID: city.id, organisationID: referral.hostOrganisationID, activityID: activity.id,
                newcomerID: referral.newcomerID, referralID: referral.id, pseudonym: pseudonym,
                amountCents: activity.referralFeeCents, day: day, createdAt: now())
            : nil
        let outcome = try await referrals.recordParticipation(id, day: day, fee: fee, at: now())
        if outcome == .notAccepted { throw ValidationErrors(["referral": ["matching.errors.referral.not_accepted"]]) }
        return outcome
    }

    /// A message to the caseworker who made the referral (when their account still exists).
    func messageToCaseworker(_ referral: Referral, _ activity: Activity, _ kind: NoticeKind, _ notice: Notice)
        async throws -> [OutboxMessage]
    {
        guard let id = referral.referredBy, let person = try await persons.find(id: id) else { return [] }
        let text = notice(kind, referral, activity, person.preferredLanguage)
        return [OutboxMessage(recipient: person.email, subject: text.subject, body: text.body, createdAt: now())]
    }
}
