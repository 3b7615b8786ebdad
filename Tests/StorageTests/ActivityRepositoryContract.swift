import Domain
import Foundation
import SQLKit
import Storage
import Testing

@Suite("Activity repository and search")
struct ActivityRepositoryContract {
    static func activity(
        _ city: CityID, _ organisation: OrganisationID, title: [LanguageCode: String], description: String = "",
        languages: [LanguageCode] = [.finnish], fee: Int = 0, schedule: Schedule? = nil,
        status: Activity.Status = .published
    ) -> Activity {
        var text = LocalizedText()
        for (language, value) in title.sorted(by: { $0.key < $1.key }) {
            text.set(value, in: language, status: language == .finnish ? .original : .upToDate)
        }
        return Activity(
            cityID: city, organisationID: organisation, kind: .languageCafe, title: text,
            description: description.isEmpty ? .init() : LocalizedText(original: description, in: .finnish),
            targetGroups: [.newcomers], languages: languages, schedule: schedule, feeCents: fee, status: status,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// A city, an organisation, and three activities: a language café (Finnish and Arabic titles), a sewing
    /// club with a fee, and a draft.
    static func seed(_ repositories: SQLRepositories) async throws -> (City, Organisation, [Activity]) {
        let city = try await Fixtures.storedCity(repositories)
        let organisation = Fixtures.organisation("Nicehearts ry", city: city.id)
        try await repositories.organisations.create(organisation)
        let cafe = activity(
            city.id, organisation.id, title: [.finnish: "Kielikahvila Tikkurilassa", .arabic: "مقهى اللغة"],
            description: "Keskustelemme suomeksi kahvin ääressä.", languages: [.finnish, .arabic],
            schedule: Schedule(
                firstDay: CalendarDay("2026-01-06")!, startMinutes: 1_080, durationMinutes: 120,
                rule: RecurrenceRule(.weekly)))
        let sewing = activity(
            city.id, organisation.id, title: [.finnish: "Ompeluklubi", .english: "Sewing club"],
            description: "Ompelemme yhdessä; kahvia tarjolla.", languages: [.finnish, .english], fee: 500)
        let draft = activity(city.id, organisation.id, title: [.finnish: "Kahvila luonnos"], status: .draft)
        for item in [cafe, sewing, draft] { try await repositories.activities.save(item) }
        return (city, organisation, [cafe, sewing, draft])
    }

    @Test("an activity is stored with every field and changed in place", arguments: TestEngine.available)
    func stores(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (city, _, activities) = try await Self.seed(repositories)
            var cafe = activities[0]
            let category = Domain.Category(
                cityID: city.id, code: "language-learning",
                name: LocalizedText(original: "Kielen oppiminen", in: .finnish), position: 1)
            try await repositories.activities.save(category)
            #expect(try await repositories.activities.find(id: cafe.id) == cafe)
            cafe.categoryIDs = [category.id]
            cafe.capacity = 20
            cafe.referralEligible = true
            cafe.referralFeeCents = 4_000
            cafe.schedule?.exceptions = [CalendarDay("2026-12-22")!]
            try await repositories.activities.save(cafe)
            #expect(try await repositories.activities.find(id: cafe.id) == cafe)
            #expect(try await repositories.activities.categories(city: city.id) == [category])
            let query = ActivityQuery(city: city.id, readerLanguage: .finnish, categoryID: category.id)
            #expect(try await repositories.activities.search(query, offset: 0, limit: 10).map(\.id) == [cafe.id])
        }
    }

    @Test("a part of a Finnish compound finds the word, in any translation", arguments: TestEngine.available)
    func compounds(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (city, _, activities) = try await Self.seed(repositories)
            func ids(_ text: String, _ reader: LanguageCode = .finnish) async throws -> [ActivityID] {
                try await repositories.activities.search(
                    ActivityQuery(city: city.id, text: text, readerLanguage: reader), offset: 0, limit: 10
                ).map(\.id)
            }
            // "kahvila" is inside "Kielikahvila"; drafts are not listed.
            #expect(try await ids("kahvila") == [activities[0].id])
            // Case and diacritics do not matter; every word must be there.
            #expect(try await ids("KIELIKAHVILA tikkurila") == [activities[0].id])
            #expect(try await ids("kielikahvila ompelu").isEmpty)
            // An Arabic reader finds the Finnish title, and the Arabic one.
            #expect(try await ids("kahvila", .arabic) == [activities[0].id])
            #expect(try await ids("مقهى", .arabic) == [activities[0].id])
            let counted = try await repositories.activities.count(
                ActivityQuery(city: city.id, text: "kahvi", readerLanguage: .finnish))
            #expect(counted == 2)
        }
    }

