import Domain
import Foundation
import OpenAPIKit

/// An activity as an Open Referral HSDS 3.0 `service`, with its organisation, schedule (RFC 5545 parts), spoken
/// languages, cost, and the place it is at as a `service_at_location` with its `location`.
///
/// Property names are camel case here; the encoder writes them in snake case (`Respond.cachedJSON(keys:)`).
struct HSDSServiceDTO: Encodable {
    struct Schedule: Encodable {
        var id: String
        var serviceID: String
        var dtstart: String
        var timezone: Double
        var until: String?
        var count: Int?
        var wkst = "MO"
        var freq: String?
        var interval: Int?
        var byday: String?
        var bymonthday: String?
        var opensAt: String
        var closesAt: String
        var description: String
    }

    struct Language: Encodable {
        var id: String
        var serviceID: String
        var name: String
        var code: String
    }

    struct CostOption: Encodable {
        var id: String
        var serviceID: String
        var option: String
        var currency = "EUR"
        var amount: Double
    }

    struct Location: Encodable {
        var id: String
        var locationType = "physical"
        var name: String
        var url: String
        var latitude: Double?
        var longitude: Double?
    }

    struct ServiceAtLocation: Encodable {
        var id: String
        var serviceID: String
        var locationID: String
        var location: Location
    }

    var id: String
    var organizationID: String
    var name: String
    var alternateName: String?
    var description: String
    var url: String
    var status: String
    var feesDescription: String
    var lastModified: String
    /// Only in the full form of one service, not in lists.
    var organization: HSDSOrganizationDTO?
    var schedules: [Schedule]?
    var languages: [Language]?
    var costOptions: [CostOption]?
    var serviceAtLocations: [ServiceAtLocation]?
}

extension HSDSServiceDTO {
    init(
        _ activity: Activity, city: City, language: LanguageCode, publicURL: String, full: Bool,
        organisation: Organisation?, place: Place?
    ) {
        let fallback = city.defaultLanguage
        id = activity.id.description
        organizationID = activity.organisationID.description
        let resolved = activity.title.resolve(language, fallback: fallback)
        name = resolved?.text ?? ""
        let others = activity.title.translations.filter { $0.key != resolved?.language && !$0.value.text.isEmpty }
            .sorted { $0.key < $1.key }.map(\.value.text)
        alternateName = others.isEmpty ? nil : others.joined(separator: " / ")
        description = activity.description.text(in: language, fallback: fallback)
        url = publicURL + Route.activity(city.slug, activity.id).path
        status = activity.status == .published ? "active" : "inactive"
        feesDescription = activity.isFree ? "free" : ActivityInput.euros(activity.feeCents) + " EUR"
        lastModified = DateTexts.iso8601(activity.updatedAt)
        guard full else { return }
        organization = organisation.map {
            HSDSOrganizationDTO($0, language: language, fallback: fallback, publicURL: publicURL, citySlug: city.slug)
        }
        schedules = activity.schedule.map { [Self.schedule($0, activity: activity, city: city)] } ?? []
        languages = activity.languages.map {
            Language(
                id: Self.derivedID(activity.id, "language-" + $0.rawValue), serviceID: id,
                name: LanguageNames.endonym($0), code: $0.rawValue)
        }
        costOptions = [
            CostOption(
                id: Self.derivedID(activity.id, "cost"), serviceID: id,
                option: activity.isFree ? "free" : "per participant", amount: Double(activity.feeCents) / 100)
        ]
        serviceAtLocations =
            place.map { place in
                [
                    ServiceAtLocation(
                        id: Self.derivedID(activity.id, "at-" + place.id.description), serviceID: id,
                        locationID: place.id.description,
                        location: Location(
                            id: place.id.description, name: place.name.text(in: language, fallback: fallback),
                            url: publicURL + Route.place(city.slug, place.id).path, latitude: place.latitude,
                            longitude: place.longitude))
                ]
            } ?? []
    }

