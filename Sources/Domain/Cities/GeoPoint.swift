import Foundation

/// A point on the earth in WGS 84 degrees.
public struct GeoPoint: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Metres east and north on a plane touching the earth at `referenceLatitude` (an equirectangular projection:
    /// within a city the error in distances stays well under one per cent).
    public func projected(referenceLatitude: Double) -> MatchingLocation {
        let metresPerDegreeLatitude = 110_574.0
        let metresPerDegreeLongitude = 111_320.0 * cos(referenceLatitude * .pi / 180)
        return MatchingLocation(
            x: Int((longitude * metresPerDegreeLongitude).rounded()),
            y: Int((latitude * metresPerDegreeLatitude).rounded()))
    }

    /// The centre of a GeoJSON Polygon or MultiPolygon (as an area stores it): the centroid of the outer ring of
    /// its largest polygon, so a district with a far-off island is centred on its mainland. `nil` for anything
    /// else.
    public static func centre(ofGeoJSON text: String) -> GeoPoint? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let type = object["type"] as? String, let coordinates = object["coordinates"] as? [Any]
        else { return nil }
        let polygons: [[Any]]
        switch type {
        case "Polygon": polygons = [coordinates]
        case "MultiPolygon": polygons = coordinates.compactMap { $0 as? [Any] }
        default: return nil
        }
        let rings = polygons.compactMap { polygon -> [(Double, Double)]? in
            guard let outer = polygon.first as? [Any] else { return nil }
            let points = outer.compactMap { point -> (Double, Double)? in
                guard let pair = point as? [Any], pair.count >= 2, let x = (pair[0] as? NSNumber)?.doubleValue,
                    let y = (pair[1] as? NSNumber)?.doubleValue
                else { return nil }
                return (x, y)
            }
            return points.count >= 3 ? points : nil
        }
        let centroids = rings.compactMap(ringCentroid)
        guard let largest = centroids.max(by: { $0.area < $1.area }) else { return nil }
        return GeoPoint(latitude: largest.y, longitude: largest.x)
    }

    /// The centroid and absolute area of a closed ring of (x, y) points (the shoelace formula); the mean of its
    /// points when the ring has no area.
    static func ringCentroid(_ ring: [(Double, Double)]) -> (x: Double, y: Double, area: Double)? {
        guard !ring.isEmpty else { return nil }
        var doubledArea = 0.0
        var cx = 0.0
        var cy = 0.0
        for index in ring.indices {
            let (x0, y0) = ring[index]
            let (x1, y1) = ring[(index + 1) % ring.count]
            let cross = x0 * y1 - x1 * y0
            doubledArea += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        }
        guard abs(doubledArea) > 1e-15 else {
            let count = Double(ring.count)
            return (ring.map(\.0).reduce(0, +) / count, ring.map(\.1).reduce(0, +) / count, 0)
        }
        return (cx / (3 * doubledArea), cy / (3 * doubledArea), abs(doubledArea) / 2)
    }
}
