import Domain
import Foundation

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

/// A category of the city's taxonomy.
struct CategoryDTO: Encodable {
    var code: String
    var name: String
    var names: [String: String]
    var position: Int
}
