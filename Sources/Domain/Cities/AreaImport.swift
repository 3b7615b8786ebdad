import Foundation

/// One area as read from a statistics file, before it is matched to stored areas.
public struct AreaRecord: Hashable, Sendable {
    public var code: String
    public var names: [LanguageCode: String]
    public var municipality: String
    public var year: Int
    public var population: Int
    public var foreignLanguageShare: Double?
    public var geometry: String?
    /// The code of the area this one lies in (a district for a postal area), if the file says.
    public var parentCode: String?

    public init(
        code: String,
        names: [LanguageCode: String],
        municipality: String,
        year: Int,
        population: Int,
        foreignLanguageShare: Double?,
        geometry: String?,
        parentCode: String? = nil
    ) {
        self.code = code
        self.names = names
        self.municipality = municipality
        self.year = year
        self.population = population
        self.foreignLanguageShare = foreignLanguageShare
        self.geometry = geometry
        self.parentCode = parentCode
    }

    /// Foreign-language speakers estimated from the share, rounded to whole people.
    public var foreignLanguageSpeakers: Int? {
        foreignLanguageShare.map { Int(($0 * Double(population) / 100).rounded()) }
    }
}

/// A problem in an import file, located precisely enough for a person to fix it.
public struct AreaImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// "line 12" for CSV, "feature 3 (00100)" for GeoJSON.
    public var location: String
    public var problem: String

    public init(location: String, problem: String) {
        self.location = location
        self.problem = problem
    }

    public var description: String { "\(location): \(problem)" }
}

/// Reads the postal-area statistics format (Statistics Finland's Paavo shape): GeoJSON features or CSV rows
/// with `pno`, `nimi`, `namn`, `kunta`, `vuosi`, `he_vakiy` and optionally `foreign_language_pct` and
/// `parent` (the code of the enclosing area, in the same file or already stored).
public enum AreaImport {
    public static let requiredColumns = ["pno", "nimi", "kunta", "vuosi", "he_vakiy"]

    /// Parses the whole file; throws on the first problem so nothing half-read is ever written.
    /// `municipality` keeps only the rows of one municipality code (e.g. "092" for Vantaa).
    public static func parse(_ data: Data, municipality: String? = nil) throws -> [AreaRecord] {
        let trimmed = data.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A }
        let records = trimmed.first == UInt8(ascii: "{") ? try parseGeoJSON(data) : try parseCSV(data)
        var seen = Set<String>()
        for record in records where !seen.insert("\(record.code)/\(record.year)").inserted {
            throw AreaImportError(location: "area \(record.code)", problem: "appears twice for year \(record.year)")
        }
        guard let municipality else { return records }
        return records.filter { $0.municipality == municipality }
    }

    static func parseCSV(_ data: Data) throws -> [AreaRecord] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw AreaImportError(location: "file", problem: "is not UTF-8 text")
        }
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch .empty {
            throw AreaImportError(location: "file", problem: "is empty")
        } catch .unterminatedQuote(let line) {
            throw AreaImportError(location: "line \(line)", problem: "has a quote that is never closed")
        }
        for column in requiredColumns where table.column(column) == nil {
            throw AreaImportError(location: "line 1", problem: "missing column \(column)")
        }
        return try table.rows.map { row in
            let location = "line \(row.line)"
            guard row.fields.count == table.header.count else {
                throw AreaImportError(
                    location: location,
                    problem: "has \(row.fields.count) fields, the header has \(table.header.count)"
                )
            }
            var values: [String: Any] = [:]
            for (name, value) in zip(table.header, row.fields) { values[name] = value }
            return try record(from: values, location: location, geometry: nil)
        }
    }

    static func parseGeoJSON(_ data: Data) throws -> [AreaRecord] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw AreaImportError(location: "file", problem: "is not valid JSON")
        }
        guard let collection = object as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let features = collection["features"] as? [Any]
        else {
            throw AreaImportError(location: "file", problem: "is not a GeoJSON FeatureCollection")
        }
        return try features.enumerated().map { index, feature in
            let properties = (feature as? [String: Any])?["properties"] as? [String: Any]
            let code = properties?["pno"].map { "\($0)" } ?? "?"
            let location = "feature \(index + 1) (\(code))"
            guard let properties else {
                throw AreaImportError(location: location, problem: "has no properties")
            }
            var geometry: String?
            if let shape = (feature as? [String: Any])?["geometry"] as? [String: Any] {
                let kind = shape["type"] as? String
                guard kind == "Polygon" || kind == "MultiPolygon", shape["coordinates"] is [Any] else {
                    throw AreaImportError(location: location, problem: "geometry must be a Polygon or MultiPolygon")
                }
                let encoded = try JSONSerialization.data(withJSONObject: shape, options: [.sortedKeys])
                geometry = String(decoding: encoded, as: UTF8.self)
            }
            return try record(from: properties, location: location, geometry: geometry)
        }
    }

    private static func record(from values: [String: Any], location: String, geometry: String?) throws -> AreaRecord {
        func text(_ key: String) -> String? {
            guard let value = values[key], !(value is NSNull) else { return nil }
            let string = "\(value)".trimmingCharacters(in: .whitespaces)
            return string.isEmpty ? nil : string
        }
        func integer(_ key: String) throws -> Int {
            guard let raw = text(key) else { throw AreaImportError(location: location, problem: "missing \(key)") }
            if let value = Int(raw) { return value }
            if let value = Double(raw), value == value.rounded(), value >= 0 { return Int(value) }
            throw AreaImportError(location: location, problem: "\(key) is not a whole number: \(raw)")
        }
        guard let code = text("pno") else { throw AreaImportError(location: location, problem: "missing pno") }
        guard let name = text("nimi") else { throw AreaImportError(location: location, problem: "missing nimi") }
        guard let municipality = text("kunta") else {
            throw AreaImportError(location: location, problem: "missing kunta")
        }
        let year = try integer("vuosi")
        guard (1900...2200).contains(year) else {
            throw AreaImportError(location: location, problem: "vuosi is not a plausible year: \(year)")
        }
        let population = try integer("he_vakiy")
        guard population >= 0 else {
            throw AreaImportError(location: location, problem: "he_vakiy is negative")
        }
        var share: Double?
        if let raw = text("foreign_language_pct") {
            guard let value = Double(raw), (0...100).contains(value) else {
                throw AreaImportError(location: location, problem: "foreign_language_pct is not a percentage: \(raw)")
            }
            share = value
        }
        let parent = text("parent")
        if parent == code { throw AreaImportError(location: location, problem: "lies in itself") }
        var names: [LanguageCode: String] = [.finnish: name]
        if let swedish = text("namn") { names[.swedish] = swedish }
        return AreaRecord(
            code: code,
            names: names,
            municipality: municipality,
            year: year,
            population: population,
            foreignLanguageShare: share,
            geometry: geometry,
            parentCode: parent
        )
    }
}
