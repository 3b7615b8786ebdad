/// How many newcomers were referred, matched and took part, in total, by home area and by language, with small
/// counts hidden (`SmallCounts`) so that no newcomer can be singled out. Proposals of unconfirmed rounds do not
/// count.
public struct ReferralMonitoring: Hashable, Sendable {
    /// One line of counts; `nil` is a hidden count.
    public struct Row: Hashable, Sendable {
        /// The area or the language; `nil` for newcomers whose area is not known.
        public var key: String?
        /// Newcomers with at least one referral.
        public var referred: Int?
        /// Newcomers with at least one referral the host accepted.
        public var matched: Int?
        /// Newcomers who took part at least once.
        public var participating: Int?
    }

    public var total: Row
    /// Areas split the newcomers between them, so a hidden cell is protected against subtraction from the total.
    public var byArea: [Row]
    /// A newcomer speaks several languages: these rows overlap and are not added up.
    public var byLanguage: [Row]

    /// The counts for a city's newcomers and their referrals.
    public static func compute(newcomers: [Newcomer], referrals: [Referral]) -> ReferralMonitoring {
        var referred = Set<NewcomerID>()
        var matched = Set<NewcomerID>()
        var participating = Set<NewcomerID>()
        for referral in referrals where referral.status != .proposed {
            referred.insert(referral.newcomerID)
            if referral.status == .accepted || referral.firstParticipation != nil {
                matched.insert(referral.newcomerID)
            }
            if referral.firstParticipation != nil { participating.insert(referral.newcomerID) }
        }
        let people = newcomers.filter { referred.contains($0.id) }
        func counts(_ group: [Newcomer]) -> (Int, Int, Int) {
            (
                group.count, group.filter { matched.contains($0.id) }.count,
                group.filter { participating.contains($0.id) }.count
            )
        }
        let all = counts(people)
        let total = Row(
            key: nil, referred: SmallCounts.shown(all.0), matched: SmallCounts.shown(all.1),
            participating: SmallCounts.shown(all.2))

        let areas = Dictionary(grouping: people) { $0.areaID?.description }
        let areaKeys = areas.keys.sorted { ($0 ?? "~") < ($1 ?? "~") }
        let areaCounts = areaKeys.map { counts(areas[$0]!) }
        let referredCells = SmallCounts.partition(areaCounts.map(\.0)).cells
        let matchedCells = SmallCounts.partition(areaCounts.map(\.1)).cells
        let participatingCells = SmallCounts.partition(areaCounts.map(\.2)).cells
        let byArea = areaKeys.indices.map { index in
            Row(
                key: areaKeys[index], referred: referredCells[index], matched: matchedCells[index],
                participating: participatingCells[index])
        }

        let languages = Set(people.flatMap(\.languages)).sorted()
        let byLanguage = languages.map { language in
            let speakers = counts(people.filter { $0.languages.contains(language) })
            return Row(
                key: language.rawValue, referred: SmallCounts.shown(speakers.0), matched: SmallCounts.shown(speakers.1),
                participating: SmallCounts.shown(speakers.2))
        }
        return ReferralMonitoring(total: total, byArea: byArea, byLanguage: byLanguage)
    }
}
