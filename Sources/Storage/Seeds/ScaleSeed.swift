import Domain
import Foundation
import Logging

/// Fills the demo city to the size of a large city's directory for benchmarks: `activities` activities, one place
/// per 50 of them, one event per 5, and one organisation per 100, from a fixed seed so every run builds the same
/// data. Titles and descriptions combine real words in Finnish, Swedish, English and Arabic, so searches behave as
/// they would on real text.
public struct ScaleSeed: Sendable {
    public let repositories: SQLRepositories
    public let activities: Int

    public init(repositories: SQLRepositories, activities: Int) {
        self.repositories = repositories
        self.activities = activities
    }

    static let subjects: [(fi: String, en: String, sv: String, ar: String)] = [
        ("Kielikahvila", "Language café", "Språkcafé", "مقهى اللغة"),
        ("Läksykerho", "Homework club", "Läxklubb", "نادي الواجبات"),
        ("Perhekerho", "Family club", "Familjeklubb", "نادي العائلة"),
        ("Ompeluryhmä", "Sewing group", "Sygrupp", "مجموعة الخياطة"),
        ("Jalkapallokerho", "Football club", "Fotbollsklubb", "نادي كرة القدم"),
        ("Työnhakuklinikka", "Job search clinic", "Jobbsökarklinik", "عيادة البحث عن عمل"),
        ("Digituki", "Digital help", "Digistöd", "المساعدة الرقمية"),
        ("Naisten liikuntaryhmä", "Women's exercise group", "Motionsgrupp för kvinnor", "مجموعة رياضة للنساء"),
        ("Kokkikurssi", "Cooking course", "Matlagningskurs", "دورة طبخ"),
        ("Lukupiiri", "Reading circle", "Läsecirkel", "حلقة قراءة"),
        ("Kuoro", "Choir", "Kör", "جوقة"),
        ("Neuvontapiste", "Advice desk", "Rådgivningspunkt", "مكتب الإرشاد"),
        ("Nuorten ilta", "Youth evening", "Ungdomskväll", "أمسية الشباب"),
        ("Shakkikerho", "Chess club", "Schackklubb", "نادي الشطرنج"),
        ("Puutarharyhmä", "Gardening group", "Trädgårdsgrupp", "مجموعة البستنة"),
    ]

    static let districts = [
        "Hakunila", "Tikkurila", "Myyrmäki", "Korso", "Koivukylä", "Martinlaakso", "Länsimäki", "Rekola",
        "Kivistö", "Aviapolis", "Simonkylä", "Vaarala",
    ]

    static let spoken = ["fi", "sv", "en", "ar", "so", "ru", "et", "fa", "ku", "uk", "tr", "sq"]

    /// Adds the data unless the city already has at least `activities` activities.
    public func run(city: City, logger: Logger, progress: @Sendable (String, Int, Int) -> Void) async throws {
        let existing = try await repositories.activities.count(
            ActivityQuery(city: city.id, readerLanguage: .finnish, statuses: Set(Activity.Status.allCases)))
        guard existing < activities else {
            logger.info("scale data already present", metadata: ["activities": "\(existing)"])
            return
        }
        var random = SeededGenerator(seed: 2_018)
        let created = Date()
        let areas = try await repositories.areas.list(city: city.id)
        let categories = try await repositories.activities.categories(city: city.id).map(\.id)
        guard !areas.isEmpty, !categories.isEmpty else { return }

        let organisationCount = max(10, activities / 100)
        let organisations = (0..<organisationCount).map { index in
            let district = Self.districts[index % Self.districts.count]
            return Organisation(
                cityID: city.id, kind: Organisation.Kind.allCases[index % Organisation.Kind.allCases.count],
                name: LocalizedText(original: "\(district)n yhdistys \(index + 1)", in: .finnish),
                languages: [.finnish], areaIDs: [areas[index % areas.count].id], status: .active,
                createdAt: created)
        }
        try await repositories.organisations.save(organisations) { progress("organisations", $0, organisationCount) }

        let placeCount = max(10, activities / 50)
        let places = (0..<placeCount).map { index in
            let district = Self.districts[index % Self.districts.count]
            let area = areas[Int.random(in: 0..<areas.count, using: &random)]
            return Place(
                cityID: city.id, kind: Place.Kind.allCases[index % Place.Kind.allCases.count],
                name: LocalizedText(original: "\(district)n tila \(index + 1)", in: .finnish),
                ownerID: organisations[index % organisationCount].id, address: "\(district)ntie \(index % 90 + 1)",
                areaID: area.id, latitude: 60.25 + Double(index % 100) / 1_000,
                longitude: 24.85 + Double(index % 250) / 1_000, capacity: 20 + index % 100,
                accessibility: index % 3 == 0 ? [] : [.stepFree], bookable: index % 2 == 0, createdAt: created)
        }
        try await repositories.places.insert(places)
        progress("places", placeCount, placeCount)

        var batch: [Activity] = []
        for index in 0..<activities {
            batch.append(
                activity(
                    index, city: city, organisations: organisations, places: places, areas: areas,
                    categories: categories, random: &random, created: created))
            if batch.count == 2_000 || index + 1 == activities {
                try await repositories.activities.insert(batch)
                batch.removeAll(keepingCapacity: true)
                progress("activities", index + 1, activities)
            }
        }

        let eventCount = activities / 5
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let today = CalendarDay(created, in: zone)
        var events: [Event] = []
        for index in 0..<eventCount {
            let day = today.adding(days: Int.random(in: -730...365, using: &random))
            let start = Schedule.moment(day, minutes: (10 + index % 9) * 60, in: zone)!
            let subject = Self.subjects[index % Self.subjects.count]
            var title = LocalizedText(original: "\(subject.fi): avoin tapahtuma \(index + 1)", in: .finnish)
            title.set("\(subject.en): open event \(index + 1)", in: .english, status: .upToDate)
            events.append(
                Event(
                    cityID: city.id, kind: Event.Kind.allCases[index % Event.Kind.allCases.count], title: title,
                    organiserIDs: [organisations[index % organisationCount].id],
                    placeID: places[index % placeCount].id, areaID: areas[index % areas.count].id, start: start,
                    end: start.addingTimeInterval(7_200), capacity: index % 4 == 0 ? 40 : nil,
                    registration: index % 4 == 0, createdAt: created))
            if events.count == 2_000 || index + 1 == eventCount {
                try await repositories.events.insert(events)
                events.removeAll(keepingCapacity: true)
                progress("events", index + 1, eventCount)
            }
        }
    }

