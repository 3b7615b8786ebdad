import Domain
import Foundation

/// "What's on": activities found by words and filters, each with its next date, page by page.
enum ActivitiesIndexPage {
    struct Model {
        var city: City
        var page: ActivityUseCases.Page
        var filter: ActivityFilter
        var errors: ValidationErrors
        var categories: [Domain.Category]
        var areas: [Area]
        var organisations: [OrganisationID: LocalizedText]
        var places: [PlaceID: LocalizedText]
        var mayAdd: Bool
        var mayEditCategories: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("directory.activities.title"), context: context) {
            el("h1") { t("directory.activities.title") }
            el("p", ["class": "lead"]) { t("directory.activities.intro") }
            el("ul", ["class": "actions"]) {
                if model.mayAdd {
                    el("li") {
                        el("a", ["href": Route.newActivity(city.slug).path]) { t("directory.activities.new") }
                    }
                }
                if model.mayEditCategories {
                    el("li") {
                        el("a", ["href": Route.categories(city.slug).path]) { t("directory.categories.title") }
                    }
                }
                el("li") {
                    el(
                        "a",
                        [
                            "href": Route.activitiesCalendar(city.slug).path + model.filter.queryString(),
                            "type": "text/calendar",
                        ]
                    ) { t("directory.activities.subscribe") }
                }
            }
            filters(model, context)
            results(model, context)
        }
    }

    static func filters(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let filter = model.filter
        let errors = model.errors
        let any = ("", t("stakeholders.filter.any"))
        return el(
            "form",
            [
                "method": "get", "action": Route.activities(model.city.slug).path, "class": "filters",
                "role": "search", "aria-label": t("directory.activities.filter"),
            ]
        ) {
            FormFields.summary(errors, t: t)
            FormFields.text(
                "q", label: t("directory.activities.search"), value: filter.text, type: "search", required: false,
                errors: errors, t: t)
            FormFields.select(
                "category", label: t("directory.activities.field.categories"),
                options: [any] + model.categories.map { ($0.code, Localized.string($0.name, context)) },
                selected: filter.category, errors: errors, t: t)
            FormFields.select(
                "area", label: t("stakeholders.filter.area"),
                options: [any] + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                selected: filter.area, errors: errors, t: t)
            FormFields.select(
                "language", label: t("directory.activities.field.languages"),
                options: [any]
                    + ActivityFormPage.spokenLanguages.map { ($0, LanguageNames.endonym(LanguageCode($0)!)) },
                selected: filter.language, errors: errors, t: t)
            FormFields.select(
                "group", label: t("directory.activities.field.target_groups"),
                options: [any]
                    + Activity.TargetGroup.allCases.map {
                        ($0.rawValue, t("directory.activities.group.\($0.rawValue)"))
                    },
                selected: filter.group, errors: errors, t: t)
            FormFields.select(
                "kind", label: t("directory.activities.field.kind"),
                options: [any]
                    + Activity.Kind.allCases.map { ($0.rawValue, t("directory.activities.kind.\($0.rawValue)")) },
                selected: filter.kind, errors: errors, t: t)
            FormFields.text(
                "from", label: t("directory.activities.filter.from"), value: filter.from, type: "date",
                required: false, errors: errors, t: t)
            FormFields.text(
                "through", label: t("directory.activities.filter.through"), value: filter.through, type: "date",
                required: false, errors: errors, t: t)
            FormFields.checkbox(
                "free", label: t("directory.activities.filter.free"), checked: filter.free, errors: errors, t: t)
            FormFields.checkbox(
                "accessible", label: t("directory.activities.filter.accessible"), checked: filter.accessible,
                errors: errors, t: t)
            el("button", ["type": "submit"]) { t("stakeholders.filter.submit") }
        }
    }

    static func results(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let page = model.page
        let zone = TimeZone(identifier: model.city.timeZone) ?? .current
        return el("section", ["aria-labelledby": "activities-heading"]) {
            el("h2", ["id": "activities-heading"]) {
                if let total = page.total {
                    t.plural("directory.activities.count", count: total)
                } else {
                    t("directory.activities.results")
                }
            }
            if page.items.isEmpty {
                el("p") { t("directory.activities.none") }
            } else {
                el("ul", ["class": "card-list", "aria-labelledby": "activities-heading"]) {
                    for item in page.items { card(item, model, context, zone: zone) }
                }
            }
            pager(model, context)
        }
    }

    static func card(
        _ item: ActivityUseCases.Listed, _ model: Model, _ context: PageContext, zone: TimeZone
    ) -> Node {
        let t = context.t
        let activity = item.activity
        return el("li", ["class": "card"]) {
            el("h3") {
                el("a", ["href": Route.activity(model.city.slug, activity.id).path]) {
                    Localized.text(activity.title, context)
                }
            }
            if let next = item.next {
                el("p") {
                    el("strong") { t("directory.activities.next") }
                    " " + ScheduleText.occurrence(next, language: context.language, zone: zone)
                }
            }
            el("p") {
                el("span", ["class": "tag"]) { t("directory.activities.kind.\(activity.kind.rawValue)") }
                " "
                el("span", ["class": "tag"]) {
                    activity.isFree
                        ? t("directory.activities.free")
                        : t("directory.activities.fee", ["amount": ActivityInput.euros(activity.feeCents)])
                }
                for language in activity.languages {
                    " "
                    el(
                        "span",
                        ["class": "tag", "lang": language.rawValue, "dir": language.isRightToLeft ? "rtl" : nil]
                    ) {
                        LanguageNames.endonym(language)
                    }
                }
            }
            el("p") {
                if let name = model.organisations[activity.organisationID] { Localized.text(name, context) }
                if let place = activity.placeID.flatMap({ model.places[$0] }) {
                    " · "
                    Localized.text(place, context)
                }
            }
        }
    }

    static func pager(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let current = model.filter.page
        let path = Route.activities(model.city.slug).path
        guard current > 1 || model.page.hasMore else { return .fragment([]) }
        return el("nav", ["class": "pager", "aria-label": t("directory.activities.pages")]) {
            el("ul", ["class": "actions"]) {
                if current > 1 {
                    el("li") {
                        el("a", ["href": path + model.filter.queryString(page: current - 1), "rel": "prev"]) {
                            t("directory.activities.previous")
                        }
                    }
                }
                el("li", ["aria-current": "page"]) { t("directory.activities.page", ["page": String(current)]) }
                if model.page.hasMore {
                    el("li") {
                        el("a", ["href": path + model.filter.queryString(page: current + 1), "rel": "next"]) {
                            t("directory.activities.next_page")
                        }
                    }
                }
            }
        }
    }
}
