import Domain
import Foundation
import Storage
import Testing

@Suite("Organisation repository")
struct OrganisationRepositoryContract {
    @Test("a stored organisation comes back with every field", arguments: TestEngine.available)
    func storesEveryField(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given
            let city = try await Fixtures.storedCity(repositories)
            _ = try await repositories.areas.importRecords(
                [Fixtures.area("01300", population: 100)], city: city.id, progress: { _ in })
            let area = try #require(try await repositories.areas.list(city: city.id).first)
            var organisation = Fixtures.organisation(
                "Monimaa ry", city: city.id, kind: .migrantLedNGO, languages: [.arabic, .finnish], areas: [area.id])
            organisation.name.set("Monimaa", in: .english, status: .upToDate)
            // when
            try await repositories.organisations.create(organisation)
            // then
            #expect(try await repositories.organisations.find(id: organisation.id) == organisation)
        }
    }

    @Test("an update changes every field but the creation date", arguments: TestEngine.available)
    func updates(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            var organisation = Fixtures.organisation("Sorasod ry", city: city.id)
            try await repositories.organisations.create(organisation)
            organisation.kind = .migrantLedNGO
            organisation.status = .inactive
            organisation.website = nil
            organisation.languages = [.english]
            organisation.name = LocalizedText(original: "Sorasod", in: .english)
            try await repositories.organisations.update(organisation)
            #expect(try await repositories.organisations.find(id: organisation.id) == organisation)
        }
    }

    @Test(
        "the filter narrows by kind, language, area, migrant-led, name part and archive",
        arguments: TestEngine.available)
    func filters(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given
            let city = try await Fixtures.storedCity(repositories)
            _ = try await repositories.areas.importRecords(
                [Fixtures.area("01300", population: 100), Fixtures.area("01350", population: 100)], city: city.id,
                progress: { _ in })
            let areas = try await repositories.areas.list(city: city.id)
            var monimaa = Fixtures.organisation(
                "Monimaa ry", city: city.id, kind: .migrantLedNGO, languages: [.arabic], areas: [areas[0].id])
            monimaa.name.set("Many Lands", in: .english, status: .upToDate)
            let parish = Fixtures.organisation(
                "Tikkurilan seurakunta", city: city.id, kind: .religiousCommunity, languages: [.finnish, .swedish],
                areas: [areas[1].id])
            var archived = Fixtures.organisation("Vanha kerho", city: city.id)
            archived.status = .archived
            for organisation in [monimaa, parish, archived] {
                try await repositories.organisations.create(organisation)
            }
            let other = try await Fixtures.storedCity(repositories, slug: "espoo")
            try await repositories.organisations.create(Fixtures.organisation("Espoon kerho", city: other.id))
            func names(_ filter: OrganisationFilter) async throws -> [String] {
                try await repositories.organisations.list(city: city.id, filter: filter).map {
                    $0.name.text(in: .finnish)
                }
            }
            // then
            #expect(try await names(.init()) == ["Monimaa ry", "Tikkurilan seurakunta"])
            #expect(try await names(.init(includeArchived: true)).count == 3)
            #expect(try await names(.init(kind: .religiousCommunity)) == ["Tikkurilan seurakunta"])
            #expect(try await names(.init(language: .arabic)) == ["Monimaa ry"])
            #expect(try await names(.init(language: .swedish)) == ["Tikkurilan seurakunta"])
            #expect(try await names(.init(areaID: areas[1].id)) == ["Tikkurilan seurakunta"])
            #expect(try await names(.init(migrantLedOnly: true)) == ["Monimaa ry"])
            #expect(try await names(.init(query: "LANDS")) == ["Monimaa ry"])
            #expect(try await names(.init(query: "seura tikku")) == ["Tikkurilan seurakunta"])
            #expect(try await names(.init(query: "%")) == ["Monimaa ry", "Tikkurilan seurakunta"])
            #expect(try await names(.init(query: "nothing like it")) == [])
        }
    }

    @Test("saving many creates new ones and updates known ones", arguments: TestEngine.available)
    func savesMany(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            var known = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(known)
            known.status = .inactive
            let fresh = (1...150).map { Fixtures.organisation("Kerho \($0)", city: city.id) }
            let reported = Counter()
            try await repositories.organisations.save([known] + fresh, progress: { reported.set($0) })
            #expect(try await repositories.organisations.list(city: city.id).count == 151)
            #expect(try await repositories.organisations.find(id: known.id)?.status == .inactive)
            #expect(reported.value == 151)
        }
    }

    @Test("a failed save writes nothing", arguments: TestEngine.available)
    func failedSaveWritesNothing(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let good = Fixtures.organisation("Kerho", city: city.id)
            let orphan = Fixtures.organisation("Orpo", city: CityID())
            await #expect(throws: (any Error).self) {
                try await repositories.organisations.save([good, orphan], progress: { _ in })
            }
            #expect(try await repositories.organisations.list(city: city.id).isEmpty)
        }
    }

    @Test("confirming records the moment", arguments: TestEngine.available)
    func marksConfirmed(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let organisation = Fixtures.organisation("Kerho", city: city.id)
            try await repositories.organisations.create(organisation)
            let moment = Date(timeIntervalSince1970: 1_800_000_000)
            try await repositories.organisations.markConfirmed(organisation.id, at: moment)
            #expect(try await repositories.organisations.find(id: organisation.id)?.lastConfirmedAt == moment)
        }
    }
}

/// A value a `@Sendable` callback can write.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
}
