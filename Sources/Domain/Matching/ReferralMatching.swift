import Foundation

/// An activity a newcomer could be referred to, with how well it fits and how many places are left.
public struct ReferralSuggestion: Hashable, Sendable {
    public var activity: Activity
    public var fit: MatchingFit
    /// Places left for referred newcomers; `nil` when the activity has no capacity limit.
    public var remaining: Int?

    public init(activity: Activity, fit: MatchingFit, remaining: Int?) {
        self.activity = activity
        self.fit = fit
        self.remaining = remaining
    }
}

/// One proposed pair of a matching round: indexes into the pool and the activities, and why they fit.
public struct ReferralProposal: Hashable, Sendable {
    public var newcomer: Int
    public var activity: Int
    public var fit: MatchingFit

    public init(newcomer: Int, activity: Int, fit: MatchingFit) {
        self.newcomer = newcomer
        self.activity = activity
        self.fit = fit
    }
}

/// What the matching engine is given for referrals: newcomers and referral-eligible activities described as
/// matching profiles, with the city's weights.
public struct ReferralMatching: Sendable {
    /// An activity with what the matcher needs to know beyond it: where it meets and how many places are left
    /// (`nil`: no limit).
    public struct Candidate: Hashable, Sendable {
        public var activity: Activity
        public var location: GeoPoint?
        public var remaining: Int?

        public init(activity: Activity, location: GeoPoint?, remaining: Int?) {
            self.activity = activity
            self.location = location
            self.remaining = remaining
        }
    }

    public var weights: MatchingWeights
    public var timeZone: TimeZone
    /// Weekly times are read from the schedule's occurrences in the four weeks from this day.
    public var today: CalendarDay

    public init(weights: MatchingWeights = .standard, timeZone: TimeZone, today: CalendarDay) {
        self.weights = weights
        self.timeZone = timeZone
        self.today = today
    }

    /// Activities ranked by fit for one newcomer, best first, leaving out full ones, ones that fail a hard
    /// constraint and ones whose distance outweighs the rest; ties go to the nearer, then by id.
    public func suggestions(for newcomer: Newcomer, home: GeoPoint?, among candidates: [Candidate], limit: Int)
        -> [ReferralSuggestion]
    {
        let reference = referenceLatitude(home.map { [$0] } ?? [], candidates)
        let person = profile(newcomer, home: home, referenceLatitude: reference)
        let ranked = candidates.compactMap { candidate -> ReferralSuggestion? in
            guard candidate.remaining.map({ $0 > 0 }) ?? true,
                let fit = weights.fit(of: person, with: slot(candidate, referenceLatitude: reference)), fit.score > 0
            else { return nil }
            return ReferralSuggestion(activity: candidate.activity, fit: fit, remaining: candidate.remaining)
        }
        return ranked.sorted { left, right in
            if left.fit.score != right.fit.score { return left.fit.score > right.fit.score }
            let leftDistance = Self.distance(left.fit) ?? Int.max
            let rightDistance = Self.distance(right.fit) ?? Int.max
            if leftDistance != rightDistance { return leftDistance < rightDistance }
            return left.activity.id.description < right.activity.id.description
        }.prefix(limit).map { $0 }
    }

    /// An optimal proposal for a pool: each newcomer in at most one activity, no activity beyond its remaining
    /// places, and the total fit as large as any assignment can make it (`MatchingSolver`).
    public func propose(pool: [(newcomer: Newcomer, home: GeoPoint?)], among candidates: [Candidate]) -> (
        proposals: [ReferralProposal], objective: Int
    ) {
        let reference = referenceLatitude(pool.compactMap(\.home), candidates)
        let slots = candidates.map { slot($0, referenceLatitude: reference) }
        var fits: [Int: MatchingFit] = [:]
        var pairs: [MatchingCandidate] = []
        for (index, member) in pool.enumerated() {
            let person = profile(member.newcomer, home: member.home, referenceLatitude: reference)
            for (slotIndex, slot) in slots.enumerated() {
                guard let fit = weights.fit(of: person, with: slot), fit.score > 0 else { continue }
                fits[index * slots.count + slotIndex] = fit
                pairs.append(
                    MatchingCandidate(
                        person: index, slot: slotIndex, score: min(fit.score, MatchingProblem.maximumScore))
                )
            }
        }
        let capacities = candidates.map { max(0, $0.remaining ?? pool.count) }
        guard
            let problem = try? MatchingProblem(personCount: pool.count, slotCapacities: capacities, candidates: pairs)
        else { return ([], 0) }
        let solution = MatchingSolver.solve(problem)
        let proposals = solution.assignments.map { pair in
            ReferralProposal(
                newcomer: pair.person, activity: pair.slot, fit: fits[pair.person * slots.count + pair.slot]!)
        }
        return (proposals.sorted { ($0.newcomer, $0.activity) < ($1.newcomer, $1.activity) }, solution.objective)
    }

    /// The newcomer as a matching person: interests are category ids.
    func profile(_ newcomer: Newcomer, home: GeoPoint?, referenceLatitude: Double) -> MatchingPersonProfile {
        MatchingPersonProfile(
            interests: Set(newcomer.interests.map(\.description)), languages: Set(newcomer.languages.map(\.rawValue)),
            location: home?.projected(referenceLatitude: referenceLatitude), availability: newcomer.availability)
    }

    /// The activity as a matching slot.
    func slot(_ candidate: Candidate, referenceLatitude: Double) -> MatchingSlotProfile {
        MatchingSlotProfile(
            categories: Set(candidate.activity.categoryIDs.map(\.description)),
            languages: Set(candidate.activity.languages.map(\.rawValue)),
            location: candidate.location?.projected(referenceLatitude: referenceLatitude),
            schedule: weeklyTimes(candidate.activity.schedule), capacity: candidate.remaining ?? Int.max)
    }

    /// The times of the week an activity meets: the weekday and part of the day (morning before 12, afternoon
    /// before 17, evening after) of each occurrence in the four weeks from today, or from its first day when that
    /// is later. An activity without a schedule is open by arrangement: every time.
    public func weeklyTimes(_ schedule: Schedule?) -> WeeklyAvailability {
        guard let schedule else { return WeeklyAvailability(bits: (1 << 21) - 1) }
        let start = max(today, schedule.firstDay)
        let part = schedule.startMinutes < 12 * 60 ? 0 : schedule.startMinutes < 17 * 60 ? 1 : 2
        let days = schedule.days(from: start, through: start.adding(days: 27), cancelled: true)
        return WeeklyAvailability(days.map { (day: $0.isoWeekday - 1, part: part) })
    }

    private func referenceLatitude(_ homes: [GeoPoint], _ candidates: [Candidate]) -> Double {
        let latitudes = homes.map(\.latitude) + candidates.compactMap(\.location?.latitude)
        return latitudes.isEmpty ? 0 : latitudes.reduce(0, +) / Double(latitudes.count)
    }

    private static func distance(_ fit: MatchingFit) -> Int? {
        for reason in fit.reasons {
            if case .distance(let metres) = reason { return metres }
        }
        return nil
    }
}
