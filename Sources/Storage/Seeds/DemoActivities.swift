import Domain
import Foundation

/// Demo activities across Vantaa: language cafés, advice, clubs and courses in several languages, at the demo
/// places, with weekly, fortnightly and monthly schedules. Names and times are illustrative.
extension DemoSeed {
    struct DemoActivity {
        var organisation: String
        var kind: Activity.Kind
        var titles: [LanguageCode: String]
        var description: [LanguageCode: String]
        var categories: [String]
        var groups: [Activity.TargetGroup]
        var languages: [String]
        var area: String
        var place: String?
        var firstDay: String
        var start: String
        var minutes: Int
        var rule: String?
        var fee: Int = 0
        var capacity: Int? = nil
        var volunteerRun = false
        var referralFee: Int? = nil
    }

    static let demoActivities: [DemoActivity] = [
        .init(
            organisation: "Nicehearts ry", kind: .languageCafe,
            titles: [
                .finnish: "Kielikahvila Tikkurilassa", .english: "Language café in Tikkurila",
                .arabic: "مقهى اللغة في تيكوريلا",
            ],
            description: [
                .finnish: "Harjoittele suomea rennosti kahvin ääressä. Kaikki tasot ovat tervetulleita.",
                .english: "Practise Finnish over coffee. Every level is welcome.",
            ],
            categories: ["language-learning", "meeting-people"], groups: [.newcomers, .women],
            languages: ["fi", "ar", "en"],
            area: "01300", place: "Niceheartsin tila", firstDay: "2026-01-13", start: "17:30", minutes: 90,
            rule: "FREQ=WEEKLY;BYDAY=TU", capacity: 25, volunteerRun: true, referralFee: 4_000),
        .init(
            organisation: "Vantaan kirjastot", kind: .languageCafe,
            titles: [
                .finnish: "Kielikahvila Myyrmäen kirjastossa", .swedish: "Språkcafé i Myrbacka bibliotek",
                .english: "Language café at Myyrmäki library",
            ],
            description: [.finnish: "Keskustelua suomeksi vapaaehtoisten kanssa. Ei ilmoittautumista."],
            categories: ["language-learning"], groups: [.everyone], languages: ["fi"], area: "01600",
            place: "Myyrmäen kirjasto", firstDay: "2026-01-08", start: "16:00", minutes: 90,
            rule: "FREQ=WEEKLY;BYDAY=TH", volunteerRun: true),
        .init(
            organisation: "Hakunilan kansainvälinen yhdistys", kind: .club,
            titles: [
                .finnish: "Perhekerho Hakunilassa", .english: "Family club in Hakunila",
                .arabic: "نادي العائلة في هاكونيلا",
            ],
            description: [
                .finnish: "Leikkiä lapsille ja vertaistukea vanhemmille. Mukana tulkki arabiaksi ja somaliksi."
            ],
            categories: ["children-and-families", "meeting-people"], groups: [.families, .children],
            languages: ["fi", "ar", "so"], area: "01200", place: "Hakunilan asukastila", firstDay: "2026-01-07",
            start: "10:00", minutes: 120, rule: "FREQ=WEEKLY;BYDAY=WE", capacity: 30, referralFee: 3_000),
        .init(
            organisation: "Vantaan työllisyyspalvelut", kind: .counselling,
            titles: [
                .finnish: "Työnhaun neuvonta", .swedish: "Rådgivning i jobbsökande", .english: "Job search advice",
            ],
            description: [
                .finnish: "CV, työhakemukset ja työnhaku verkossa. Ajanvaraus ei ole tarpeen.",
                .english: "CVs, applications and searching online. No appointment needed.",
            ],
            categories: ["work-and-study", "advice"], groups: [.jobseekers, .newcomers], languages: ["fi", "en", "ru"],
            area: "01300", place: "Tikkurilan kirjasto", firstDay: "2026-01-12", start: "13:00", minutes: 180,
            rule: "FREQ=WEEKLY;BYDAY=MO,WE"),
        .init(
            organisation: "Sorasod ry", kind: .course,
            titles: [.finnish: "Suomen alkeet somalinkielisille", .english: "Beginners' Finnish for Somali speakers"],
            description: [.finnish: "Kurssilla opitaan arjen suomea. Opettaja puhuu somalia ja suomea."],
            categories: ["language-learning"], groups: [.newcomers], languages: ["so", "fi"], area: "01200",
            place: "Hakunilan asukastila", firstDay: "2026-09-01", start: "18:00", minutes: 90,
            rule: "FREQ=WEEKLY;UNTIL=20270525;BYDAY=TU,TH", capacity: 16, referralFee: 6_000),
        .init(
            organisation: "Vantaan Venäläinen klubi", kind: .club,
            titles: [.finnish: "Venäjänkielinen keskusteluilta", .english: "Russian-speaking discussion evening"],
            description: [.finnish: "Ajankohtaisia aiheita ja vieraita kaupungin palveluista venäjäksi."],
            categories: ["meeting-people", "advice"], groups: [.everyone, .seniors], languages: ["ru", "fi"],
            area: "01300", place: "Tikkurilan seurakuntakeskus", firstDay: "2026-01-15", start: "18:00", minutes: 120,
            rule: "FREQ=MONTHLY;BYDAY=3TH"),
        .init(
            organisation: "Korson Urheiluseura", kind: .club,
            titles: [.finnish: "Jalkapallo nuorille", .english: "Football for young people"],
            description: [.finnish: "Matalan kynnyksen jalkapalloa 12–17-vuotiaille. Varusteita voi lainata."],
            categories: ["sports"], groups: [.youth], languages: ["fi", "en"], area: "01450",
            place: "Korson urheilukenttä", firstDay: "2026-04-04", start: "11:00", minutes: 90,
            rule: "FREQ=WEEKLY;BYDAY=SA", capacity: 40, volunteerRun: true, referralFee: 2_500),
        .init(
            organisation: "Somalinuorten tuki ry", kind: .service,
            titles: [.finnish: "Läksyapu", .english: "Homework help", .arabic: "مساعدة في الواجبات المنزلية"],
            description: [.finnish: "Vapaaehtoiset auttavat läksyissä suomeksi, somaliksi ja englanniksi."],
            categories: ["children-and-families", "work-and-study"], groups: [.children, .youth],
            languages: ["fi", "so", "en"], area: "01200", place: "Hakunilan koulun liikuntasali",
            firstDay: "2026-01-12", start: "15:00", minutes: 120, rule: "FREQ=WEEKLY;BYDAY=MO,TH", volunteerRun: true),
        .init(
            organisation: "Koivukylän äitien kerho", kind: .club,
            titles: [.finnish: "Äitien kävelyryhmä", .english: "Mothers' walking group"],
            description: [.finnish: "Kävelemme lastenvaunujen kanssa ja juttelemme. Lähtö leikkipuistosta."],
            categories: ["meeting-people", "health"], groups: [.women, .families], languages: ["fi", "ar", "ku"],
            area: "01360", place: "Koivukylän leikkipuisto", firstDay: "2026-01-09", start: "10:00", minutes: 60,
            rule: "FREQ=WEEKLY;BYDAY=FR", volunteerRun: true),
        .init(
            organisation: "Vantaan arabiankielinen perheyhdistys", kind: .counselling,
            titles: [
                .finnish: "Perheneuvonta arabiaksi", .arabic: "استشارات أسرية باللغة العربية",
                .english: "Family advice in Arabic",
            ],
            description: [
                .arabic: "مساعدة في الخدمات الاجتماعية والمدرسة والصحة.",
                .finnish: "Apua sosiaalipalveluihin, kouluun ja terveyteen liittyvissä asioissa.",
            ],
            categories: ["advice", "children-and-families"], groups: [.families, .newcomers], languages: ["ar", "fi"],
            area: "01600", place: "Myyrinki", firstDay: "2026-01-06", start: "12:00", minutes: 180,
            rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        .init(
            organisation: "Vantaan Martat", kind: .course,
            titles: [
                .finnish: "Ruokakurssi: suomalainen arkiruoka", .english: "Cooking course: everyday Finnish food",
            ],
            description: [.finnish: "Kokkaamme yhdessä edullista arkiruokaa ja vaihdamme reseptejä."],
            categories: ["culture", "health"], groups: [.everyone], languages: ["fi", "en"], area: "01300",
            place: "Tikkurilan seurakuntakeskus", firstDay: "2026-10-06", start: "17:00", minutes: 150,
            rule: "FREQ=WEEKLY;COUNT=8;BYDAY=TU", fee: 1_000, capacity: 12),
        .init(
            organisation: "Vantaan vapaaehtoiskeskus", kind: .service,
            titles: [.finnish: "Digituki", .swedish: "Digistöd", .english: "Digital help"],
            description: [
                .finnish: "Apua puhelimen, sähköpostin ja verkkopankin käyttöön.",
                .english: "Help with phones, email and online banking.",
            ],
            categories: ["advice"], groups: [.seniors, .newcomers], languages: ["fi", "sv", "en", "ru"], area: "01300",
            place: "Tikkurilan kirjasto", firstDay: "2026-01-14", start: "10:00", minutes: 120,
            rule: "FREQ=WEEKLY;BYDAY=WE;INTERVAL=1", volunteerRun: true),
        .init(
            organisation: "Monimaa ry", kind: .club,
            titles: [
                .finnish: "Naisten liikuntavuoro", .english: "Women's exercise hour", .arabic: "ساعة رياضة للنساء",
            ],
            description: [.finnish: "Naisten oma liikuntavuoro, naisohjaaja. Lastenhoito järjestetty."],
            categories: ["sports", "health"], groups: [.women], languages: ["fi", "ar", "so", "fa"], area: "01200",
            place: "Hakunilan koulun liikuntasali", firstDay: "2026-01-11", start: "17:00", minutes: 90,
            rule: "FREQ=WEEKLY;BYDAY=SU", fee: 200, capacity: 30),
        .init(
            organisation: "Laurea-ammattikorkeakoulu, Tikkurila", kind: .course,
            titles: [.finnish: "Opiskelemaan Suomessa -info", .english: "Studying in Finland: information evening"],
            description: [.finnish: "Mitä opiskelu vaatii, miten haetaan ja mitä tukea on saatavilla."],
            categories: ["work-and-study"], groups: [.newcomers, .youth], languages: ["fi", "en"], area: "01300",
            place: nil, firstDay: "2027-02-10", start: "17:00", minutes: 120, rule: nil),
        .init(
            organisation: "Tikkurilan seurakunta", kind: .service,
            titles: [
                .finnish: "Ruoka-apu ja yhteinen ateria", .swedish: "Mathjälp och gemensam måltid",
                .english: "Food aid and a shared meal",
            ],
            description: [.finnish: "Ruokakassit ja lämmin ateria kaikille. Ei kysytä taustaa."],
            categories: ["meeting-people", "advice"], groups: [.everyone], languages: ["fi", "sv", "en"], area: "01300",
            place: "Tikkurilan seurakuntakeskus", firstDay: "2026-01-08", start: "12:00", minutes: 120,
            rule: "FREQ=WEEKLY;BYDAY=TH", volunteerRun: true),
        .init(
            organisation: "R3 Maahanmuuttajanuorten tuki ry", kind: .club,
            titles: [.finnish: "Nuorten ilta", .english: "Youth evening"],
            description: [.finnish: "Pelejä, musiikkia ja juttelua. Nuorisotyöntekijä paikalla."],
            categories: ["meeting-people", "culture"], groups: [.youth], languages: ["fi", "en", "ar"], area: "01450",
            place: nil, firstDay: "2026-01-30", start: "18:00", minutes: 180, rule: "FREQ=MONTHLY;BYDAY=-1FR"),
    ]

    /// The original first: writing it after the others would mark them outdated.
    static func translated(_ texts: [LanguageCode: String], original: LanguageCode) -> LocalizedText {
        var result = LocalizedText()
        if let text = texts[original] { result.set(text, in: original, status: .original) }
        for (language, text) in texts.sorted(by: { $0.key < $1.key }) where language != original {
            result.set(text, in: language, status: .upToDate)
        }
        return result
    }

    /// Adds the default categories and the demo activities (once).
    func ensureActivities(city: City, organisations: [Organisation]) async throws {
        let useCases = ActivityUseCases(
            activities: repositories.activities, organisations: repositories.organisations,
            areas: repositories.areas, places: repositories.places)
        try await useCases.seedCategories(city: city.id)
        let query = ActivityQuery(city: city.id, readerLanguage: .finnish, statuses: Set(Activity.Status.allCases))
        guard try await repositories.activities.count(query) == 0 else { return }
        let categories = Dictionary(
            uniqueKeysWithValues: try await repositories.activities.categories(city: city.id).map { ($0.code, $0.id) })
        let areas = Dictionary(
            uniqueKeysWithValues: try await repositories.areas.list(city: city.id).map { ($0.code, $0.id) })
        let places = try await repositories.places.list(city: city.id)
        for demo in Self.demoActivities {
            guard let organisation = organisations.first(where: { $0.name.text(in: .finnish) == demo.organisation })
            else { continue }
            let original: LanguageCode = demo.titles[.finnish] != nil ? .finnish : demo.titles.keys.sorted()[0]
            let title = Self.translated(demo.titles, original: original)
            let description = Self.translated(demo.description, original: original)
            let schedule = Schedule(
                firstDay: CalendarDay(demo.firstDay)!, startMinutes: OpeningHours.minutes(demo.start)!,
                durationMinutes: demo.minutes, rule: try demo.rule.map { try RecurrenceRule.parse($0) })
            let activity = Activity(
                cityID: city.id, organisationID: organisation.id, kind: demo.kind, title: title,
                description: description, categoryIDs: demo.categories.compactMap { categories[$0] },
                targetGroups: demo.groups, languages: demo.languages.compactMap(LanguageCode.init),
                areaIDs: areas[demo.area].map { [$0] } ?? [],
                placeID: demo.place.flatMap { name in places.first { $0.name.text(in: .finnish) == name }?.id },
                schedule: schedule, capacity: demo.capacity, feeCents: demo.fee, volunteerRun: demo.volunteerRun,
                referralEligible: demo.referralFee != nil, referralFeeCents: demo.referralFee ?? 0,
                createdAt: Date())
            try await repositories.activities.save(activity)
        }
    }
}
