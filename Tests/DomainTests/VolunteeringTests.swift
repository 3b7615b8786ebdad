import Domain
import Foundation
import Testing

@Suite("Volunteering rules: profiles, hours, trainings, applications and suggestions")
struct VolunteeringTests {
    static let city = CityID()
    static let now = Date(timeIntervalSince1970: 1_763_000_000)
    static let today = CalendarDay(year: 2026, month: 11, day: 20)!
    static let language = CategoryID()
    static let sports = CategoryID()

    static func profile() -> VolunteerProfile {
        VolunteerProfile(cityID: city, personID: PersonID(), createdAt: now)
    }

    @Test("a profile's languages are read with their levels, a missing level is good")
    func languageLevels() throws {
        var profile = Self.profile()
        try VolunteerProfileInput(languages: "ar:native, fi:BASIC en", availability: ["1-2"]).apply(
            to: &profile, categoriesByCode: [:], areasByCode: [:], now: Self.now)
        #expect(
            profile.languages == [
                LanguageSkill(language: .arabic, level: .native), LanguageSkill(language: .finnish, level: .basic),
                LanguageSkill(language: .english, level: .good),
            ])
        #expect(profile.availability.count == 1)
    }

    @Test(
        "a wrong profile field is refused by name and nothing is written",
        arguments: [
            (VolunteerProfileInput(languages: "ar:expert"), "languages"),
            (VolunteerProfileInput(languages: ""), "languages"),
            (VolunteerProfileInput(interests: ["astronomy"], languages: "fi"), "interests"),
            (VolunteerProfileInput(languages: "fi", areas: ["99999"]), "areas"),
            (VolunteerProfileInput(languages: "fi", availability: ["7-0"]), "availability"),
            (VolunteerProfileInput(languages: "fi", background: "newcomer"), "background"),
            (VolunteerProfileInput(languages: "fi", background: "alien", backgroundConsent: true), "background"),
        ])
    func profileRefusals(input: VolunteerProfileInput, field: String) {
        var profile = Self.profile()
        let before = profile
        #expect(throws: ValidationErrors.self) {
            try input.apply(to: &profile, categoriesByCode: [:], areasByCode: [:], now: Self.now)
        }
        do {
            try input.apply(to: &profile, categoriesByCode: [:], areasByCode: [:], now: Self.now)
        } catch {
            #expect(!error.messages(for: field).isEmpty)
        }
        #expect(profile == before)
    }

    @Test("a background is kept only with consent, and dropped when the answer is removed")
    func backgroundNeedsConsent() throws {
        var profile = Self.profile()
        try VolunteerProfileInput(languages: "fi", background: "newcomer", backgroundConsent: true).apply(
            to: &profile, categoriesByCode: [:], areasByCode: [:], now: Self.now)
        #expect(profile.background == .newcomer && profile.backgroundConsentAt == Self.now)
        try VolunteerProfileInput(languages: "fi").apply(
            to: &profile, categoriesByCode: [:], areasByCode: [:], now: Self.now)
        #expect(profile.background == nil && profile.backgroundConsentAt == nil)
    }

    @Test(
        "durations are read as people write them",
        arguments: [("2", 120), ("1.5", 90), ("1,25", 75), ("1:30", 90), ("0:05", 5), ("-1", -60), ("24", 1_440)])
    func durations(text: String, minutes: Int) {
        #expect(HoursInput.minutes(text) == minutes)
    }

    @Test("text that is not a duration is refused", arguments: ["", "two", "1:3", "1:75", "1e3", "١٢"])
    func notDurations(text: String) {
        #expect(HoursInput.minutes(text) == nil)
    }

    @Test(
        "hours in the future, not positive, over a day or filling the day past 24 hours are refused",
        arguments: [
            (HoursInput(day: "2026-11-21", hours: "2"), "day", 0),
            (HoursInput(day: "2026-11-20", hours: "-1"), "hours", 0),
            (HoursInput(day: "2026-11-20", hours: "0"), "hours", 0),
            (HoursInput(day: "2026-11-20", hours: "25"), "hours", 0),
            (HoursInput(day: "2026-11-20", hours: "3"), "hours", 22 * 60),
            (HoursInput(day: "20.11.2026", hours: "3"), "day", 0),
        ])
    func hoursRefusals(input: HoursInput, field: String, claimed: Int) {
        do {
            _ = try input.validate(today: Self.today) { _ in claimed }
            Issue.record("accepted \(input)")
        } catch {
            #expect(!error.messages(for: field).isEmpty)
        }
    }

    @Test("hours that fit the day are accepted")
    func hoursAccepted() throws {
        let checked = try HoursInput(day: "2026-11-20", hours: "2:30", note: " café ").validate(today: Self.today) {
            _ in 21 * 60
        }
        #expect(checked.minutes == 150 && checked.day == Self.today && checked.note == "café")
    }

    @Test("approved minutes are totalled by volunteer, organisation and month; others do not count")
    func totals() {
        let person = PersonID()
        let organisation = OrganisationID()
        func entry(_ day: CalendarDay, _ minutes: Int, _ status: HoursEntry.Status, approved: Int? = nil) -> HoursEntry
        {
            HoursEntry(
                cityID: Self.city, applicationID: VolunteerApplicationID(), organisationID: organisation,
                personID: person, day: day, minutes: minutes, approvedMinutes: approved, status: status,
                createdAt: Self.now)
        }
        let totals = HoursTotals([
            entry(Self.today, 120, .approved, approved: 120), entry(Self.today, 600, .approved, approved: 300),
            entry(CalendarDay(year: 2026, month: 10, day: 3)!, 60, .approved, approved: 60),
            entry(Self.today, 90, .logged), entry(Self.today, 240, .rejected),
        ])
        #expect(totals.total == 480)
        #expect(totals.byMonth() == ["2026-11": 420, "2026-10": 60])
        #expect(totals.byPerson() == [person: 480])
    }

    @Test(
        "a training completion expires after its months, at the month's end when shorter",
        arguments: [
            (CalendarDay(year: 2026, month: 1, day: 31)!, 1, CalendarDay(year: 2026, month: 2, day: 28)!),
            (CalendarDay(year: 2026, month: 11, day: 20)!, 12, CalendarDay(year: 2027, month: 11, day: 20)!),
            (CalendarDay(year: 2024, month: 2, day: 29)!, 24, CalendarDay(year: 2026, month: 2, day: 28)!),
        ])
    func expiry(completed: CalendarDay, months: Int, expires: CalendarDay) {
        let training = Training(
            cityID: Self.city, organisationID: nil, title: LocalizedText(original: "T", in: .finnish),
            validityMonths: months, createdAt: Self.now)
        #expect(training.expiry(completedOn: completed) == expires)
        let completion = TrainingCompletion(
            trainingID: training.id, personID: PersonID(), completedOn: completed, expiresOn: expires, recordedBy: nil,
            createdAt: Self.now)
        #expect(completion.isValid(on: expires.adding(days: -1)))
        #expect(!completion.isValid(on: expires))
        #expect(!completion.isValid(on: completed.adding(days: -1)))
    }

    @Test("organisations move applications only along the workflow")
    func workflow() {
        #expect(VolunteerApplication.Status.applied.organisationMoves == [.accepted, .declined])
        #expect(VolunteerApplication.Status.active.organisationMoves == [.completed, .suspended])
        #expect(VolunteerApplication.Status.withdrawn.organisationMoves.isEmpty)
        #expect(VolunteerApplication.Status.completed.organisationMoves.isEmpty)
        #expect(VolunteerApplication.Status.allCases.filter(\.holdsPlace) == [.accepted, .active, .suspended])
    }

    @Test("suggestions share a language, put what one can apply to first, and say why")
    func suggestions() {
        let training = TrainingID()
        var profile = Self.profile()
        profile.interests = [Self.language]
        profile.skills = ["Cooking"]
        profile.languages = [LanguageSkill(language: .arabic, level: .native)]
        profile.availability = WeeklyAvailability([(1, 2)])
        func opportunity(_ languages: [LanguageCode], categories: [CategoryID], trainings: [TrainingID] = [])
            -> Opportunity
        {
            Opportunity(
                cityID: Self.city, organisationID: OrganisationID(), title: LocalizedText(original: "x", in: .finnish),
                categoryIDs: categories, skills: ["cooking"], requiredTrainingIDs: trainings, languages: languages,
                times: WeeklyAvailability([(1, 2)]), createdAt: Self.now)
        }
        let best = opportunity([.arabic], categories: [Self.language], trainings: [training])
        let plain = opportunity([.arabic], categories: [Self.sports])
        let foreign = opportunity([.finnish], categories: [Self.language])
        var closed = opportunity([.arabic], categories: [Self.language])
        closed.status = .closed
        let ranked = OpportunityRanking.suggestions(
            for: profile, trainingsHeld: [], among: [best, plain, foreign, closed])
        // the better fit needs a training, so the one they can apply to comes first
        #expect(ranked.map(\.opportunity.id) == [plain.id, best.id])
        #expect(ranked[1].missingTrainings == [training])
        #expect(ranked[1].score == 10 + 3 + 3 + 4 + 2)
        #expect(ranked[0].reasons.contains(.sharedSkill("cooking")))
        #expect(ranked[0].reasons.contains(.sharedTime(day: 1, part: 2)))
        // once the training is held it ranks first, with the reason
        let held = OpportunityRanking.suggestions(for: profile, trainingsHeld: [training], among: [best, plain])
        #expect(held.first?.opportunity.id == best.id)
        #expect(held.first?.reasons.contains(.trainingsHeld) == true)
    }

    @Test("an opportunity needs a role, a language, a time and a sensible number wanted")
    func opportunityRefusals() {
        var opportunity = Opportunity(
            cityID: Self.city, organisationID: OrganisationID(), title: LocalizedText(), createdAt: Self.now)
        let before = opportunity
        let choices = OpportunityInput.Choices(
            organisations: [opportunity.organisationID], categoriesByCode: [:], areasByCode: [:], places: [],
            trainings: [])
        do {
            try OpportunityInput(
                organisation: opportunity.organisationID.description, trainings: [TrainingID().description],
                wanted: "0"
            ).apply(to: &opportunity, choices: choices, original: .finnish, now: Self.now)
            Issue.record("accepted")
        } catch {
            for field in ["title", "languages", "times", "wanted", "trainings"] {
                #expect(!error.messages(for: field).isEmpty, "\(field)")
            }
        }
        #expect(opportunity == before)
    }

    @Test("certificate codes are readable and typed codes are normalised")
    func codes() {
        let code = ReadableCode.make()
        #expect(code.count == 14)
        #expect(ReadableCode.normalised(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(ReadableCode.normalised("OOOO-IIII-1111") == nil)
    }
}

