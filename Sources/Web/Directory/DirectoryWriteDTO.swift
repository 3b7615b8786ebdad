import Domain
import Foundation

/// An activity as the JSON API takes it (POST creates, PUT changes): the fields of `ActivityDTO` that can be set,
/// in the same shapes. Money is in cents, the schedule's day and time are the city's local ones.
struct ActivityWriteDTO: Decodable {
    struct ScheduleWrite: Decodable {
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

/// An event as the JSON API takes it (POST creates, PUT changes): the fields of `EventDTO` that can be set. The
/// day and times are the city's local ones.
struct EventWriteDTO: Decodable {
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