    @Test("a match in the title ranks above one in the description", arguments: TestEngine.available)
    func ranking(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (city, organisation, activities) = try await Self.seed(repositories)
            let coffee = Self.activity(
                city.id, organisation.id, title: [.finnish: "Kahvia ja keskustelua"],
                description: "Avoin kohtaamispaikka.")
            try await repositories.activities.save(coffee)
            let found = try await repositories.activities.search(
                ActivityQuery(city: city.id, text: "kahvi", readerLanguage: .finnish), offset: 0, limit: 10)
            // The sewing club has "kahvia" only in its description.
            #expect(found.last?.id == activities[1].id)
            #expect(Set(found.map(\.id)) == [coffee.id, activities[0].id, activities[1].id])
        }
    }

    @Test("filters: language, free, status, day range and pages", arguments: TestEngine.available)
    func filters(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (city, _, activities) = try await Self.seed(repositories)
            func titles(_ query: ActivityQuery, offset: Int = 0, limit: Int = 10) async throws -> [ActivityID] {
                try await repositories.activities.search(query, offset: offset, limit: limit).map(\.id)
            }
            let base = ActivityQuery(city: city.id, readerLanguage: .finnish)
            // Sorted by the original title: Kielikahvila before Ompeluklubi.
            #expect(try await titles(base) == [activities[0].id, activities[1].id])
            #expect(try await titles(base, offset: 1, limit: 1) == [activities[1].id])
            var query = base
            query.language = .english
            #expect(try await titles(query) == [activities[1].id])
            query = base
            query.freeOnly = true
            #expect(try await titles(query) == [activities[0].id])
            query = base
            query.statuses = [.draft]
            #expect(try await titles(query) == [activities[2].id])
            // Only scheduled activities that have begun by the range's end are kept for a day range.
            query = base
            query.from = CalendarDay("2025-01-01")
            query.through = CalendarDay("2025-12-31")
            #expect(try await titles(query).isEmpty)
            query.through = CalendarDay("2026-02-01")
            #expect(try await titles(query) == [activities[0].id])
            #expect(try await repositories.activities.count(base) == 2)
        }
    }

    @Test(
        "PostgreSQL finds a part of a word through the trigram index",
        arguments: TestEngine.available.filter { $0 == .postgres })
    func trigramIndex(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            // The planner would read a table this small whole; forbidding that shows whether the index fits the
            // expression the search uses.
            let plan = try await database.transaction { sql in
                try await sql.raw("SET LOCAL enable_seqscan = off").run()
                return try await sql.raw(
                    "EXPLAIN SELECT activity_id FROM activity_search WHERE (title || ' ' || body) LIKE '%kahvila%'"
                ).all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
            }
            #expect(plan.contains { $0.contains("activity_search_trigrams") }, "\(plan)")
        }
    }

    @Test(
        "scale data: activities, places and events in proportion, inserted in batches", arguments: TestEngine.available)
    func scale(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            _ = try await repositories.areas.importRecords(
                [Fixtures.area("01300", population: 100), Fixtures.area("01200", population: 80)], city: city.id,
                progress: { _ in })
            let useCases = ActivityUseCases(
                activities: repositories.activities, organisations: repositories.organisations,
                areas: repositories.areas, places: repositories.places)
            try await useCases.seedCategories(city: city.id)
            // when 450 activities are generated (more than one batch of 200 rows)
            try await ScaleSeed(repositories: repositories, activities: 450).run(
                city: city, logger: .init(label: "test"), progress: { _, _, _ in })
            // then
            let all = ActivityQuery(city: city.id, readerLanguage: .finnish, statuses: Set(Activity.Status.allCases))
            #expect(try await repositories.activities.count(all) == 450)
            #expect(try await repositories.places.list(city: city.id).count == 10)
            #expect(try await repositories.events.list(city: city.id, filter: .init()).count == 90)
            let found = try await repositories.activities.search(
                ActivityQuery(city: city.id, text: "kahvila", readerLanguage: .finnish), offset: 0, limit: 500)
            #expect(!found.isEmpty && found.allSatisfy { $0.title.text(in: .finnish).contains("Kielikahvila") })
            let sample = try #require(found.first)
            #expect(try await repositories.activities.find(id: sample.id) == sample)
            // and a second run adds nothing
            try await ScaleSeed(repositories: repositories, activities: 450).run(
                city: city, logger: .init(label: "test"), progress: { _, _, _ in })
            #expect(try await repositories.activities.count(all) == 450)
        }
    }
}
