import Domain
import Foundation

/// Demo volunteering: a mandatory city training and an organisation's training, opportunities at the demo
/// organisations, volunteers with profiles, applications in every state, hours approved, waiting and rejected,
/// feedback, an idea and one award. The demo volunteer account has an active engagement with hours to log.
/// Outcomes are written straight to the repository: the demo has no one to email.
extension DemoSeed {
    struct DemoOpportunity {
        var organisation: String
        var fi: String
        var en: String
        var description: String
        var categories: [String]
        var languages: String
        var times: [String]
        var wanted: Int
        var area: String = ""
        var training: Int? = nil
        var status = Opportunity.Status.open
    }

    static let demoOpportunities: [DemoOpportunity] = [
        .init(
            organisation: "Nicehearts ry", fi: "Kielikahvilan vetäjä", en: "Language café host",
            description:
                "Host the Tuesday language café at Myyrmäki library: welcome people, start conversations in easy Finnish and keep the tea warm.",
            categories: ["language-learning", "meeting-people"], languages: "fi, ar, en", times: ["1-2"], wanted: 3,
            area: "01600"),
        .init(
            organisation: "Hakunilan kansainvälinen yhdistys", fi: "Läksykerhon apuohjaaja",
            en: "Homework club helper",
            description: "Help school children with their homework twice a week in Hakunila.",
            categories: ["children-and-families", "work-and-study"], languages: "fi, en, so", times: ["2-1", "3-1"],
            wanted: 4, area: "01200"),
        .init(
            organisation: "Vantaan kaupunki, monikulttuuriset asiat", fi: "Tervetulo-opas uusille asukkaille",
            en: "Welcome guide for new residents",
            description:
                "Meet newly arrived residents and show them the services of their neighbourhood. Requires the city's training on working with refugees.",
            categories: ["advice", "meeting-people"], languages: "ar, fi, en, ru", times: ["0-0", "4-0"], wanted: 2,
            training: 0),
        .init(
            organisation: "Vantaan Järjestörinki", fi: "Naapurustoillan järjestäjä",
            en: "Neighbourhood evening organiser",
            description: "Plan and run a neighbourhood get-together with residents and local associations.",
            categories: ["meeting-people", "culture"], languages: "fi, sv", times: ["5-1"], wanted: 8),
        .init(
            organisation: "R3 Maahanmuuttajanuorten tuki ry", fi: "Nuorten liikuntaohjaaja", en: "Youth sports coach",
            description: "Coach Sunday football for young people. Requires R3's safe coaching training.",
            categories: ["sports"], languages: "fi, ar, en", times: ["6-1"], wanted: 2, training: 1),
        .init(
            organisation: "Sorasod ry", fi: "Asiointiapu", en: "Help with errands",
            description: "Accompany people to offices and help with forms.", categories: ["advice"],
            languages: "fi, ar", times: ["0-1"], wanted: 2, status: .closed),
    ]

