import Domain
import Foundation
import OpenAPIKit

/// An activity as the JSON API shows it.
struct ActivityDTO: Encodable {
    struct ScheduleDTO: Encodable {
        /// The first day, `YYYY-MM-DD`, in the city's time zone.
        var firstDay: String
        /// `HH:MM` local time.
        var start: String
        var durationMinutes: Int
        /// RFC 5545 `RRULE` value, or null for a single occurrence.
        var rule: String?
        var cancelled: [String]
        var timeZone: String
    }

    var id: String
    var organisation: String
    var kind: String
    var title: String
    var titles: [String: String]
    var description: String
    var categories: [String]
    var targetGroups: [String]
    var languages: [String]
    var areas: [String]
    var place: String?
    var schedule: ScheduleDTO?
    var nextStart: String?
    var capacity: Int?
    var feeCents: Int
    var volunteerRun: Bool
    var referralEligible: Bool
    var referralFeeCents: Int
    var status: String
    var updatedAt: String
}

extension ActivityDTO {
    init(
        _ activity: Activity, next: Schedule.Occurrence?, city: City, categoryCodes: [CategoryID: String],
        areaCodes: [AreaID: String], language: LanguageCode
    ) {
        id = activity.id.description
        organisation = activity.organisationID.description
        kind = activity.kind.rawValue
        title = activity.title.text(in: language, fallback: city.defaultLanguage)
        titles = activity.title.plainTexts
        description = activity.description.text(in: language, fallback: city.defaultLanguage)
        categories = activity.categoryIDs.compactMap { categoryCodes[$0] }
        targetGroups = activity.targetGroups.map(\.rawValue)
        languages = activity.languages.map(\.rawValue)
        areas = activity.areaIDs.compactMap { areaCodes[$0] }
        place = activity.placeID?.description
        schedule = activity.schedule.map {
            ScheduleDTO(
                firstDay: $0.firstDay.description, start: OpeningHours.Span.clock($0.startMinutes),
                durationMinutes: $0.durationMinutes, rule: $0.rule?.text,
                cancelled: $0.exceptions.sorted().map(\.description), timeZone: city.timeZone)
        }
        nextStart = next.map { DateTexts.iso8601($0.start) }
        capacity = activity.capacity
        feeCents = activity.feeCents
        volunteerRun = activity.volunteerRun
        referralEligible = activity.referralEligible
        referralFeeCents = activity.referralFeeCents
        status = activity.status.rawValue
        updatedAt = DateTexts.iso8601(activity.updatedAt)
    }
}

extension ActivityDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An activity of the directory",
            [
                "id": .id(),
                "organisation": .id(description: "the organisation that runs it"),
                "kind": .oneOf(Activity.Kind.self),
                "title": .string,
                "titles": .translations(),
                "description": .string,
                "categories": .strings(description: "category codes"),
                "targetGroups": .array(items: .oneOf(Activity.TargetGroup.self)),
                "languages": .strings(description: "language codes it is run in"),
                "areas": .strings(description: "area codes"),
                "place": .id(required: false),
                "schedule": .record(
                    "When it happens, in the city's time zone",
                    [
                        "firstDay": .day(),
                        "start": .string(description: "HH:MM, local time"),
                        "durationMinutes": .integer,
                        "rule": .string(required: false, description: "RFC 5545 RRULE value; absent for one day"),
                        "cancelled": .array(items: .day()),
                        "timeZone": .string,
                    ]
                ).optional,
                "nextStart": .moment(required: false),
                "capacity": .integer(required: false),
                "feeCents": .integer,
                "volunteerRun": .boolean,
                "referralEligible": .boolean,
                "referralFeeCents": .integer,
                "status": .oneOf(Activity.Status.self),
                "updatedAt": .moment(),
            ])
    }

    static var example: Self {
        ActivityDTO(
            id: "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a", organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
            kind: Activity.Kind.languageCafe.rawValue, title: "Language café", titles: ["fi": "Kielikahvila"],
            description: "Speak Finnish over coffee.", categories: ["language"],
            targetGroups: [Activity.TargetGroup.everyone.rawValue], languages: ["fi"], areas: ["01200"],
            place: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f",
            schedule: ScheduleDTO(
                firstDay: "2026-01-13", start: "17:00", durationMinutes: 90, rule: "FREQ=WEEKLY;BYDAY=TU",
                cancelled: ["2026-04-07"], timeZone: "Europe/Helsinki"),
            nextStart: "2026-03-03T15:00:00Z", capacity: 20, feeCents: 0, volunteerRun: true, referralEligible: true,
            referralFeeCents: 500, status: Activity.Status.published.rawValue, updatedAt: "2026-01-10T08:30:00Z")
    }
}

/// A category of the city's taxonomy.
struct CategoryDTO: Encodable {
    var code: String
    var name: String
    var names: [String: String]
    var position: Int
}

extension CategoryDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A category of the city's activities",
            [
                "code": .string,
                "name": .string,
                "names": .translations(),
                "position": .integer(description: "the categories' order"),
            ])
    }

    static var example: Self {
        CategoryDTO(code: "language", name: "Language", names: ["fi": "Kieli", "en": "Language"], position: 1)
    }
}