    /// HSDS knows weekly and monthly rules only: a daily rule is written as weekly on every day; a yearly one
    /// keeps its description and the full rule, without `freq`.
    static func schedule(_ schedule: Domain.Schedule, activity: Activity, city: City) -> Schedule {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let start = Domain.Schedule.moment(schedule.firstDay, minutes: schedule.startMinutes, in: zone) ?? Date()
        let end = min(schedule.startMinutes + schedule.durationMinutes, 1_439)
        var result = Schedule(
            id: derivedID(activity.id, "schedule"), serviceID: activity.id.description,
            dtstart: schedule.firstDay.description, timezone: Double(zone.secondsFromGMT(for: start)) / 3_600,
            opensAt: OpeningHours.Span.clock(schedule.startMinutes), closesAt: OpeningHours.Span.clock(end),
            description: schedule.rule.map { "RRULE:" + $0.text } ?? "")
        guard let rule = schedule.rule else { return result }
        result.until = rule.until?.description
        result.count = rule.count
        result.interval = rule.interval
        let days = rule.byDay.map(\.text)
        switch rule.frequency {
        case .daily where rule.interval == 1 && rule.byDay.isEmpty:
            result.freq = "WEEKLY"
            result.byday = "MO,TU,WE,TH,FR,SA,SU"
        case .weekly, .monthly:
            result.freq = rule.frequency.rawValue
            result.byday = days.isEmpty ? nil : days.joined(separator: ",")
            result.bymonthday = rule.byMonthDay.isEmpty ? nil : rule.byMonthDay.map(String.init).joined(separator: ",")
        default:
            result.interval = nil
        }
        return result
    }

    /// A stable UUID for a record HSDS wants and Arrival does not keep (a language row, a schedule): the
    /// activity's id with a name folded in.
    static func derivedID(_ id: ActivityID, _ name: String) -> String {
        var bytes = Array(withUnsafeBytes(of: id.rawValue.uuid) { Data($0) })
        for (index, byte) in name.utf8.enumerated() { bytes[index % 16] = bytes[index % 16] &* 31 &+ byte }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        return uuid.uuidString.lowercased()
    }
}

extension HSDSServiceDTO: APISchema {
    static var schemaName: String { "HSDSService" }

    static var keys: JSONEncoder.KeyEncodingStrategy { .convertToSnakeCase }

    static var referenced: [any APISchema.Type] { [HSDSOrganizationDTO.self] }

    /// HSDS 3.0's `service`, as far as Arrival fills it; the parts after `last_modified` only in the full form.
    static var schema: JSONSchema {
        .record(
            "An activity as an Open Referral HSDS 3.0 service (schema/compiled/service.json of HSDS 3.0)",
            [
                "id": .id(),
                "organization_id": .id(),
                "name": .string,
                "alternate_name": .string(required: false, description: "its titles in other languages"),
                "description": .string,
                "url": .string(format: .uri),
                "status": .string(allowedValues: ["active", "inactive"]),
                "fees_description": .string,
                "last_modified": .moment(),
                "organization": HSDSOrganizationDTO.reference(required: false),
                "schedules": .array(required: false, items: scheduleSchema),
                "languages": .array(
                    required: false,
                    items: .record(
                        "A language the service is given in",
                        ["id": .id(), "service_id": .id(), "name": .string, "code": .string])),
                "cost_options": .array(
                    required: false,
                    items: .record(
                        "What it costs",
                        [
                            "id": .id(), "service_id": .id(), "option": .string,
                            "currency": .string(allowedValues: ["EUR"]), "amount": .number,
                        ])),
                "service_at_locations": .array(
                    required: false,
                    items: .record(
                        "Where it is given",
                        [
                            "id": .id(), "service_id": .id(), "location_id": .id(),
                            "location": .record(
                                "The place",
                                [
                                    "id": .id(), "location_type": .string(allowedValues: ["physical"]),
                                    "name": .string, "url": .string(format: .uri),
                                    "latitude": .number(required: false), "longitude": .number(required: false),
                                ]),
                        ])),
            ])
    }