    /// Adds the demo volunteering (once, when the city has no trainings).
    func ensureVolunteering(city: City, organisations: [Organisation]) async throws {
        guard try await repositories.trainings.trainings(city: city.id).isEmpty,
            let amina = try await actor(DemoSeed.accounts.first { $0.role == .volunteer }!.email)
        else { return }
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let today = CalendarDay(Date(), in: zone)
        let byName = Dictionary(organisations.map { ($0.name.text(in: .finnish), $0.id) }) { first, _ in first }
        let base = VolunteeringUseCases(
            volunteerProfiles: repositories.volunteerProfiles, trainings: repositories.trainings,
            opportunities: repositories.opportunities, volunteerApplications: repositories.volunteerApplications,
            hours: repositories.hours, certificates: repositories.certificates, awards: repositories.awards,
            volunteerFeedback: repositories.volunteerFeedback, volunteeringIdeas: repositories.volunteeringIdeas,
            activities: repositories.activities, areas: repositories.areas, organisations: repositories.organisations,
            roles: repositories.roles, persons: repositories.persons)

        // Trainings: the city's mandatory one and R3's, which expires after a year.
        var cityTitle = LocalizedText(original: "Pakolaisten kanssa toimiminen – perusteet", in: .finnish)
        cityTitle.set("Working with refugees: the basics", in: .english, status: .upToDate)
        cityTitle.set("Att arbeta med flyktingar – grunderna", in: .swedish, status: .upToDate)
        let cityTraining = Training(
            cityID: city.id, organisationID: nil, title: cityTitle,
            description: LocalizedText(
                original: "Kolmen tunnin koulutus: oikeudet, luottamuksellisuus ja omat rajat.", in: .finnish),
            validityMonths: 24, nextSession: today.adding(days: 17), createdAt: Date())
        var coachTitle = LocalizedText(original: "Turvallinen ohjaus", in: .finnish)
        coachTitle.set("Safe coaching", in: .english, status: .upToDate)
        let coachTraining = Training(
            cityID: city.id, organisationID: byName["R3 Maahanmuuttajanuorten tuki ry"], title: coachTitle,
            validityMonths: 12, nextSession: today.adding(days: 40), createdAt: Date())
        for training in [cityTraining, coachTraining] { try await repositories.trainings.save(training) }
        let trainings = [cityTraining, coachTraining]

        var opportunities: [Opportunity] = []
        let areas = try await repositories.areas.list(city: city.id)
        let categories = try await repositories.activities.categories(city: city.id)
        for demo in Self.demoOpportunities {
            guard let organisation = byName[demo.organisation] else { continue }
            var title = LocalizedText(original: demo.fi, in: .finnish)
            title.set(demo.en, in: .english, status: .upToDate)
            let opportunity = Opportunity(
                cityID: city.id, organisationID: organisation, title: title,
                description: LocalizedText(original: demo.description, in: .english),
                categoryIDs: categories.filter { demo.categories.contains($0.code) }.map(\.id),
                requiredTrainingIDs: demo.training.map { [trainings[$0].id] } ?? [],
                languages: OrganisationInput.words(demo.languages).compactMap(LanguageCode.init),
                areaIDs: areas.filter { $0.code == demo.area }.map(\.id),
                times: WeeklyAvailability(demo.times.compactMap(NewcomerInput.time)), wanted: demo.wanted,
                status: demo.status, createdAt: Date())
            try await repositories.opportunities.save(opportunity)
            opportunities.append(opportunity)
        }
        guard opportunities.count == Self.demoOpportunities.count else { return }

        // Volunteers: the demo account and five more people who cannot sign in (their password is unknown).
        try await base.saveProfile(
            actor: amina, city: city.id,
            input: VolunteerProfileInput(
                skills: "cooking, interpreting, event planning",
                interests: ["language-learning", "meeting-people", "advice"],
                languages: "ar:native, fi:good, en:fluent", areas: ["01600", "01300"],
                availability: ["1-2", "3-2", "0-0", "4-0", "5-1"], background: "settled_migrant",
                backgroundConsent: true, shareEngagement: true))
        let hash = try await hasher.hash(ReadableCode.make())
        var others: [PersonID] = []
        for (name, email, languages, background) in [
            ("Leila Hassan", "leila.hassan", "ar:native, fi:basic, en:good", "newcomer"),
            ("Mikko Virtanen", "mikko.virtanen", "fi:native, en:fluent", "no_migrant_background"),
            ("Olena Shevchenko", "olena.shevchenko", "uk:native, ru:fluent, en:good", ""),
            ("Abdi Warsame", "abdi.warsame", "so:native, fi:fluent, ar:good, en:good", "second_generation"),
            ("Sara Lindqvist", "sara.lindqvist", "sv:native, fi:native, en:fluent", "no_migrant_background"),
        ] {
            let person = Person(
                email: "\(email)@demo.arrival.example", displayName: name, passwordHash: hash,
                preferredLanguage: .finnish, createdAt: Date())
            try await repositories.persons.create(
                person,
                consent: Consent(
                    personID: person.id, purpose: Consent.accountPurpose, textVersion: Consent.accountTextVersion,
                    givenAt: Date()))
            try await base.saveProfile(
                actor: Actor(person: person, roles: []), city: city.id,
                input: VolunteerProfileInput(
                    interests: ["meeting-people", "children-and-families"], languages: languages,
                    areas: ["01200"], availability: ["2-1", "5-1", "6-1", "1-2"], background: background,
                    backgroundConsent: !background.isEmpty))
            others.append(person.id)
        }
        let (leila, mikko, olena, abdi, sara) = (others[0], others[1], others[2], others[3], others[4])

        // Completions: Amina holds the city training; Abdi's coaching training expired two months ago.
        try await repositories.trainings.record(
            TrainingCompletion(
                trainingID: cityTraining.id, personID: amina.person.id, completedOn: today.adding(days: -90),
                expiresOn: cityTraining.expiry(completedOn: today.adding(days: -90)), recordedBy: nil, createdAt: Date()
            ))
        try await repositories.trainings.record(
            TrainingCompletion(
                trainingID: coachTraining.id, personID: abdi, completedOn: today.adding(days: -425),
                expiresOn: coachTraining.expiry(completedOn: today.adding(days: -425)), recordedBy: nil,
                createdAt: Date()))

        // Applications in every state.
        func engagement(
            _ person: PersonID, _ index: Int, _ status: VolunteerApplication.Status, started: Int? = nil,
            ended: Int? = nil, reason: String = "", message: String = ""
        ) async throws -> VolunteerApplication {
            let application = VolunteerApplication(
                cityID: city.id, opportunityID: opportunities[index].id,
                organisationID: opportunities[index].organisationID, personID: person, status: status,
                message: message, reason: reason, startedOn: started.map { today.adding(days: $0) },
                endedOn: ended.map { today.adding(days: $0) }, createdAt: Date())
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            return application
        }
        let cafe = try await engagement(amina.person.id, 0, .active, started: -60)
        _ = try await engagement(
            amina.person.id, 2, .applied, message: "I speak Arabic and have lived in Vantaa for ten years.")
        let evening = try await engagement(amina.person.id, 3, .completed, started: -120, ended: -30)
        _ = try await engagement(leila, 0, .accepted)
        _ = try await engagement(
            mikko, 1, .declined, reason: "All places for this term are taken; we will contact you in January.")
        _ = try await engagement(olena, 1, .withdrawn)
        _ = try await engagement(abdi, 4, .suspended, started: -300, reason: "Turvallinen ohjaus")
        let saraEvening = try await engagement(sara, 3, .active, started: -200)
        _ = try await engagement(sara, 0, .applied)

        // Hours: approved, waiting for approval, corrected and rejected.
        func hours(
            _ application: VolunteerApplication, day: Int, minutes: Int, status: HoursEntry.Status,
            approved: Int? = nil, note: String = ""
        ) async throws {
            _ = try await repositories.hours.log(
                HoursEntry(
                    cityID: city.id, applicationID: application.id, organisationID: application.organisationID,
                    personID: application.personID, day: today.adding(days: day), minutes: minutes,
                    approvedMinutes: status == .approved ? approved ?? minutes : nil, note: note, status: status,
                    createdAt: Date()))
        }
        for week in 1...6 { try await hours(cafe, day: -7 * week, minutes: 150, status: .approved) }
        try await hours(cafe, day: -1, minutes: 150, status: .logged, note: "Café and tidying up")
        try await hours(evening, day: -45, minutes: 240, status: .approved)
        try await hours(evening, day: -31, minutes: 360, status: .approved, approved: 300)
        try await hours(saraEvening, day: -10, minutes: 180, status: .approved)
        try await hours(saraEvening, day: -3, minutes: 600, status: .rejected, note: "Whole weekend")

        _ = try await repositories.volunteerFeedback.save(
            VolunteerFeedback(
                cityID: city.id, applicationID: evening.id, organisationID: evening.organisationID,
                opportunityID: evening.opportunityID, personID: amina.person.id, rating: 5, skillsFit: .yes,
                change: "A shared list of who brings what would save phone calls.",
                comments: "Lovely evening; the Swedish speakers' table was full.", createdAt: Date()))
        var awardTitle = LocalizedText(original: "Vuoden vapaaehtoinen 2025", in: .finnish)
        awardTitle.set("Volunteer of the year 2025", in: .english, status: .upToDate)
        awardTitle.set("Årets volontär 2025", in: .swedish, status: .upToDate)
        try await repositories.awards.save(
            Award(
                cityID: city.id, personID: sara, recipientName: "Sara Lindqvist", title: awardTitle,
                citation: LocalizedText(
                    original: "Sara brought together six associations for the Hakunila neighbourhood evenings.",
                    in: .english), awardedOn: CalendarDay(year: today.year, month: 1, day: 15)!, createdAt: Date()))
        try await repositories.volunteeringIdeas.save(
            VolunteeringIdea(
                cityID: city.id, authorID: nil,
                text:
                    "A bicycle repair workshop in Hakunila where newcomers and long-time residents fix bikes together.",
                areaID: areas.first { $0.code == "01200" }?.id, createdAt: Date()))
    }
}