    private func activity(
        _ index: Int, city: City, organisations: [Organisation], places: [Place], areas: [Area],
        categories: [CategoryID], random: inout SeededGenerator, created: Date
    ) -> Activity {
        let subject = Self.subjects[Int.random(in: 0..<Self.subjects.count, using: &random)]
        let district = Self.districts[Int.random(in: 0..<Self.districts.count, using: &random)]
        var title = LocalizedText(original: "\(subject.fi) \(district) \(index + 1)", in: .finnish)
        if index % 2 == 0 { title.set("\(subject.en) in \(district) \(index + 1)", in: .english, status: .upToDate) }
        if index % 5 == 0 { title.set("\(subject.sv) i \(district) \(index + 1)", in: .swedish, status: .upToDate) }
        if index % 7 == 0 { title.set("\(subject.ar) \(district) \(index + 1)", in: .arabic, status: .upToDate) }
        let description = LocalizedText(
            original: "\(subject.fi) kokoontuu \(district)ssa. Tervetuloa mukaan, osallistuminen ei vaadi "
                + "ilmoittautumista. Lisätietoja järjestäjältä.", in: .finnish)
        let languages =
            [LanguageCode.finnish]
            + (0..<Int.random(in: 0...2, using: &random)).map { _ in
                LanguageCode(Self.spoken[Int.random(in: 1..<Self.spoken.count, using: &random)])!
            }
        let weekday = Int.random(in: 1...7, using: &random)
        let rule: RecurrenceRule? =
            switch index % 10 {
            case 0: nil
            case 1, 2: RecurrenceRule(.weekly, interval: 2, byDay: [.init(weekday)])
            case 3: RecurrenceRule(.monthly, byDay: [.init(weekday, ordinal: Int.random(in: 1...4, using: &random))])
            default: RecurrenceRule(.weekly, byDay: [.init(weekday)])
            }
        let first = CalendarDay(created).adding(days: Int.random(in: -400...60, using: &random))
        let group = Activity.TargetGroup.allCases[
            Int.random(in: 0..<Activity.TargetGroup.allCases.count, using: &random)]
        return Activity(
            cityID: city.id, organisationID: organisations[index % organisations.count].id,
            kind: Activity.Kind.allCases[index % Activity.Kind.allCases.count], title: title, description: description,
            categoryIDs: [categories[index % categories.count]], targetGroups: [group],
            languages: Array(Set(languages)).sorted(), areaIDs: [areas[index % areas.count].id],
            placeID: index % 4 == 0 ? nil : places[index % places.count].id,
            schedule: Schedule(
                firstDay: first, startMinutes: (9 + index % 11) * 60, durationMinutes: 90, rule: rule,
                exceptions: []),
            capacity: index % 3 == 0 ? 20 : nil, feeCents: index % 6 == 0 ? 500 : 0, volunteerRun: index % 2 == 0,
            referralEligible: index % 8 == 0, referralFeeCents: index % 8 == 0 ? 3_000 : 0, createdAt: created)
    }
}

/// A small, fast, seedable generator (SplitMix64), so scale data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
