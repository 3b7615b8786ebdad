import Testing

@testable import Domain

/// Profiles from the benchmark's bit masks: interest/category `c` becomes "c<bit>", language "l<bit>".
private func names(_ mask: UInt64, prefix: String) -> Set<String> {
    Set((0..<64).filter { mask & (1 << UInt64($0)) != 0 }.map { "\(prefix)\($0)" })
}

private func person(x: Int, y: Int, interests: UInt64, languages: UInt64, availability: UInt32) -> MatchingPersonProfile
{
    MatchingPersonProfile(
        interests: names(interests, prefix: "c"), languages: names(languages, prefix: "l"),
        location: MatchingLocation(x: x, y: y), availability: WeeklyAvailability(bits: availability))
}

private func slot(x: Int, y: Int, categories: UInt64, languages: UInt64, schedule: UInt32) -> MatchingSlotProfile {
    MatchingSlotProfile(
        categories: names(categories, prefix: "c"), languages: names(languages, prefix: "l"),
        location: MatchingLocation(x: x, y: y), schedule: WeeklyAvailability(bits: schedule), capacity: 1)
}

@Suite("Matching compatibility")
struct MatchingCompatibilityTests {
    let reader = MatchingPersonProfile(
        interests: ["reading", "chess"], languages: ["fi", "ar", "en"], location: MatchingLocation(x: 0, y: 0),
        availability: WeeklyAvailability([(day: 1, part: 2), (day: 3, part: 0)]),
        completedTrainings: ["first-aid"])
    let club = MatchingSlotProfile(
        categories: ["reading", "crafts"], languages: ["ar", "en", "fi"], location: MatchingLocation(x: 300, y: 400),
        schedule: WeeklyAvailability([(day: 1, part: 2)]), capacity: 10)

    /// Rows of a generated instance (`gen_matching.py --n 1000 --m 100 --seed 1`): person x, y, interests,
    /// languages, availability; activity x, y, categories, languages, schedule; and the score in edges.csv.
    static let generatedEdges: [(Int, Int, UInt64, UInt64, UInt32, Int, Int, UInt64, UInt64, UInt32, Int)] = [
        (4409, 4199, 19_984_740_526_329_984, 3, 1_960_948, 5919, 4710, 21_474_902_016, 9, 1_048_580, 11),
        (7071, 3405, 148_618_804_883_095_584, 520, 835_572, 5919, 4710, 21_474_902_016, 9, 1_048_580, 9),
        (4367, 3741, 144_397_247_168_118_816, 129, 1_047_991, 3762, 5397, 34_359_738_400, 17, 131_072, 18),
        (640, 6907, 1_125_904_201_859_072, 1, 914_166, 4075, 5594, 144_115_192_370_823_168, 1, 8224, 3),
        (5257, 1939, 865_957_765_850_335_232, 3, 49408, 1572, 1399, 290_482_175_965_396_992, 4105, 819_200, 1),
        (6855, 4648, 34_360_262_656, 8195, 1_065_012, 3904, 5654, 144_678_172_389_015_552, 259, 131_232, 6),
        (4527, 2556, 144_115_188_080_083_108, 1041, 1_470_255, 4149, 2511, 144_115_188_075_855_920, 1, 81920, 24),
        (7071, 3191, 4_503_638_282_076_160, 2049, 692_135, 5919, 4710, 21_474_902_016, 9, 1_048_580, 8),
        (4254, 2479, 144_115_188_612_726_832, 65, 483_597, 4149, 2511, 144_115_188_075_855_920, 1, 81920, 37),
    ]

    @Test("default weights reproduce the benchmark generator's scores", arguments: generatedEdges)
    func reproducesGenerator(
        row: (Int, Int, UInt64, UInt64, UInt32, Int, Int, UInt64, UInt64, UInt32, Int)
    ) {
        // given
        let someone = person(x: row.0, y: row.1, interests: row.2, languages: row.3, availability: row.4)
        let activity = slot(x: row.5, y: row.6, categories: row.7, languages: row.8, schedule: row.9)
        // when
        let fit = MatchingWeights.standard.fit(of: someone, with: activity)
        // then
        #expect(fit?.score == row.10)
    }

