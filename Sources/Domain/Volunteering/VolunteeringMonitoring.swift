import Foundation

/// The city's anonymous monitoring of volunteering (VALUES toolkit, theme C: who is recruited, training uptake):
/// volunteers by the background they chose to give, by language, engaged or not, and who holds each training.
/// Every count under ten is hidden, and where cells split a total one more, so nobody can be singled out.
public struct VolunteeringMonitoring: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// A background's raw value, a language code or a training id; `nil` for "not given".
        public var key: String?
        public var volunteers: Int?
        /// Of them, those with an active engagement.
        public var engaged: Int?
    }

    public var total: Row
    /// A partition of all volunteers: each background, then those who gave none.
    public var byBackground: [Row]
    /// Languages overlap (one volunteer speaks several), so each row is suppressed on its own.
    public var byLanguage: [Row]
    /// Volunteers holding each training on the day.
    public var trainings: [Row]

    public init(
        profiles: [VolunteerProfile], engaged: Set<PersonID>, completions: [TrainingCompletion],
        trainings: [TrainingID], on day: CalendarDay
    ) {
        func counts(_ people: [PersonID]) -> (Int, Int) {
            (people.count, people.filter(engaged.contains).count)
        }
        let everyone = profiles.map(\.personID)
        let all = counts(everyone)
        total = Row(key: nil, volunteers: SmallCounts.shown(all.0), engaged: SmallCounts.shown(all.1))
        let keys: [VolunteerProfile.Background?] = VolunteerProfile.Background.allCases + [nil]
        let cells = keys.map { key in
            counts(profiles.filter { $0.background == key }.map(\.personID))
        }
        let shownVolunteers = SmallCounts.partition(cells.map(\.0)).cells
        let shownEngaged = SmallCounts.partition(cells.map(\.1)).cells
        byBackground = keys.indices.map {
            Row(key: keys[$0]?.rawValue, volunteers: shownVolunteers[$0], engaged: shownEngaged[$0])
        }
        var speakers: [LanguageCode: [PersonID]] = [:]
        for profile in profiles {
            for skill in profile.languages { speakers[skill.language, default: []].append(profile.personID) }
        }
        byLanguage = speakers.sorted { ($1.value.count, $0.key.rawValue) < ($0.value.count, $1.key.rawValue) }.map {
            let speaking = counts($0.value)
            return Row(
                key: $0.key.rawValue, volunteers: SmallCounts.shown(speaking.0), engaged: SmallCounts.shown(speaking.1))
        }
        let volunteers = Set(everyone)
        self.trainings = trainings.map { training in
            let holders = Set(
                completions.filter { $0.trainingID == training && $0.isValid(on: day) }.map(\.personID)
            ).intersection(volunteers)
            let holding = counts(Array(holders))
            return Row(
                key: training.description, volunteers: SmallCounts.shown(holding.0),
                engaged: SmallCounts.shown(holding.1))
        }
    }
}
