import Domain
import Foundation
import OpenAPIKit

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
}

extension PlaceDTO {
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

extension PlaceDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A place of encounter",
            [
                "id": .id(),
                "kind": .oneOf(Place.Kind.self),
                "name": .string,
                "names": .translations(),
                "description": .string,
                "owner": .id(required: false, description: "the organisation that runs it and decides on bookings"),
                "address": .string,
                "area": .string(required: false, description: "area code"),
                "latitude": .number(required: false, description: "WGS 84"),
                "longitude": .number(required: false, description: "WGS 84"),
                "capacity": .integer(required: false),
                "accessibility": .array(items: .oneOf(Place.Accessibility.self)),
                "hours": .record(
                    "Opening hours",
                    [
                        "weekly": .string(description: "e.g. Mo-Fr 09:00-17:00; Sa 10:00-14:00"),
                        "exceptions": .string(description: "e.g. 2026-12-24 closed"),
                        "appointmentOnly": .boolean,
                    ]),
                "bookable": .boolean,
            ])
    }

    static var example: Self {
        PlaceDTO(
            id: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f", kind: Place.Kind.library.rawValue,
            name: "Tikkurila library", names: ["fi": "Tikkurilan kirjasto"], description: "Rooms for groups.",
            owner: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", address: "Lummetie 4, Vantaa", area: "01300",
            latitude: 60.2925, longitude: 25.0436, capacity: 40,
            accessibility: [Place.Accessibility.stepFree.rawValue],
            hours: Hours(weekly: "Mo-Fr 09:00-20:00", exceptions: "2026-12-24 closed", appointmentOnly: false),
            bookable: true)
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
}

extension PlacesGeoJSON {
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

extension PlacesGeoJSON: APISchema {
    static var schemaName: String { "FeatureCollection" }

    static var schema: JSONSchema {
        .record(
            "The city's places with coordinates as an RFC 7946 GeoJSON FeatureCollection",
            [
                "type": .string(allowedValues: ["FeatureCollection"]),
                "features": .array(
                    items: .record(
                        "One place",
                        [
                            "type": .string(allowedValues: ["Feature"]),
                            "id": .id(),
                            "geometry": .record(
                                "Where it is",
                                [
                                    "type": .string(allowedValues: ["Point"]),
                                    "coordinates": .array(
                                        description: "longitude, latitude (WGS 84)", minItems: 2, maxItems: 2,
                                        items: .number),
                                ]),
                            "properties": .record(
                                nil,
                                [
                                    "name": .string,
                                    "kind": .oneOf(Place.Kind.self),
                                    "address": .string,
                                    "bookable": .boolean,
                                    "accessibility": .array(items: .oneOf(Place.Accessibility.self)),
                                    "url": .string(format: .uri, description: "its page on Arrival"),
                                ]),
                        ])),
            ])
    }

    static var example: Self {
        PlacesGeoJSON(features: [
            Feature(
                id: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f", geometry: Feature.Point(coordinates: [25.0436, 60.2925]),
                properties: Feature.Properties(
                    name: "Tikkurila library", kind: Place.Kind.library.rawValue, address: "Lummetie 4, Vantaa",
                    bookable: true, accessibility: [Place.Accessibility.stepFree.rawValue],
                    url: "https://arrival.example/vantaa/places/3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f"))
        ])
    }
}
