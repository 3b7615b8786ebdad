import Domain
import Storage
import Testing

@Suite("City and area repositories")
struct CityRepositoryContract {
    @Test("a stored city is found by slug and by id with all its fields", arguments: TestEngine.available)
    func storesCity(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            #expect(try await repositories.cities.find(slug: "vantaa") == city)
            #expect(try await repositories.cities.find(id: city.id) == city)
            #expect(try await repositories.cities.find(slug: "espoo") == nil)
            #expect(try await repositories.cities.list().map(\.slug) == ["vantaa"])
        }
    }

    @Test("importing areas creates them, re-importing updates them", arguments: TestEngine.available)
    func importsAreas(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let first = try await repositories.areas.importRecords(
                [Fixtures.area("01300", population: 100), Fixtures.area("01350", population: 200)], city: city.id,
                progress: { _ in })
            #expect(first == AreaImportSummary(created: 2, updated: 0))
            let second = try await repositories.areas.importRecords(
                [Fixtures.area("01300", population: 150), Fixtures.area("01300", population: 90, year: 2025)],
                city: city.id, progress: { _ in })
            #expect(second == AreaImportSummary(created: 0, updated: 2))
            let areas = try await repositories.areas.list(city: city.id)
            #expect(areas.map(\.code) == ["01300", "01350"])
            #expect(areas[0].name.text(in: .swedish) == "Område 01300")
            let latest = try await repositories.areas.latestDemographics(city: city.id)
            #expect(latest[areas[0].id]?.year == 2026)
            #expect(latest[areas[0].id]?.population == 150)
            #expect(latest[areas[0].id]?.foreignLanguageSpeakers == 31)
            #expect(latest[areas[0].id]?.foreignLanguageShare == 20.5)
        }
    }

    @Test("areas nest under a parent named in the same import, in any order", arguments: TestEngine.available)
    func nestsAreas(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            var child = Fixtures.area("01200", population: 9000)
            child.parentCode = "HAKUNILA"
            _ = try await repositories.areas.importRecords(
                [child, Fixtures.area("HAKUNILA", population: 30000)], city: city.id, progress: { _ in })
            let areas = try await repositories.areas.list(city: city.id)
            let district = try #require(areas.first { $0.code == "HAKUNILA" })
            #expect(areas.first { $0.code == "01200" }?.parentID == district.id)
            #expect(district.parentID == nil)
        }
    }

    @Test("an unknown parent fails the whole import", arguments: TestEngine.available)
    func unknownParentWritesNothing(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            var child = Fixtures.area("01200", population: 9000)
            child.parentCode = "NOWHERE"
            await #expect(throws: AreaImportError(location: "area 01200", problem: "parent NOWHERE is unknown")) {
                _ = try await repositories.areas.importRecords([child], city: city.id, progress: { _ in })
            }
            let areas = try await repositories.areas.list(city: city.id)
            #expect(areas.isEmpty)
        }
    }

    @Test("an import that fails part-way writes nothing", arguments: TestEngine.available)
    func importIsAllOrNothing(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let unknownCity = CityID()
            await #expect(throws: (any Error).self) {
                _ = try await repositories.areas.importRecords(
                    [Fixtures.area("01300", population: 100)], city: unknownCity, progress: { _ in })
            }
            #expect(try await repositories.areas.list(city: unknownCity).isEmpty)
            #expect(try await repositories.areas.list(city: city.id).isEmpty)
        }
    }

    @Test("organisations are listed per city", arguments: TestEngine.available)
    func storesOrganisations(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let other = try await Fixtures.storedCity(repositories, slug: "espoo")
            let organisation = Organisation(
                cityID: city.id, kind: .migrantLedNGO, name: LocalizedText(original: "Monimaa ry", in: .finnish),
                website: "https://monimaa.example", createdAt: Fixtures.person().createdAt)
            try await repositories.organisations.create(organisation)
            #expect(try await repositories.organisations.list(city: city.id) == [organisation])
            #expect(try await repositories.organisations.list(city: other.id).isEmpty)
            #expect(try await repositories.organisations.find(id: organisation.id) == organisation)
        }
    }
}
