import Domain
import Foundation
import OpenAPIKit

/// An activity as the JSON API takes it (POST creates, PUT changes): the fields of `ActivityDTO` that can be set,
/// in the same shapes. Money is in cents, the schedule's day and time are the city's local ones.
struct ActivityWriteDTO: Codable {
    struct ScheduleWrite: Codable {
        /// `YYYY-MM-DD`.
        var firstDay: String
        /// `HH:MM`.
        var start: String
        var durationMinutes: Int
        /// An RFC 5545 `RRULE` value; none for a single occurrence.
        var rule: String?
        var cancelled: [String]?
    }

    var organisation: String
    var kind: String
    var titles: [String: String]
    var descriptions: [String: String]?
    var categories: [String]?
    var targetGroups: [String]?
    var languages: [String]?
    var areas: [String]?
    var place: String?
    var schedule: ScheduleWrite?
    var capacity: Int?
    var feeCents: Int?
    var volunteerRun: Bool?
    var referralEligible: Bool?
    var referralFeeCents: Int?
    var status: String?

    /// The form fields checked by `ActivityInput`, under the names this body gives them.
    static let fieldNames = [
        "target_groups": "targetGroups", "fee": "feeCents", "referral_fee": "referralFeeCents",
        "first_day": "schedule.firstDay", "from": "schedule.start", "until": "schedule.durationMinutes",
        "rule": "schedule.rule", "repeats": "schedule.rule", "cancelled": "schedule.cancelled",
    ]

    /// The form's input; a negative amount of cents becomes negative euros, which the form's check refuses.
    var input: ActivityInput {
        ActivityInput(
            organisation: organisation, kind: kind, titles: OrganisationWriteDTO.texts(titles),
            descriptions: OrganisationWriteDTO.texts(descriptions ?? [:]), categories: categories ?? [],
            targetGroups: targetGroups ?? [], languages: (languages ?? []).joined(separator: " "),
            areas: areas ?? [], place: place ?? "", schedule: schedule.map(Self.schedule) ?? ScheduleInput(),
            capacity: capacity.map(String.init) ?? "", fee: ActivityInput.euros(feeCents ?? 0),
            volunteerRun: volunteerRun ?? false, referralEligible: referralEligible ?? false,
            referralFee: ActivityInput.euros(referralFeeCents ?? 0),
            status: status ?? Activity.Status.published.rawValue)
    }

    /// The form's schedule fields: a rule is a custom repetition, the duration an end time on the same day.
    static func schedule(_ write: ScheduleWrite) -> ScheduleInput {
        let until = OpeningHours.minutes(write.start.trimmingCharacters(in: .whitespaces)).flatMap {
            (start: Int) -> String? in
            // Compared before adding, so no duration a client sends can overflow.
            guard write.durationMinutes > 0, write.durationMinutes <= 1_440 - start else { return nil }
            return OpeningHours.Span.clock(start + write.durationMinutes)
        }
        let rule = write.rule?.trimmingCharacters(in: .whitespaces) ?? ""
        return ScheduleInput(
            firstDay: write.firstDay, from: write.start, until: until ?? "",
            repeats: rule.isEmpty ? ScheduleInput.Repeat.none.rawValue : ScheduleInput.Repeat.custom.rawValue,
            rule: rule, cancelled: (write.cancelled ?? []).joined(separator: " "))
    }
}

