import Foundation

/// Caseworker referrals of newcomers to referral-eligible activities (Stockholm's VIDA): recording a newcomer,
/// ranked and explained suggestions, referring, and the newcomer's own view with their access code. The host
/// organisation's side is in `HostReferralUseCases.swift`, rounds, monitoring and the ledger in
/// `MatchingRoundUseCases.swift`.
///
/// Who sees what: a newcomer's name and contact only the caseworkers of the organisation that recorded them; the
/// host organisation and coordinators see the pseudonym and what the newcomer has in common with the activity.
public struct ReferralUseCases: Sendable {
    var referrals: any ReferralRepository
    var activities: any ActivityRepository
    var places: any PlaceRepository
    var areas: any AreaRepository
    var organisations: any OrganisationRepository
    var roles: any RoleRepository
    var persons: any PersonRepository
    public var weights: MatchingWeights
    public var now: @Sendable () -> Date

    public init(
        referrals: any ReferralRepository, activities: any ActivityRepository, places: any PlaceRepository,
        areas: any AreaRepository, organisations: any OrganisationRepository, roles: any RoleRepository,
        persons: any PersonRepository, weights: MatchingWeights = .standard,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.referrals = referrals
        self.activities = activities
        self.places = places
        self.areas = areas
        self.organisations = organisations
        self.roles = roles
        self.persons = persons
        self.weights = weights
        self.now = now
    }

    /// What a message is about; the web layer writes it in the recipient's language.
    public enum NoticeKind: Hashable, Sendable {
        /// To the host organisation's editors: a newcomer was referred to their activity.
        case referred
        /// To the caseworker: the host accepted.
        case accepted
        /// To the caseworker: the host declined, with the reason.
        case declined(reason: String)
        /// To the host organisation's editors: the newcomer withdrew.
        case withdrawn
    }

    /// Writes a message about a referral to an activity, in a language.
    public typealias Notice =
        @Sendable (NoticeKind, Referral, Activity, LanguageCode) -> (subject: String, body: String)

    // MARK: Caseworkers

    /// The organisations in whose name the actor refers newcomers: those of their caseworker roles in the city.
    public static func caseworkerOrganisations(_ actor: Actor?, city: CityID) -> Set<OrganisationID> {
        Set(
            actor?.roles.filter { $0.kind == .caseworker && $0.cityID == city }.compactMap(\.organisationID) ?? [])
    }

    /// The newcomers recorded by the actor's organisations, newest first. Only caseworkers.
    public func newcomers(actor: Actor?, city: CityID) async throws -> [Newcomer] {
        let own = Self.caseworkerOrganisations(actor, city: city)
        guard !own.isEmpty else { throw NotPermitted() }
        return try await referrals.newcomers(city: city, organisations: own).sorted { $0.createdAt > $1.createdAt }
    }

    /// One newcomer, for a caseworker of the organisation that recorded them; anyone else is refused.
    public func newcomer(actor: Actor?, city: CityID, id: NewcomerID) async throws -> Newcomer {
        guard let newcomer = try await referrals.newcomer(id: id), newcomer.cityID == city else { throw NotFound() }
        guard Self.caseworkerOrganisations(actor, city: city).contains(newcomer.organisationID) else {
            throw NotPermitted()
        }
        return newcomer
    }

    /// Records a newcomer for one of the actor's organisations and returns them with the access code to hand over
    /// (shown once: only its digest is kept).
    public func record(actor: Actor?, city: City, organisation: String, input: NewcomerInput) async throws -> (
        Newcomer, accessCode: String
    ) {
        let own = Self.caseworkerOrganisations(actor, city: city.id)
        guard let actor, !own.isEmpty else { throw NotPermitted() }
        let chosen =
            own.count == 1 ? own.first : OrganisationID(string: organisation).flatMap { own.contains($0) ? $0 : nil }
        var newcomer = Newcomer(
            cityID: city.id, organisationID: chosen ?? own.first!, caseworkerID: actor.person.id, createdAt: now())
        var errors = ValidationErrors()
        if chosen == nil { errors.add("stakeholders.errors.organisation.unknown", to: "organisation") }
        do {
            try await apply(input, to: &newcomer, city: city.id)
        } catch let problems as ValidationErrors {
            errors.add(problems)
        }
        try errors.throwIfAny()
        let code = Newcomer.makeAccessCode()
        try await referrals.save(newcomer, accessCode: code)
        return (newcomer, code)
    }