@Suite("Volunteering monitoring")
struct VolunteeringMonitoringTests {
    @Test("counts under ten are hidden, one more where the total would give them away; trainings count valid holders")
    func suppression() {
        let city = CityID()
        let day = CalendarDay(year: 2026, month: 11, day: 20)!
        let training = TrainingID()
        // given 12 newcomers, 14 without a migrant background, 3 second generation, none settled, 11 not given
        var profiles: [VolunteerProfile] = []
        for (background, count) in [
            (VolunteerProfile.Background.newcomer, 12), (.noMigrantBackground, 14), (.secondGeneration, 3),
        ] {
            for _ in 0..<count {
                profiles.append(
                    VolunteerProfile(
                        cityID: city, personID: PersonID(), languages: [.init(language: .finnish, level: .good)],
                        background: background, createdAt: Date()))
            }
        }
        for _ in 0..<11 { profiles.append(VolunteerProfile(cityID: city, personID: PersonID(), createdAt: Date())) }
        let engaged = Set(profiles.prefix(15).map(\.personID))
        let completions = profiles.prefix(12).enumerated().map { index, profile in
            TrainingCompletion(
                trainingID: training, personID: profile.personID, completedOn: day.adding(days: -10),
                expiresOn: index < 2 ? day : nil, recordedBy: nil, createdAt: Date())
        }
        let monitoring = VolunteeringMonitoring(
            profiles: profiles, engaged: engaged, completions: completions, trainings: [training], on: day)
        #expect(monitoring.total.volunteers == 40 && monitoring.total.engaged == 15)
        // settled (0) and second generation (3) are hidden; the rest are shown since two cells are hidden
        #expect(monitoring.byBackground.map(\.volunteers) == [12, nil, nil, 14, 11])
        // engaged: 12 newcomers and 3 with no migrant background; the 3 and the zeros are hidden, the 12 stays
        #expect(monitoring.byBackground.map(\.engaged) == [12, nil, nil, nil, nil])
        #expect(monitoring.byLanguage.map(\.volunteers) == [29])
        // ten of the twelve completions are valid on the day
        #expect(monitoring.trainings.map(\.volunteers) == [10])
    }
}
