import Domain
import Foundation
import Testing

@Suite("Activity input")
struct ActivityInputTests {
    static let organisation = OrganisationID()
    static let category = CategoryID()
    static let area = AreaID()
    static let place = PlaceID()
    static let choices = ActivityInput.Choices(
        organisations: [organisation], categoriesByCode: ["language-learning": category],
        areasByCode: ["01300": area], places: [place])

    static func blank() -> Activity {
        Activity(cityID: CityID(), organisationID: organisation, kind: .other, title: .init(), createdAt: Date())
    }

    static func valid() -> ActivityInput {
        ActivityInput(
            organisation: organisation.description, kind: "language_cafe", titles: [.finnish: " Kielikahvila "],
            categories: ["language-learning"], targetGroups: ["newcomers"], languages: "fi, ar ru",
            areas: ["01300"], place: place.description,
            schedule: ScheduleInput(
                firstDay: "2026-11-24", from: "17:30", until: "19:00", repeats: "weekly", weekdays: ["2", "4"],
                endsOn: "2027-05-25", cancelled: "2026-12-22, 2026-12-24"),
            capacity: "25", fee: "", volunteerRun: true, referralEligible: true, referralFee: "40,50")
    }

    @Test("a complete activity is applied field by field")
    func applies() throws {
        var activity = Self.blank()
        try Self.valid().apply(to: &activity, choices: Self.choices, original: .finnish)
        #expect(activity.kind == .languageCafe)
        #expect(activity.title.text(in: .finnish) == "Kielikahvila")
        #expect(activity.languages.map(\.rawValue) == ["fi", "ar", "ru"])
        #expect(activity.categoryIDs == [Self.category] && activity.areaIDs == [Self.area])
        #expect(activity.placeID == Self.place && activity.capacity == 25)
        #expect(activity.feeCents == 0 && activity.isFree && activity.referralFeeCents == 4_050)
        let schedule = try #require(activity.schedule)
        #expect(schedule.startMinutes == 17 * 60 + 30 && schedule.durationMinutes == 90)
        #expect(schedule.rule?.text == "FREQ=WEEKLY;UNTIL=20270525;BYDAY=TU,TH")
        #expect(schedule.exceptions == [CalendarDay("2026-12-22")!, CalendarDay("2026-12-24")!])
    }

    @Test("a schedule shown in the form reads back as the same schedule")
    func scheduleRoundTrip() throws {
        for input in [
            ScheduleInput(
                firstDay: "2026-11-24", from: "17:30", until: "19:00", repeats: "fortnightly", weekdays: ["2"]),
            ScheduleInput(firstDay: "2026-11-28", from: "10:00", until: "24:00", repeats: "monthly_weekday"),
            ScheduleInput(
                firstDay: "2026-11-30", from: "10:00", until: "12:00", repeats: "monthly_day", endsOn: "2027-06-30"),
            ScheduleInput(
                firstDay: "2026-11-30", from: "10:00", until: "12:00", repeats: "custom",
                rule: "FREQ=DAILY;COUNT=5;BYDAY=MO,WE"),
            ScheduleInput(firstDay: "2026-11-30", from: "09:00", until: "10:00"),
        ] {
            let schedule = try #require(try input.validate())
            let shown = ScheduleInput(schedule)
            #expect(shown.repeats == input.repeats, "\(input)")
            #expect(try shown.validate() == schedule)
        }
        #expect(try ScheduleInput().validate() == nil)
    }

    @Test("the fifth weekday of a month repeats as the last one, which every month has")
    func fifthWeekday() throws {
        let schedule = try #require(
            try ScheduleInput(firstDay: "2026-12-29", from: "18:00", until: "19:00", repeats: "monthly_weekday")
                .validate())
        #expect(schedule.rule?.text == "FREQ=MONTHLY;BYDAY=-1TU")
    }

    @Test(
        "each wrong field is named and nothing is applied",
        arguments: [
            ("organisation", "not-an-id"), ("kind", "party"), ("languages", "finnish"),
            ("place", PlaceID().description), ("capacity", "0"), ("fee", "-5"), ("fee", "1.234"),
            ("status", "hidden"),
        ])
    func refusesField(field: String, value: String) {
        var input = Self.valid()
        switch field {
        case "organisation": input.organisation = value
        case "kind": input.kind = value
        case "languages": input.languages = value
        case "place": input.place = value
        case "capacity": input.capacity = value
        case "fee": input.fee = value
        default: input.status = value
        }
        var activity = Self.blank()
        let before = activity
        let error = #expect(throws: ValidationErrors.self) {
            try input.apply(to: &activity, choices: Self.choices, original: .finnish)
        }
        #expect(error?.fields.keys.sorted() == [field])
        #expect(activity == before)
    }

    @Test(
        "wrong schedules are named by field",
        arguments: [
            (ScheduleInput(firstDay: "24.11.2026", from: "18:00", until: "19:00"), "first_day"),
            (ScheduleInput(firstDay: "2026-11-24", from: "19:00", until: "18:00"), "until"),
            (ScheduleInput(firstDay: "2026-11-24", from: "25:00", until: "19:00"), "from"),
            (
                ScheduleInput(
                    firstDay: "2026-11-24", from: "18:00", until: "19:00", repeats: "weekly", weekdays: ["8"]),
                "weekdays"
            ),
            (
                ScheduleInput(
                    firstDay: "2026-11-24", from: "18:00", until: "19:00", repeats: "custom", rule: "FREQ=SOMETIMES"),
                "rule"
            ),
            (
                ScheduleInput(
                    firstDay: "2026-11-24", from: "18:00", until: "19:00", repeats: "weekly", endsOn: "2026-11-01"),
                "ends_on"
            ),
            (ScheduleInput(firstDay: "2026-11-24", from: "18:00", until: "19:00", cancelled: "christmas"), "cancelled"),
            (ScheduleInput(firstDay: "2026-11-24", from: "18:00", until: "19:00", repeats: "hourly"), "repeats"),
        ])
    func refusesSchedule(input: ScheduleInput, field: String) {
        let error = #expect(throws: ValidationErrors.self) { try input.validate() }
        #expect(error?.fields.keys.sorted() == [field])
    }

    @Test("a referral fee needs the activity to take referrals")
    func referralFeeNeedsEligibility() {
        var input = Self.valid()
        input.referralEligible = false
        var activity = Self.blank()
        let error = #expect(throws: ValidationErrors.self) {
            try input.apply(to: &activity, choices: Self.choices, original: .finnish)
        }
        #expect(error?.fields["referral_fee"] == ["directory.errors.referral_fee.not_eligible"])
    }

    @Test(
        "money is read as people write it",
        arguments: [("", 0), ("5", 500), ("2,5", 250), ("2.50 €", 250), ("0.05", 5), ("100000", 10_000_000)])
    func cents(text: String, cents: Int) {
        #expect(ActivityInput.cents(text) == cents)
        #expect(ActivityInput.cents(ActivityInput.euros(cents)) == cents)
    }

    @Test("search terms are folded like the index and short words left out")
    func terms() {
        let query = ActivityQuery(city: CityID(), text: "Kieli-KAHVILA ja Äiti, ar", readerLanguage: .finnish)
        #expect(query.terms == ["kieli", "kahvila", "aiti"])
    }
}

