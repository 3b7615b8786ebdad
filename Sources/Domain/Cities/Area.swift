public typealias AreaID = Identifier<Area>

/// A district or neighbourhood of a city. Areas nest: a postal area may sit inside a district.
public struct Area: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case district
        case neighbourhood
        case postalArea = "postal_area"
    }

    public var id: AreaID
    public var cityID: CityID
    public var parentID: AreaID?
    /// The identifier used by the data source, e.g. a postal code; unique within a city.
    public var code: String
    public var kind: Kind
    public var name: LocalizedText
    /// A GeoJSON geometry (Polygon or MultiPolygon), kept as text.
    public var geometry: String?

    public init(
        id: AreaID = AreaID(),
        cityID: CityID,
        parentID: AreaID? = nil,
        code: String,
        kind: Kind,
        name: LocalizedText,
        geometry: String? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.parentID = parentID
        self.code = code
        self.kind = kind
        self.name = name
        self.geometry = geometry
    }
}

/// One year's population figures for an area.
public struct AreaDemographics: Hashable, Sendable {
    public var areaID: AreaID
    public var year: Int
    public var population: Int
    /// Residents whose registered language is neither Finnish, Swedish nor Sámi (or the local equivalent).
    public var foreignLanguageSpeakers: Int?
    public var foreignLanguageShare: Double?

    public init(
        areaID: AreaID, year: Int, population: Int, foreignLanguageSpeakers: Int?, foreignLanguageShare: Double?
    ) {
        self.areaID = areaID
        self.year = year
        self.population = population
        self.foreignLanguageSpeakers = foreignLanguageSpeakers
        self.foreignLanguageShare = foreignLanguageShare
    }
}