    static var scheduleSchema: JSONSchema {
        .record(
            "When it is given, in RFC 5545 parts",
            [
                "id": .id(),
                "service_id": .id(),
                "dtstart": .day(),
                "timezone": .number(description: "hours from UTC on the first day"),
                "until": .day(required: false),
                "count": .integer(required: false),
                "wkst": .string(allowedValues: ["MO"]),
                "freq": .string(required: false, allowedValues: ["WEEKLY", "MONTHLY"]),
                "interval": .integer(required: false),
                "byday": .string(required: false, description: "e.g. MO,WE"),
                "bymonthday": .string(required: false, description: "e.g. 1,15"),
                "opens_at": .string(description: "HH:MM"),
                "closes_at": .string(description: "HH:MM"),
                "description": .string(description: "the whole rule as RRULE:…, or empty for one day"),
            ])
    }

    static var example: Self {
        let id = "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a"
        let place = "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f"
        return HSDSServiceDTO(
            id: id, organizationID: HSDSOrganizationDTO.example.id, name: "Kielikahvila",
            alternateName: "Language café", description: "Speak Finnish over coffee.",
            url: "https://arrival.example/vantaa/activities/\(id)", status: "active", feesDescription: "free",
            lastModified: "2026-01-10T08:30:00Z", organization: HSDSOrganizationDTO.example,
            schedules: [
                Schedule(
                    id: "0a1b2c3d-4e5f-5a6b-8c7d-8e9f0a1b2c3d", serviceID: id, dtstart: "2026-01-13", timezone: 2,
                    until: "2026-06-30", count: 20, freq: "WEEKLY", interval: 1, byday: "TU", bymonthday: "13",
                    opensAt: "17:00", closesAt: "18:30", description: "RRULE:FREQ=WEEKLY;BYDAY=TU")
            ],
            languages: [
                Language(id: "1a2b3c4d-5e6f-5a7b-8c9d-0e1f2a3b4c5d", serviceID: id, name: "suomi", code: "fi")
            ],
            costOptions: [
                CostOption(id: "2b3c4d5e-6f7a-5b8c-9d0e-1f2a3b4c5d6e", serviceID: id, option: "free", amount: 0)
            ],
            serviceAtLocations: [
                ServiceAtLocation(
                    id: "3c4d5e6f-7a8b-5c9d-8e1f-2a3b4c5d6e7f", serviceID: id, locationID: place,
                    location: Location(
                        id: place, name: "Tikkurila library", url: "https://arrival.example/vantaa/places/\(place)",
                        latitude: 60.2925, longitude: 25.0436))
            ])
    }
}

/// A page of an HSDS 3.0 list (the `Page` of its OpenAPI document) with its `contents`.
struct HSDSPage<Item: Encodable>: Encodable {
    var totalItems: Int
    var totalPages: Int
    var pageNumber: Int
    var size: Int
    var firstPage: Bool
    var lastPage: Bool
    var empty: Bool
    var contents: [Item]
}

extension HSDSPage: APISchema where Item: APISchema {
    static var schemaName: String { Item.schemaName + "Page" }

    static var keys: JSONEncoder.KeyEncodingStrategy { .convertToSnakeCase }

    static var referenced: [any APISchema.Type] { [Item.self] }

    static var schema: JSONSchema {
        .record(
            "A page of an HSDS 3.0 list; `page` and `per_page` ask for another",
            [
                "total_items": .integer,
                "total_pages": .integer,
                "page_number": .integer(description: "from 1"),
                "size": .integer(description: "items on this page"),
                "first_page": .boolean,
                "last_page": .boolean,
                "empty": .boolean,
                "contents": .array(items: Item.reference()),
            ])
    }

    static var example: Self {
        HSDSPage(
            totalItems: 1, totalPages: 1, pageNumber: 1, size: 1, firstPage: true, lastPage: true, empty: false,
            contents: [Item.example])
    }
}
