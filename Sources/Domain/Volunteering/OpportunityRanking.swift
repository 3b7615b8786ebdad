import Foundation

/// Why an opportunity suits a volunteer, each shown to them.
public enum OpportunityReason: Hashable, Sendable {
    case sharedInterest(CategoryID)
    case sharedSkill(String)
    case sharedLanguage(LanguageCode)
    case sharedArea(AreaID)
    case sharedTime(day: Int, part: Int)
    /// Every required training is held.
    case trainingsHeld
}

/// An opportunity ranked for a volunteer: its score, the reasons, and the required trainings they still need.
public struct OpportunitySuggestion: Hashable, Sendable {
    public var opportunity: Opportunity
    public var score: Int
    public var reasons: [OpportunityReason]
    public var missingTrainings: [TrainingID]

    /// Whether the volunteer can apply now.
    public var canApply: Bool { missingTrainings.isEmpty }
}

/// Ranks open opportunities for a volunteer by interests, skills, languages, area and weekly times. A volunteer
/// must share a language with the role; everything else adds to the fit. Opportunities needing a training the
/// volunteer does not hold stay in the list, after those they can apply to, with the trainings named.
///
///     score = 10 × shared interests + 3 × min(shared skills, 3) + 3 × min(shared languages, 2)
///             + 4 if an area is shared (or the role has none) + 2 × min(shared weekly times, 3)
public enum OpportunityRanking {
    public static func suggestions(
        for profile: VolunteerProfile, trainingsHeld: Set<TrainingID>, among opportunities: [Opportunity],
        excluding: Set<OpportunityID> = [], limit: Int = 10
    ) -> [OpportunitySuggestion] {
        let skills = Set(profile.skills.map { $0.lowercased() })
        let languages = Set(profile.languages.map(\.language))
        let ranked = opportunities.compactMap { opportunity -> OpportunitySuggestion? in
            guard opportunity.status == .open, !excluding.contains(opportunity.id) else { return nil }
            let sharedLanguages = opportunity.languages.filter(languages.contains)
            guard !sharedLanguages.isEmpty else { return nil }
            let interests = opportunity.categoryIDs.filter(profile.interests.contains)
            let sharedSkills = opportunity.skills.filter { skills.contains($0.lowercased()) }
            let areas = opportunity.areaIDs.filter(profile.areaIDs.contains)
            let areaFits = !areas.isEmpty || opportunity.areaIDs.isEmpty
            let times = profile.availability.intersection(opportunity.times)
            var score = 10 * interests.count + 3 * min(sharedSkills.count, 3) + 3 * min(sharedLanguages.count, 2)
            score += (areaFits ? 4 : 0) + 2 * min(times.count, 3)
            var reasons = interests.map(OpportunityReason.sharedInterest)
            reasons += sharedSkills.map(OpportunityReason.sharedSkill)
            reasons += sharedLanguages.map(OpportunityReason.sharedLanguage)
            reasons += areas.map(OpportunityReason.sharedArea)
            reasons += times.times.map { OpportunityReason.sharedTime(day: $0.day, part: $0.part) }
            let missing = opportunity.requiredTrainingIDs.filter { !trainingsHeld.contains($0) }
            if !opportunity.requiredTrainingIDs.isEmpty && missing.isEmpty { reasons.append(.trainingsHeld) }
            return OpportunitySuggestion(
                opportunity: opportunity, score: score, reasons: reasons, missingTrainings: missing)
        }
        return ranked.sorted { left, right in
            if left.canApply != right.canApply { return left.canApply }
            if left.score != right.score { return left.score > right.score }
            return left.opportunity.id.description < right.opportunity.id.description
        }.prefix(limit).map { $0 }
    }
}
