import Domain
import Foundation
import OpenAPIKit

/// An event as the JSON API shows it.
struct EventDTO: Encodable {
    var id: String
    var kind: String
    var title: String
    var titles: [String: String]
    var description: String
    var organisers: [String]
    var network: String?
    var place: String?
    var area: String?
    var start: String
    var end: String
    var capacity: Int?
    var registration: Bool
    var feeCents: Int
    var status: String
    /// How many came, when known and at least 10.
    var attendance: Int?
}

extension EventDTO {
    init(_ event: Event, city: City, areaCodes: [AreaID: String], language: LanguageCode, attendance: Int?) {
        id = event.id.description
        kind = event.kind.rawValue
        title = event.title.text(in: language, fallback: city.defaultLanguage)
        titles = event.title.plainTexts
        description = event.description.text(in: language, fallback: city.defaultLanguage)
        organisers = event.organiserIDs.map(\.description)
        network = event.networkID?.description
        place = event.placeID?.description
        area = event.areaID.flatMap { areaCodes[$0] }
        start = DateTexts.iso8601(event.start)
        end = DateTexts.iso8601(event.end)
        capacity = event.capacity
        registration = event.registration
        feeCents = event.feeCents
        status = event.status.rawValue
        self.attendance = attendance
    }
}

extension EventDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An event",
            [
                "id": .id(),
                "kind": .oneOf(Event.Kind.self),
                "title": .string,
                "titles": .translations(),
                "description": .string,
                "organisers": .array(description: "organisation ids; the first leads", items: .id()),
                "network": .id(required: false),
                "place": .id(required: false),
                "area": .string(required: false, description: "area code"),
                "start": .moment(),
                "end": .moment(),
                "capacity": .integer(required: false),
                "registration": .boolean(description: "whether people register to come"),
                "feeCents": .integer,
                "status": .oneOf(Event.Status.self),
                "attendance": .integer(
                    required: false, description: "how many came, once known and only from 10 people up"),
            ])
    }

    static var example: Self {
        EventDTO(
            id: "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b", kind: Event.Kind.cooperationForum.rawValue,
            title: "Cooperation forum 2026", titles: ["en": "Cooperation forum 2026"],
            description: "The year's plan together.", organisers: ["6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01"],
            network: "0b6f8e2c-3d4a-4e1f-8a7b-9c0d1e2f3a4b", place: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f",
            area: "01300", start: "2026-03-12T10:00:00Z", end: "2026-03-12T13:00:00Z", capacity: 120,
            registration: true, feeCents: 0, status: Event.Status.published.rawValue, attendance: 84)
    }
}
