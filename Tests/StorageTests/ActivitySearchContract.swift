import Domain
import Foundation
import Logging
import SQLKit
import Testing

@testable import Storage

@Suite("Activity search rows")
struct ActivitySearchContract {
    typealias Make = ActivityRepositoryContract

    /// A city and an organisation to hang activities on.
    static func owner(_ repositories: SQLRepositories) async throws -> (City, Organisation) {
        let city = try await Fixtures.storedCity(repositories)
        let organisation = Fixtures.organisation("Nicehearts ry", city: city.id)
        try await repositories.organisations.create(organisation)
        return (city, organisation)
    }

    @Test(
        "an activity found in several languages is listed once on every page and counted once",
        arguments: TestEngine.available)
    func translationsListedOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given 12 activities, each with "kahvila" in its Finnish, Swedish and English titles (36 rows)
            let (city, organisation) = try await Self.owner(repositories)
            var expected: [ActivityID] = []
            for number in 10..<22 {
                let activity = Make.activity(
                    city.id, organisation.id,
                    title: [
                        .finnish: "Kahvila \(number)", .swedish: "Kahvila \(number) på svenska",
                        .english: "Kahvila \(number) in English",
                    ])
                try await repositories.activities.save(activity)
                expected.append(activity.id)
            }
            // when an Arabic reader pages through a search for the word, five at a time (no row is in her
            // language, so each activity's three rows rank alike and come together)
            let query = ActivityQuery(city: city.id, text: "kahvila", readerLanguage: .arabic)
            var pages: [[ActivityID]] = []
            for offset in stride(from: 0, to: 15, by: 5) {
                pages.append(try await repositories.activities.search(query, offset: offset, limit: 5).map(\.id))
            }
            // then every activity comes once, in title order, and the count is of activities
            #expect(pages.map(\.count) == [5, 5, 2])
            #expect(pages.flatMap { $0 } == expected)
            #expect(try await repositories.activities.count(query) == 12)
            // and a page past the end is empty, however far
            #expect(try await repositories.activities.search(query, offset: .max, limit: .max).isEmpty)
        }
    }

    @Test(
        "a title in the reader's language comes first, then a title in another, then a description",
        arguments: TestEngine.available)
    func readerLanguageFirst(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given the word in a Finnish title, in an Arabic title, and in a Finnish description only
            let (city, organisation) = try await Self.owner(repositories)
            let finnish = Make.activity(city.id, organisation.id, title: [.finnish: "Zumba Tikkurilassa"])
            let arabic = Make.activity(
                city.id, organisation.id, title: [.finnish: "Tanssi", .arabic: "زومبا zumba للنساء"])
            let described = Make.activity(
                city.id, organisation.id, title: [.finnish: "Liikuntaryhmä"], description: "Zumbaa ja venyttelyä.")
            for activity in [described, arabic, finnish] { try await repositories.activities.save(activity) }
            func found(_ reader: LanguageCode) async throws -> [ActivityID] {
                try await repositories.activities.search(
                    ActivityQuery(city: city.id, text: "zumba", readerLanguage: reader), offset: 0, limit: 10
                ).map(\.id)
            }
            // then each reader gets their own language's title first, and the description last
            #expect(try await found(.finnish) == [finnish.id, arabic.id, described.id])
            #expect(try await found(.arabic) == [arabic.id, finnish.id, described.id])
        }
    }

    @Test("search rows follow every change of the activity", arguments: TestEngine.available)
    func rowsFollowChanges(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (city, organisation) = try await Self.owner(repositories)
            var activity = Make.activity(
                city.id, organisation.id, title: [.finnish: "Shakkikerho"], status: .draft)
            try await repositories.activities.save(activity)
            func found(_ text: String, freeOnly: Bool = false) async throws -> [ActivityID] {
                let query = ActivityQuery(city: city.id, text: text, readerLanguage: .finnish, freeOnly: freeOnly)
                return try await repositories.activities.search(query, offset: 0, limit: 10).map(\.id)
            }
            // a draft is not listed; published, it is
            #expect(try await found("shakki").isEmpty)
            activity.status = .published
            try await repositories.activities.save(activity)
            #expect(try await found("shakki") == [activity.id])
            #expect(try await found("shakki", freeOnly: true) == [activity.id])
            // a fee and a new title are seen at once: the old word no longer finds it
            activity.feeCents = 300
            activity.title = LocalizedText(original: "Sählykerho", in: .finnish)
            try await repositories.activities.save(activity)
            #expect(try await found("shakki").isEmpty)
            #expect(try await found("sahly") == [activity.id])
            #expect(try await found("sahly", freeOnly: true).isEmpty)
            // archived, it is gone
            activity.status = .archived
            try await repositories.activities.save(activity)
            #expect(try await found("kerho").isEmpty)
        }
    }

    @Test("0020 carries the texts of existing activities into the new search rows", arguments: TestEngine.available)
    func migrationCarriesRows(engine: TestEngine) async throws {
        let before = Migrations.all.filter { $0.name < "0020" }
        try await withTestDatabase(engine, migrations: before) { database, repositories in
            // given activities stored as step 0019 left them: a free café and a club with a fee
            let (city, organisation) = try await Self.owner(repositories)
            let cafe = Make.activity(
                city.id, organisation.id, title: [.finnish: "Kielikahvila Korsossa", .english: "Language cafe"])
            let club = Make.activity(city.id, organisation.id, title: [.finnish: "Kahvilakerho"], fee: 200)
            for activity in [cafe, club] {
                try await database.sql.insert(into: "activities").columns(SQLActivityRepository.columns)
                    .values(try SQLActivityRepository.values(activity)).run()
                for language in activity.title.languages {
                    try await database.sql.insert(into: "activity_search")
                        .columns("activity_id", "language", "title", "body")
                        .values(
                            SQLBind(activity.id.description), SQLBind(language.rawValue),
                            SQLBind(SearchText.fold(activity.title.translations[language]!.text)), SQLBind("")
                        ).run()
                }
            }
            // when the rest of the steps run
            let ran = try await Migrator(database: database).migrate(logger: Logger(label: "test"))
            #expect(ran.first == "0020_RebuildActivitySearch")
            // then both are found, filtered on the copied columns and counted once
            func found(_ text: String, freeOnly: Bool = false) async throws -> [ActivityID] {
                let query = ActivityQuery(city: city.id, text: text, readerLanguage: .finnish, freeOnly: freeOnly)
                return try await repositories.activities.search(query, offset: 0, limit: 10).map(\.id)
            }
            #expect(Set(try await found("kahvila")) == [cafe.id, club.id])
            #expect(try await found("kahvila", freeOnly: true) == [cafe.id])
            #expect(try await found("language cafe") == [cafe.id])
            #expect(
                try await repositories.activities.count(
                    ActivityQuery(city: city.id, text: "kahvila", readerLanguage: .english)) == 2)
            // and a migrated row is replaced, not kept, when its activity changes
            var renamed = cafe
            renamed.title = LocalizedText(original: "Keskustelupiiri", in: .finnish)
            try await repositories.activities.save(renamed)
            #expect(try await found("kahvila") == [club.id])
            #expect(try await found("keskustelu") == [renamed.id])
        }
    }
}