@Suite("Count cache")
struct CountCacheTests {
    @Test("a count is remembered for its lifetime and forgotten on a save")
    func remembers() async {
        let cache = CountCache(lifetime: 30)
        let query = ActivityQuery(city: CityID(), readerLanguage: .finnish)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        await cache.store(42, for: query, now: now)
        #expect(await cache.count(query, now: now.addingTimeInterval(29)) == 42)
        #expect(await cache.count(query, now: now.addingTimeInterval(31)) == nil)
        var other = query
        other.freeOnly = true
        #expect(await cache.count(other, now: now) == nil)
        await cache.forget()
        #expect(await cache.count(query, now: now) == nil)
    }
}

@Suite("Attendance")
struct AttendanceTests {
    static func registration(attended: Bool) -> Registration {
        Registration(eventID: EventID(), name: "A", email: "a@example.org", attended: attended, createdAt: Date())
    }

    @Test("counts by sector win over attended registrations; without counts the registrations count")
    func total() {
        let registrations = [Self.registration(attended: true), Self.registration(attended: false)]
        #expect(Attendance.total(counts: [.ngo: 30, .city: 12], registrations: registrations) == 42)
        #expect(Attendance.total(counts: [:], registrations: registrations) == 1)
        #expect(Attendance.total(counts: [.ngo: 0], registrations: []) == 0)
    }

    @Test("the sectors present are those with someone, in a fixed order")
    func sectors() {
        #expect(Attendance.sectors([.resident: 5, .city: 2, .business: 0]) == [.city, .resident])
    }
}

@Suite("Ranking cache")
struct RankingCacheTests {
    static let query = ActivityQuery(city: CityID(), text: "kahvila", readerLanguage: .finnish)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let ids = (0..<100).map { _ in ActivityID() }

    @Test("kept ids answer within their lifetime, and only as far as they reach")
    func reach() async {
        let cache = RankingCache(lifetime: 10)
        await cache.store(Self.ids, complete: false, for: Self.query, generation: await cache.generation, now: Self.now)
        #expect(await cache.ids(Self.query, through: 100, now: Self.now.addingTimeInterval(9)) == Self.ids)
        #expect(await cache.ids(Self.query, through: 101, now: Self.now) == nil)
        #expect(await cache.ids(Self.query, through: 21, now: Self.now.addingTimeInterval(10)) == nil)
        var other = Self.query
        other.readerLanguage = .arabic
        #expect(await cache.ids(other, through: 21, now: Self.now) == nil)
    }

    @Test("without a lifetime nothing is kept")
    func off() async {
        let cache = RankingCache()
        await cache.store(Self.ids, complete: true, for: Self.query, generation: await cache.generation, now: Self.now)
        #expect(await cache.ids(Self.query, through: 1, now: Self.now) == nil)
    }

    @Test("a whole listing answers however far it is asked")
    func complete() async {
        let cache = RankingCache(lifetime: 10)
        let few = Array(Self.ids.prefix(7))
        await cache.store(few, complete: true, for: Self.query, generation: await cache.generation, now: Self.now)
        #expect(await cache.ids(Self.query, through: 500, now: Self.now) == few)
    }

    @Test("forgetting drops every ranking, and one read before is not kept")
    func forget() async {
        let cache = RankingCache(lifetime: 10)
        let before = await cache.generation
        await cache.store(Self.ids, complete: false, for: Self.query, generation: before, now: Self.now)
        await cache.forget()
        #expect(await cache.ids(Self.query, through: 1, now: Self.now) == nil)
        await cache.store(Self.ids, complete: false, for: Self.query, generation: before, now: Self.now)
        #expect(await cache.ids(Self.query, through: 1, now: Self.now) == nil)
    }
}
