/// Where cities are kept.
public protocol CityRepository: Sendable {
    func find(slug: String) async throws -> City?
    func find(id: CityID) async throws -> City?
    func list() async throws -> [City]
    /// Stores a new city; throws `ValidationErrors` when the slug is taken.
    func create(_ city: City) async throws
}

/// Where areas and their yearly demographics are kept.
public protocol AreaRepository: Sendable {
    func list(city: CityID) async throws -> [Area]
    func find(city: CityID, code: String) async throws -> Area?
    /// The latest demographics of every area of the city, keyed by area.
    func latestDemographics(city: CityID) async throws -> [AreaID: AreaDemographics]
    /// Creates or updates areas by code and their demographics by year, all or nothing.
    /// `progress` is called with the number of records written so far.
    func importRecords(
        _ records: [AreaRecord],
        city: CityID,
        progress: @Sendable (Int) -> Void
    ) async throws -> AreaImportSummary
}

/// What an import changed.
public struct AreaImportSummary: Hashable, Sendable {
    public var created: Int
    public var updated: Int

    public init(created: Int, updated: Int) {
        self.created = created
        self.updated = updated
    }
}
