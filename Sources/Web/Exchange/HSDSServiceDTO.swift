import Domain
import Foundation

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