    @Test("pairs the generator finds infeasible have no fit")
    func generatorInfeasiblePairs() {
        // given: person 0 of the same instance and three activities where a hard constraint fails
        let someone = person(
            x: 1145, y: 6392, interests: 36_099_200_122_880_260, languages: 129, availability: 608_578)
        let activities = [
            slot(x: 1483, y: 6136, categories: 17_179_869_696, languages: 4098, schedule: 66560),
            slot(x: 4659, y: 4328, categories: 144_115_188_075_855_872, languages: 3, schedule: 147_712),
            slot(x: 4598, y: 2528, categories: 144_115_188_075_855_872, languages: 3, schedule: 4),
        ]
        // then
        #expect(activities.allSatisfy { MatchingWeights.standard.fit(of: someone, with: $0) == nil })
    }

    @Test("explains a fit with what is shared, the distance and the trainings")
    func reasons() {
        // given
        var opportunity = club
        opportunity.requiredTrainings = ["first-aid"]
        // when
        let fit = MatchingWeights.standard.fit(of: reader, with: opportunity)
        // then: 10 + 3 × 2 (three languages, two count) + 2 × 1 − ⌊4 × 0.5 km⌋
        #expect(fit?.score == 10 + 6 + 2 - 2)
        #expect(
            fit?.reasons == [
                .sharedInterest("reading"), .sharedLanguage("ar"), .sharedLanguage("en"), .sharedLanguage("fi"),
                .sharedTime(day: 1, part: 2), .distance(metres: 500), .trainingsMet,
            ])
    }

    @Test("no shared language is a hard no")
    func noSharedLanguage() {
        var opportunity = club
        opportunity.languages = ["sv"]
        #expect(MatchingWeights.standard.fit(of: reader, with: opportunity) == nil)
    }

    @Test("no overlapping weekly time is a hard no")
    func noSharedTime() {
        var opportunity = club
        opportunity.schedule = WeeklyAvailability([(day: 6, part: 0)])
        #expect(MatchingWeights.standard.fit(of: reader, with: opportunity) == nil)
    }

    @Test("a missing required training is a hard no")
    func missingTraining() {
        var opportunity = club
        opportunity.requiredTrainings = ["first-aid", "child-safety"]
        #expect(MatchingWeights.standard.fit(of: reader, with: opportunity) == nil)
    }

    @Test("no shared interest is a hard no")
    func noSharedInterest() {
        var opportunity = club
        opportunity.categories = ["football"]
        #expect(MatchingWeights.standard.fit(of: reader, with: opportunity) == nil)
    }

    @Test("an unknown location costs nothing and gives no distance reason")
    func unknownLocation() {
        // given
        var online = club
        online.location = nil
        // when
        let fit = MatchingWeights.standard.fit(of: reader, with: online)
        // then
        #expect(fit?.score == 18)
        #expect(fit?.reasons.contains(.distance(metres: 500)) == false)
    }

    @Test("a city's own weights change the score")
    func tunedWeights() {
        // given
        let weights = MatchingWeights(pointsPerSharedInterest: 20, penaltyPerKilometre: 10)
        // then: 20 + 6 + 2 − ⌊10 × 0.5⌋
        #expect(weights.fit(of: reader, with: club)?.score == 23)
    }

    @Test("the distance penalty rounds down whole points per kilometre", arguments: [(999, 3), (1000, 4), (2499, 9)])
    func penaltyRounding(metres: Int, penalty: Int) {
        #expect(MatchingWeights.standard.distancePenalty(squaredMetres: metres * metres) == penalty)
    }
}
