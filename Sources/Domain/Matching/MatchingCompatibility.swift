/// Why a person and a slot fit, as data for the web layer to translate (never UI text).
public enum MatchingReason: Hashable, Sendable {
    case sharedInterest(String)
    case sharedLanguage(String)
    case sharedTime(day: Int, part: Int)
    /// The distance between home and place, in whole metres (only when both are known).
    case distance(metres: Int)
    /// The slot requires trainings and the person has completed all of them.
    case trainingsMet
}

/// A person–slot pair that passed every hard constraint: its score and the reasons behind it.
public struct MatchingFit: Hashable, Sendable {
    /// Can be zero or negative when the distance outweighs the rest; only positive scores are worth offering.
    public var score: Int
    /// Shared interests, languages and times (each sorted), then the distance, then `.trainingsMet`.
    public var reasons: [MatchingReason]

    public init(score: Int, reasons: [MatchingReason]) {
        self.score = score
        self.reasons = reasons
    }
}

extension MatchingWeights {
    /// How well `person` fits `slot`, or `nil` when a hard constraint fails: no shared interest (category), no
    /// shared language, no shared weekly time, or a required training not completed.
    ///
    /// The score counts every shared interest, shared languages and times up to their caps, and subtracts the
    /// distance penalty when both locations are known. The reasons list everything shared, even beyond the caps.
    public func fit(of person: MatchingPersonProfile, with slot: MatchingSlotProfile) -> MatchingFit? {
        let interests = person.interests.intersection(slot.categories).sorted()
        let languages = person.languages.intersection(slot.languages).sorted()
        let times = person.availability.intersection(slot.schedule)
        guard !interests.isEmpty, !languages.isEmpty, times.count > 0,
            slot.requiredTrainings.isSubset(of: person.completedTrainings)
        else { return nil }

        var score = pointsPerSharedInterest * interests.count
        score += pointsPerSharedLanguage * min(languages.count, sharedLanguagesCounted)
        score += pointsPerSharedTime * min(times.count, sharedTimesCounted)
        var reasons = interests.map(MatchingReason.sharedInterest)
        reasons += languages.map(MatchingReason.sharedLanguage)
        reasons += times.times.map { MatchingReason.sharedTime(day: $0.day, part: $0.part) }
        if let home = person.location, let place = slot.location {
            let squared = home.squaredDistance(to: place)
            score -= distancePenalty(squaredMetres: squared)
            reasons.append(.distance(metres: integerSquareRoot(squared)))
        }
        if !slot.requiredTrainings.isEmpty { reasons.append(.trainingsMet) }
        return MatchingFit(score: score, reasons: reasons)
    }
}
