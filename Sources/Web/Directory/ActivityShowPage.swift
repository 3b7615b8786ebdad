import Domain
import Foundation

/// One activity: what it is, who runs it, where, when (in words and the next dates), for whom, in which
/// languages, what it costs, and a calendar file.
enum ActivityShowPage {
    struct Model {
        var city: City
        var activity: Activity
        var organisation: Organisation?
        var place: Place?
        var categories: [Domain.Category]
        var areas: [Area]
        var upcoming: [Schedule.Occurrence]
        var mayEdit: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let activity = model.activity
        return Layout.page(title: Localized.string(activity.title, context), context: context) {
            el("h1") { Localized.text(activity.title, context) }
            el("p") {
                el("span", ["class": "tag"]) { t("directory.activities.kind.\(activity.kind.rawValue)") }
                if activity.status != .published {
                    " "
                    el("span", ["class": "tag"]) { t("directory.activities.status.\(activity.status.rawValue)") }
                }
            }
            el("ul", ["class": "actions"]) {
                if model.mayEdit {
                    el("li") {
                        el("a", ["href": Route.editActivity(city.slug, activity.id).path]) {
                            t("directory.activities.edit")
                        }
                    }
                }
                if activity.schedule != nil && activity.status == .published {
                    el("li") {
                        el("a", ["href": Route.activityCalendar(city.slug, activity.id).path, "type": "text/calendar"])
                        {
                            t("directory.activities.add_to_calendar")
                        }
                    }
                }
            }
            if !activity.description.isEmpty { Localized.text(activity.description, context, tag: "p") }
            facts(model, context)
            dates(model, context)
        }
    }

    static func facts(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let activity = model.activity
        let city = model.city
        let categories = model.categories.filter { activity.categoryIDs.contains($0.id) }
        let areas = model.areas.filter { activity.areaIDs.contains($0.id) }
        return el("dl", ["class": "facts"]) {
            if let organisation = model.organisation {
                el("dt") { t("directory.activities.field.organisation") }
                el("dd") {
                    el("a", ["href": Route.organisation(city.slug, organisation.id).path]) {
                        Localized.text(organisation.name, context)
                    }
                }
            }
            if let schedule = activity.schedule {
                el("dt") { t("directory.activities.when") }
                el("dd") { ScheduleText.summary(schedule, t: t) }
            }
            if let place = model.place {
                el("dt") { t("directory.activities.field.place") }
                el("dd") {
                    el("a", ["href": Route.place(city.slug, place.id).path]) { Localized.text(place.name, context) }
                    if !place.address.isEmpty { ", " + place.address }
                    if place.isStepFree {
                        " "
                        el("span", ["class": "tag"]) { t("directory.places.accessibility.step_free") }
                    }
                }
            }
            if !activity.languages.isEmpty {
                el("dt") { t("directory.activities.field.languages") }
                el("dd") {
                    for (index, language) in activity.languages.enumerated() {
                        if index > 0 { ", " }
                        el("span", ["lang": language.rawValue, "dir": language.isRightToLeft ? "rtl" : nil]) {
                            LanguageNames.endonym(language)
                        }
                    }
                }
            }
            if !activity.targetGroups.isEmpty {
                el("dt") { t("directory.activities.field.target_groups") }
                el("dd") {
                    activity.targetGroups.map { t("directory.activities.group.\($0.rawValue)") }
                        .joined(separator: ", ")
                }
            }
            if !categories.isEmpty {
                el("dt") { t("directory.activities.field.categories") }
                el("dd") { categories.map { Localized.string($0.name, context) }.joined(separator: ", ") }
            }
            if !areas.isEmpty {
                el("dt") { t("directory.activities.field.areas") }
                el("dd") { areas.map { Localized.string($0.name, context) }.joined(separator: ", ") }
            }
            el("dt") { t("directory.activities.field.fee") }
            el("dd") {
                activity.isFree
                    ? t("directory.activities.free")
                    : t("directory.activities.fee", ["amount": ActivityInput.euros(activity.feeCents)])
            }
            if let capacity = activity.capacity {
                el("dt") { t("directory.activities.field.capacity") }
                el("dd") { t.plural("directory.places.people", count: capacity) }
            }
            if activity.volunteerRun {
                el("dt") { t("directory.activities.volunteer_run") }
                el("dd") { t("common.yes") }
            }
            if activity.referralEligible {
                el("dt") { t("directory.activities.field.referral_eligible") }
                el("dd") {
                    activity.referralFeeCents == 0
                        ? t("common.yes")
                        : t(
                            "directory.activities.referral_fee",
                            [
                                "amount": ActivityInput.euros(activity.referralFeeCents)
                            ])
                }
            }
        }
    }

    static func dates(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        guard model.activity.schedule != nil else { return .fragment([]) }
        let zone = TimeZone(identifier: model.city.timeZone) ?? .current
        return el("section", ["aria-labelledby": "dates-heading"]) {
            el("h2", ["id": "dates-heading"]) { t("directory.activities.dates") }
            if model.upcoming.isEmpty {
                el("p") { t("directory.activities.no_dates") }
            } else {
                el("ul") {
                    for occurrence in model.upcoming {
                        el("li") { ScheduleText.occurrence(occurrence, language: context.language, zone: zone) }
                    }
                }
            }
        }
    }
}