    /// Changes a newcomer's profile (their caseworkers).
    @discardableResult
    public func update(actor: Actor?, city: City, id: NewcomerID, input: NewcomerInput) async throws -> Newcomer {
        var newcomer = try await newcomer(actor: actor, city: city.id, id: id)
        guard newcomer.erasedAt == nil else { throw NotFound() }
        try await apply(input, to: &newcomer, city: city.id)
        try await referrals.save(newcomer, accessCode: nil)
        return newcomer
    }

    /// Gives the newcomer a new access code (when the old one is lost), voiding the old one.
    public func renewAccessCode(actor: Actor?, city: City, id: NewcomerID) async throws -> String {
        let newcomer = try await newcomer(actor: actor, city: city.id, id: id)
        guard newcomer.erasedAt == nil else { throw NotFound() }
        let code = Newcomer.makeAccessCode()
        try await referrals.save(newcomer, accessCode: code)
        return code
    }

    /// Erases a newcomer's personal data (their caseworkers), withdrawing the referrals still open.
    public func erase(actor: Actor?, city: City, id: NewcomerID) async throws {
        let newcomer = try await newcomer(actor: actor, city: city.id, id: id)
        try await referrals.erase(newcomer.id, at: now())
    }

    private func apply(_ input: NewcomerInput, to newcomer: inout Newcomer, city: CityID) async throws {
        let categories = try await activities.categories(city: city)
        let areas = try await areas.list(city: city)
        try input.apply(
            to: &newcomer, categoriesByCode: Dictionary(categories.map { ($0.code, $0.id) }) { first, _ in first },
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }) { first, _ in first }, now: now())
    }

    /// The newcomer's referrals, newest first, with their activities.
    public func referrals(of newcomer: Newcomer) async throws -> [(Referral, Activity?)] {
        let list = try await referrals.referrals(
            ReferralFilter(city: newcomer.cityID, newcomerIDs: [newcomer.id])
        ).sorted { $0.createdAt > $1.createdAt }
        return try await withActivities(list)
    }

    /// Referral-eligible activities ranked by how well they fit the newcomer, with the reasons, leaving out full
    /// ones and ones the newcomer already holds a referral to.
    public func suggestions(actor: Actor?, city: City, id: NewcomerID, limit: Int = 10) async throws
        -> [ReferralSuggestion]
    {
        let newcomer = try await newcomer(actor: actor, city: city.id, id: id)
        guard newcomer.erasedAt == nil else { return [] }
        let held = Set(
            try await referrals.referrals(
                ReferralFilter(city: city.id, newcomerIDs: [newcomer.id], statuses: [.referred, .accepted])
            ).map(\.activityID))
        let candidates = try await self.candidates(city: city).filter { !held.contains($0.activity.id) }
        let home = try await homes(city: city.id)[newcomer.areaID.map(\.description) ?? ""]
        return matching(city).suggestions(for: newcomer, home: home, among: candidates, limit: limit)
    }

    /// Refers a newcomer to an activity (their caseworkers) and tells the host organisation's editors.
    @discardableResult
    public func refer(
        actor: Actor?, city: City, newcomer id: NewcomerID, activity activityID: ActivityID, notice: Notice
    ) async throws -> Referral {
        let newcomer = try await newcomer(actor: actor, city: city.id, id: id)
        guard newcomer.erasedAt == nil else { throw NotFound() }
        let candidates = try await candidates(city: city)
        guard let candidate = candidates.first(where: { $0.activity.id == activityID }) else {
            throw ValidationErrors(["activity": ["matching.errors.activity.not_eligible"]])
        }
        let open = try await referrals.referrals(
            ReferralFilter(city: city.id, newcomerIDs: [newcomer.id], statuses: [.referred, .accepted]))
        if open.contains(where: { $0.activityID == activityID }) {
            throw ValidationErrors(["activity": ["matching.errors.activity.already_referred"]])
        }
        if let remaining = candidate.remaining, remaining <= 0 {
            throw ValidationErrors(["activity": ["matching.errors.activity.full"]])
        }
        let home = try await homes(city: city.id)[newcomer.areaID.map(\.description) ?? ""]
        let fit = matching(city).suggestions(for: newcomer, home: home, among: [candidate], limit: 1).first?.fit
        let referral = Referral(
            cityID: city.id, newcomerID: newcomer.id, activityID: activityID,
            hostOrganisationID: candidate.activity.organisationID, status: .referred, score: fit?.score ?? 0,
            reasons: fit?.reasons ?? [], referredBy: actor?.person.id, createdAt: now())
        try await referrals.create(
            [referral], messages: try await messagesToHost(referral, candidate.activity, .referred, city: city, notice))
        return referral
    }

    // MARK: The newcomer, with their access code

    /// The newcomer an access code belongs to, in the city; `nil` for a wrong code.
    public func newcomer(city: CityID, accessCode typed: String) async throws -> Newcomer? {
        guard let code = Newcomer.normalisedAccessCode(typed),
            let newcomer = try await referrals.newcomer(accessCode: code), newcomer.cityID == city,
            newcomer.erasedAt == nil
        else { return nil }
        return newcomer
    }

    /// The newcomer withdraws one of their referrals still open; the host organisation's editors are told.
    public func withdraw(city: City, accessCode: String, referral id: ReferralID, notice: Notice) async throws {
        guard let newcomer = try await newcomer(city: city.id, accessCode: accessCode) else { throw NotPermitted() }
        guard let referral = try await referrals.referral(id: id), referral.newcomerID == newcomer.id,
            referral.status != .proposed
        else { throw NotFound() }
        guard let activity = try await activities.find(id: referral.activityID) else { throw NotFound() }
        let messages = try await messagesToHost(referral, activity, .withdrawn, city: city, notice)
        guard
            try await referrals.move(
                id, from: [.referred, .accepted], to: .withdrawn, reason: "", at: now(), messages: messages)
        else { throw ValidationErrors(["referral": ["matching.errors.referral.closed"]]) }
    }

    // MARK: Shared by the other use cases

    func matching(_ city: City) -> ReferralMatching {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        return ReferralMatching(weights: weights, timeZone: zone, today: CalendarDay(now(), in: zone))
    }

    /// The city's published, referral-eligible activities that have not ended, with their places and the places
    /// left for referred newcomers.
    func candidates(city: City) async throws -> [ReferralMatching.Candidate] {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        var query = ActivityQuery(city: city.id, readerLanguage: city.defaultLanguage)
        query.referralEligibleOnly = true
        query.notEndedBefore = CalendarDay(now(), in: zone)
        let eligible = try await activities.search(query, offset: 0, limit: 5_000)
        let places = try await places.find(ids: Set(eligible.compactMap(\.placeID)))
        let locations = Dictionary(
            places.compactMap { place in
                place.latitude.flatMap { latitude in
                    place.longitude.map { (place.id, GeoPoint(latitude: latitude, longitude: $0)) }
                }
            }
        ) { first, _ in first }
        let held = try await referrals.activeCounts(city: city.id)
        return eligible.map { activity in
            ReferralMatching.Candidate(
                activity: activity, location: activity.placeID.flatMap { locations[$0] },
                remaining: activity.capacity.map { $0 - (held[activity.id] ?? 0) })
        }
    }

    /// The centre of each of the city's areas that has a shape, by area id.
    func homes(city: CityID) async throws -> [String: GeoPoint] {
        var result: [String: GeoPoint] = [:]
        for area in try await areas.list(city: city) {
            if let centre = area.geometry.flatMap(GeoPoint.centre(ofGeoJSON:)) { result[area.id.description] = centre }
        }
        return result
    }

    func withActivities(_ list: [Referral]) async throws -> [(Referral, Activity?)] {
        var found: [ActivityID: Activity] = [:]
        for id in Set(list.map(\.activityID)) { found[id] = try await activities.find(id: id) }
        return list.map { ($0, found[$0.activityID]) }
    }

    /// One message to each editor of the host organisation, in their own language.
    func messagesToHost(
        _ referral: Referral, _ activity: Activity, _ kind: NoticeKind, city: City, _ notice: Notice
    ) async throws -> [OutboxMessage] {
        let editors = try await roles.list(city: city.id).filter {
            $0.0.kind == .organisationEditor && $0.0.organisationID == referral.hostOrganisationID
        }.map(\.1)
        return Dictionary(editors.map { ($0.email, $0) }) { first, _ in first }.values
            .sorted { $0.email < $1.email }
            .map { person in
                let text = notice(kind, referral, activity, person.preferredLanguage)
                return OutboxMessage(recipient: person.email, subject: text.subject, body: text.body, createdAt: now())
            }
    }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension ReferralUseCases {
    /// The referrals a filter selects.
    public func referrals(_ filter: ReferralFilter) async throws -> [Referral] {
        try await referrals.referrals(filter)
    }
}
