import Domain
import Foundation

/// A place as the JSON API shows it.
struct PlaceDTO: Encodable {
    struct Hours: Encodable {
        var weekly: String
        var exceptions: String
        var appointmentOnly: Bool
    }

    var id: String
    var kind: String
    var name: String
    var names: [String: String]
    var description: String
    var owner: String?
    var address: String
    var area: String?
    var latitude: Double?
    var longitude: Double?
    var capacity: Int?
    var accessibility: [String]
    var hours: Hours
    var bookable: Bool

    init(_ place: Place, areaCodes: [AreaID: String], language: LanguageCode, fallback: LanguageCode) {
        id = place.id.description
        kind = place.kind.rawValue
        name = place.name.text(in: language, fallback: fallback)
        names = place.name.plainTexts
        description = place.description.text(in: language, fallback: fallback)
        owner = place.ownerID?.description
        address = place.address
        area = place.areaID.flatMap { areaCodes[$0] }
        latitude = place.latitude
        longitude = place.longitude
        capacity = place.capacity
        accessibility = place.accessibility.map(\.rawValue)
        hours = Hours(
            weekly: place.hours.weeklyText, exceptions: place.hours.exceptionsText,
            appointmentOnly: place.hours.appointmentOnly)
        bookable = place.bookable
    }
}

/// The city's places as an RFC 7946 GeoJSON FeatureCollection: WGS 84, `[longitude, latitude]`, places without
/// coordinates left out.
struct PlacesGeoJSON: Encodable {
    struct Feature: Encodable {
        struct Point: Encodable {
            var type = "Point"
            var coordinates: [Double]
        }

        struct Properties: Encodable {
            var name: String
            var kind: String
            var address: String
            var bookable: Bool
            var accessibility: [String]
            var url: String
        }

        var type = "Feature"
        var id: String
        var geometry: Point
        var properties: Properties
    }

    var type = "FeatureCollection"
    var features: [Feature]

    init(_ places: [Place], language: LanguageCode, fallback: LanguageCode, baseURL: String, citySlug: String) {
        features = places.compactMap { place in
            guard let latitude = place.latitude, let longitude = place.longitude else { return nil }
            return Feature(
                id: place.id.description, geometry: Feature.Point(coordinates: [longitude, latitude]),
                properties: Feature.Properties(
                    name: place.name.text(in: language, fallback: fallback), kind: place.kind.rawValue,
                    address: place.address, bookable: place.bookable,
                    accessibility: place.accessibility.map(\.rawValue),
                    url: baseURL + Route.place(citySlug, place.id).path))
        }
    }
}