extension ActivityWriteDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An activity as created or changed; fields left out are empty (status: published)",
            [
                "organisation": .id(description: "an organisation the caller edits"),
                "kind": .oneOf(Activity.Kind.self),
                "titles": .translations(),
                "descriptions": .translations(required: false),
                "categories": .strings(required: false, description: "category codes"),
                "targetGroups": .array(required: false, items: .oneOf(Activity.TargetGroup.self)),
                "languages": .strings(required: false),
                "areas": .strings(required: false, description: "area codes"),
                "place": .id(required: false),
                "schedule": .record(
                    "When it happens, in the city's time zone",
                    [
                        "firstDay": .day(),
                        "start": .string(description: "HH:MM"),
                        "durationMinutes": .integer(description: "ends the same day"),
                        "rule": .string(required: false, description: "RFC 5545 RRULE value"),
                        "cancelled": .array(required: false, items: .day()),
                    ]
                ).optional,
                "capacity": .integer(required: false),
                "feeCents": .integer(required: false),
                "volunteerRun": .boolean(required: false),
                "referralEligible": .boolean(required: false),
                "referralFeeCents": .integer(required: false),
                "status": .oneOf(Activity.Status.self, required: false),
            ])
    }

    static var example: Self {
        ActivityWriteDTO(
            organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", kind: Activity.Kind.club.rawValue,
            titles: ["en": "Homework club"], descriptions: ["en": "Help with homework."], categories: ["learning"],
            targetGroups: [Activity.TargetGroup.children.rawValue], languages: ["fi", "ar"], areas: ["01200"],
            place: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f",
            schedule: ScheduleWrite(
                firstDay: "2026-02-02", start: "15:00", durationMinutes: 90, rule: "FREQ=WEEKLY;BYDAY=MO",
                cancelled: ["2026-02-23"]), capacity: 15, feeCents: 0, volunteerRun: true, referralEligible: false,
            referralFeeCents: 0, status: Activity.Status.draft.rawValue)
    }
}

/// An event as the JSON API takes it (POST creates, PUT changes): the fields of `EventDTO` that can be set. The
/// day and times are the city's local ones.
struct EventWriteDTO: Codable {
    var kind: String
    var titles: [String: String]
    var descriptions: [String: String]?
    /// Organisation ids; the first leads.
    var organisers: [String]
    var network: String?
    var place: String?
    /// An area code.
    var area: String?
    /// `YYYY-MM-DD`.
    var day: String
    /// `HH:MM`.
    var start: String
    /// `HH:MM`, later than `start` on the same day.
    var end: String
    var capacity: Int?
    var registration: Bool?
    var feeCents: Int?
    /// What the event cost its organisers, for the plan's monitoring.
    var costCents: Int?
    var status: String?

    static let fieldNames = [
        "from": "start", "until": "end", "fee": "feeCents", "cost": "costCents", "title": "titles",
        "description": "descriptions",
    ]

    var input: EventInput {
        EventInput(
            kind: kind, titles: OrganisationWriteDTO.texts(titles),
            descriptions: OrganisationWriteDTO.texts(descriptions ?? [:]), organisers: organisers,
            network: network ?? "", place: place ?? "", areaCode: area ?? "", day: day, from: start, until: end,
            capacity: capacity.map(String.init) ?? "", registration: registration ?? false,
            fee: ActivityInput.euros(feeCents ?? 0), cost: costCents.map(ActivityInput.euros) ?? "",
            status: status ?? Event.Status.published.rawValue)
    }
}

extension EventWriteDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An event as announced or changed; fields left out are empty (status: published)",
            [
                "kind": .oneOf(Event.Kind.self),
                "titles": .translations(),
                "descriptions": .translations(required: false),
                "organisers": .array(description: "organisation ids; the first leads", items: .id()),
                "network": .id(required: false),
                "place": .id(required: false),
                "area": .string(required: false, description: "area code"),
                "day": .day(),
                "start": .string(description: "HH:MM, the city's time"),
                "end": .string(description: "HH:MM, the city's time, after start"),
                "capacity": .integer(required: false),
                "registration": .boolean(required: false),
                "feeCents": .integer(required: false),
                "costCents": .integer(required: false, description: "what it cost its organisers"),
                "status": .oneOf(Event.Status.self, required: false),
            ])
    }

    static var example: Self {
        EventWriteDTO(
            kind: Event.Kind.neighbourhoodGetTogether.rawValue, titles: ["en": "Courtyard party"],
            descriptions: ["en": "Food and music."], organisers: ["6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01"],
            network: "0b6f8e2c-3d4a-4e1f-8a7b-9c0d1e2f3a4b", place: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f",
            area: "01200", day: "2026-06-06", start: "14:00", end: "18:00", capacity: 200, registration: false,
            feeCents: 0, costCents: 45_000, status: Event.Status.published.rawValue)
    }
}
