import Foundation
import Testing

@testable import Domain

@Suite("Referrals: newcomer input, suggestions, proposals, small counts")
struct ReferralTests {
    static let city = CityID()
    static let office = OrganisationID()
    static let host = OrganisationID()
    static let languages = CategoryID()
    static let sports = CategoryID()
    static let helsinki = TimeZone(identifier: "Europe/Helsinki")!
    /// A Monday.
    static let today = CalendarDay(year: 2026, month: 11, day: 23)!

    static func newcomer(
        interests: [CategoryID] = [languages], languages: [LanguageCode] = [.arabic],
        times: [(day: Int, part: Int)] = [(1, 2)]
    ) -> Newcomer {
        Newcomer(
            cityID: city, organisationID: office, caseworkerID: nil, interests: interests, languages: languages,
            availability: WeeklyAvailability(times), createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// A weekly activity on `weekday` (ISO, 2 = Tuesday) at `start` minutes after midnight.
    static func activity(
        _ title: String, categories: [CategoryID] = [languages], languages: [LanguageCode] = [.arabic, .finnish],
        weekday: Int = 2, start: Int = 17 * 60 + 30, capacity: Int? = 10
    ) -> Activity {
        let rule = try! RecurrenceRule.parse(
            "FREQ=WEEKLY;BYDAY=\(["MO", "TU", "WE", "TH", "FR", "SA", "SU"][weekday - 1])")
        return Activity(
            cityID: city, organisationID: host, kind: .languageCafe,
            title: LocalizedText(original: title, in: .finnish),
            categoryIDs: categories, languages: languages,
            schedule: Schedule(
                firstDay: CalendarDay(year: 2026, month: 1, day: 5)!, startMinutes: start, durationMinutes: 90,
                rule: rule),
            capacity: capacity, referralEligible: true, referralFeeCents: 4_000, createdAt: Date())
    }

    let matching = ReferralMatching(timeZone: helsinki, today: today)

    // MARK: Input

    @Test("a complete profile is written; a name is kept only with consent")
    func inputWithConsent() throws {
        var newcomer = Newcomer(cityID: Self.city, organisationID: Self.office, caseworkerID: nil, createdAt: Date())
        let input = NewcomerInput(
            interests: ["language-learning"], languages: "ar, en", area: "01300", availability: ["1-2", "3-0"],
            name: " Samira K. ", contact: "+358 40 000 0001", consent: true)
        try input.apply(
            to: &newcomer, categoriesByCode: ["language-learning": Self.languages], areasByCode: ["01300": AreaID()],
            now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(newcomer.interests == [Self.languages])
        #expect(newcomer.languages == [.arabic, .english])
        #expect(newcomer.availability.times.map { [$0.day, $0.part] } == [[1, 2], [3, 0]])
        #expect(newcomer.name == "Samira K." && newcomer.contactConsentAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test(
        "bad input is refused by field and nothing is written",
        arguments: [
            (NewcomerInput(interests: [], languages: "ar", availability: ["1-2"]), "interests"),
            (NewcomerInput(interests: ["cooking"], languages: "ar", availability: ["1-2"]), "interests"),
            (NewcomerInput(interests: ["language-learning"], languages: "", availability: ["1-2"]), "languages"),
            (NewcomerInput(interests: ["language-learning"], languages: "arabic!", availability: ["1-2"]), "languages"),
            (NewcomerInput(interests: ["language-learning"], languages: "ar", availability: []), "availability"),
            (NewcomerInput(interests: ["language-learning"], languages: "ar", availability: ["7-0"]), "availability"),
            (
                NewcomerInput(interests: ["language-learning"], languages: "ar", area: "99999", availability: ["1-2"]),
                "area"
            ),
            (
                NewcomerInput(interests: ["language-learning"], languages: "ar", availability: ["1-2"], name: "Samira"),
                "name"
            ),
            (
                NewcomerInput(interests: ["language-learning"], languages: "ar", availability: ["1-2"], contact: "040"),
                "contact"
            ),
        ])
    func badInput(input: NewcomerInput, field: String) {
        var newcomer = Newcomer(cityID: Self.city, organisationID: Self.office, caseworkerID: nil, createdAt: Date())
        let before = newcomer
        #expect(throws: ValidationErrors.self) {
            try input.apply(
                to: &newcomer, categoriesByCode: ["language-learning": Self.languages], areasByCode: [:], now: Date())
        }
        do {
            try input.apply(
                to: &newcomer, categoriesByCode: ["language-learning": Self.languages], areasByCode: [:], now: Date())
        } catch {
            #expect(!error.messages(for: field).isEmpty)
        }
        #expect(newcomer == before)
    }

    @Test("access codes read back however they are typed, and reasons round-trip through their codes")
    func codes() {
        let code = Newcomer.makeAccessCode()
        #expect(code.count == 14 && Newcomer.normalisedAccessCode(code) == code)
        #expect(Newcomer.normalisedAccessCode(" 7kq4 m2xd-9pht ") == "7KQ4-M2XD-9PHT")
        #expect(Newcomer.normalisedAccessCode("7KQ4-M2XD-9PH") == nil)
        #expect(Newcomer.normalisedAccessCode("7KQ4-M2XD-9PH0") == nil)
        #expect(Newcomer.makePseudonym().hasPrefix("N-"))
        let reasons: [MatchingReason] = [
            .sharedInterest("c-1"), .sharedLanguage("ar"), .sharedTime(day: 6, part: 2), .distance(metres: 1_200),
            .trainingsMet,
        ]
        #expect(reasons.map { MatchingReason(code: $0.code) } == reasons)
        #expect(MatchingReason(code: "time:7-0") == nil && MatchingReason(code: "nonsense") == nil)
    }

    // MARK: Suggestions and proposals

    @Test("an activity's weekly times come from its occurrences, in the city's parts of the day")
    func weeklyTimes() {
        #expect(matching.weeklyTimes(Self.activity("Ilta").schedule).times.map { [$0.day, $0.part] } == [[1, 2]])
        #expect(
            matching.weeklyTimes(Self.activity("Aamu", weekday: 6, start: 10 * 60).schedule).times.map {
                [$0.day, $0.part]
            } == [[5, 0]])
        #expect(matching.weeklyTimes(nil).count == 21)
    }

    @Test("suggestions are ranked by fit with their reasons; full and unfitting activities are left out")
    func suggestions() {
        let tikkurila = GeoPoint(latitude: 60.2925, longitude: 25.0440)
        let near = Self.activity("Lähellä")
        let far = Self.activity("Kaukana")
        let full = Self.activity("Täynnä")
        let morning = Self.activity("Aamulla", start: 9 * 60)
        let wrongLanguage = Self.activity("Venäjäksi", languages: [.init("ru")!])
        let candidates = [
            ReferralMatching.Candidate(
                activity: far, location: GeoPoint(latitude: 60.3125, longitude: 25.0440), remaining: 5),
            ReferralMatching.Candidate(
                activity: near, location: GeoPoint(latitude: 60.2935, longitude: 25.0440), remaining: 3),
            ReferralMatching.Candidate(activity: full, location: tikkurila, remaining: 0),
            ReferralMatching.Candidate(activity: morning, location: tikkurila, remaining: 5),
            ReferralMatching.Candidate(activity: wrongLanguage, location: tikkurila, remaining: 5),
        ]
        let ranked = matching.suggestions(for: Self.newcomer(), home: tikkurila, among: candidates, limit: 10)
        #expect(ranked.map(\.activity.id) == [near.id, far.id])
        // 10 for the interest, 3 for Arabic, 2 for Tuesday evening, minus 4 per whole km (the near one is 111 m away)
        #expect(ranked[0].fit.score == 15)
        #expect(ranked[0].fit.reasons.contains(.sharedLanguage("ar")))
        #expect(ranked[0].fit.reasons.contains(.sharedTime(day: 1, part: 2)))
        guard case .distance(let metres) = ranked[0].fit.reasons.last else {
            Issue.record("no distance reason")
            return
        }
        #expect((105...117).contains(metres))
        #expect(ranked[1].fit.score < ranked[0].fit.score && ranked[1].remaining == 5)
    }

    @Test("a round's proposal is optimal and respects the places left")
    func proposalIsOptimal() {
        // Two newcomers both fit the café best, but it has one place left: the optimum sends the one who fits the
        // club too to the club.
        let cafe = Self.activity("Kahvila")
        let club = Self.activity("Kerho", categories: [Self.sports], languages: [.arabic])
        let onlyCafe = Self.newcomer(interests: [Self.languages])
        let both = Self.newcomer(interests: [Self.languages, Self.sports], languages: [.arabic, .finnish])
        let result = matching.propose(
            pool: [(onlyCafe, nil), (both, nil)],
            among: [
                ReferralMatching.Candidate(activity: cafe, location: nil, remaining: 1),
                ReferralMatching.Candidate(activity: club, location: nil, remaining: 1),
            ])
        #expect(result.proposals.map { [$0.newcomer, $0.activity] } == [[0, 0], [1, 1]])
        // café for the first: 10 + 3 + 2; club for the second: 10 + 3 + 2
        #expect(result.objective == 30)
        #expect(result.proposals.map(\.fit.score).reduce(0, +) == result.objective)
    }

    @Test("an area's centre is the centroid of its largest polygon")
    func centre() throws {
        let square = #"{"type":"Polygon","coordinates":[[[25,60],[25.2,60],[25.2,60.1],[25,60.1],[25,60]]]}"#
        let centre = try #require(GeoPoint.centre(ofGeoJSON: square))
        #expect(abs(centre.longitude - 25.1) < 1e-9 && abs(centre.latitude - 60.05) < 1e-9)
        let islands =
            #"{"type":"MultiPolygon","coordinates":[[[[0,0],[0.01,0],[0.01,0.01],[0,0]]],[[[25,60],[25.2,60],[25.2,60.1],[25,60.1],[25,60]]]]}"#
        #expect(GeoPoint.centre(ofGeoJSON: islands).map { abs($0.latitude - 60.05) < 1e-9 } == true)
        #expect(GeoPoint.centre(ofGeoJSON: #"{"type":"Point","coordinates":[25,60]}"#) == nil)
        #expect(GeoPoint.centre(ofGeoJSON: "not json") == nil)
        // one kilometre north is about 0.009 degrees of latitude
        let a = GeoPoint(latitude: 60.3, longitude: 25.0).projected(referenceLatitude: 60.3)
        let b = GeoPoint(latitude: 60.309, longitude: 25.0).projected(referenceLatitude: 60.3)
        #expect((990...1_000).contains(integerSquareRoot(a.squaredDistance(to: b))))
    }

    // MARK: Small counts

    @Test(
        "counts under ten are hidden, and one more when a total would give a hidden one away",
        arguments: [
            ([25, 14, 3], [25, nil, nil] as [Int?], 42 as Int?),
            ([25, 14, 12], [25, 14, 12], 51),
            ([25, 4, 3], [25, nil, nil], 32),
            ([4, 3], [nil, nil], nil),
            ([12, 0], [nil, nil], 12),
        ])
    func suppression(cells: [Int], shown: [Int?], total: Int?) {
        let result = SmallCounts.partition(cells)
        #expect(result.cells == shown)
        #expect(result.total == total)
    }

    @Test("monitoring counts newcomers once, leaves proposals out and hides small groups")
    func monitoring() {
        let area = AreaID()
        var newcomers: [Newcomer] = []
        var referrals: [Referral] = []
        for index in 0..<30 {
            var newcomer = Self.newcomer(languages: index < 12 ? [.arabic, .english] : [.init("so")!])
            newcomer.areaID = index < 25 ? area : nil
            newcomers.append(newcomer)
            let status: Referral.Status = index < 20 ? .accepted : index < 27 ? .referred : .proposed
            var referral = Referral(
                cityID: Self.city, newcomerID: newcomer.id, activityID: ActivityID(), hostOrganisationID: Self.host,
                status: status, score: 10, reasons: [], referredBy: nil, createdAt: Date())
            if index < 11 { referral.firstParticipation = Self.today }
            referrals.append(referral)
            // a second referral of the same newcomer counts them once
            if index == 0 { referrals.append(referral) }
        }
        let result = ReferralMonitoring.compute(newcomers: newcomers, referrals: referrals)
        #expect(result.total.referred == 27 && result.total.matched == 20 && result.total.participating == 11)
        // 25 in the area and 2 elsewhere: the 2 are hidden, and so is the 25 (else 27 − 25 gives them away)
        #expect(result.byArea.map(\.referred) == [nil, nil])
        #expect(result.byLanguage.first { $0.key == "ar" }?.referred == 12)
        #expect(result.byLanguage.first { $0.key == "en" }?.participating == 11)
        #expect(result.byLanguage.first { $0.key == "so" }?.participating == nil)
    }
}
