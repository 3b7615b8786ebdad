import Domain
import Foundation

/// Events to come (or past ones), filtered by kind and area, each with its time, place and organisers.
enum EventsIndexPage {
    struct Model {
        var city: City
        var events: [Event]
        var past: Bool
        var kind: String
        var areaCode: String
        var areas: [Area]
        var organisations: [OrganisationID: LocalizedText]
        var places: [PlaceID: LocalizedText]
        var mayAdd: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let none = ValidationErrors()
        let title = model.past ? t("directory.events.past_title") : t("directory.events.title")
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            el("p", ["class": "lead"]) { t("directory.events.intro") }
            el("ul", ["class": "actions"]) {
                if model.mayAdd {
                    el("li") { el("a", ["href": Route.newEvent(city.slug).path]) { t("directory.events.new") } }
                }
                el("li") {
                    el("a", ["href": Route.events(city.slug).path + (model.past ? "" : "?when=past")]) {
                        model.past ? t("directory.events.upcoming_link") : t("directory.events.past_link")
                    }
                }
                el("li") {
                    el("a", ["href": Route.eventsCalendar(city.slug).path, "type": "text/calendar"]) {
                        t("directory.events.subscribe")
                    }
                }
            }
            el(
                "form",
                [
                    "method": "get", "action": Route.events(city.slug).path, "class": "filters", "role": "search",
                    "aria-label": t("directory.events.filter"),
                ]
            ) {
                if model.past { void("input", ["type": "hidden", "name": "when", "value": "past"]) }
                FormFields.select(
                    "kind", label: t("directory.events.field.kind"),
                    options: [("", t("stakeholders.filter.any"))]
                        + Event.Kind.allCases.map { ($0.rawValue, t("directory.events.kind.\($0.rawValue)")) },
                    selected: model.kind, errors: none, t: t)
                FormFields.select(
                    "area", label: t("stakeholders.filter.area"),
                    options: [("", t("stakeholders.filter.any"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: model.areaCode, errors: none, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.filter.submit") }
            }
            el("h2", ["id": "events-heading"]) { t.plural("directory.events.count", count: model.events.count) }
            if model.events.isEmpty {
                el("p") { t("directory.events.none") }
            } else {
                el("ul", ["class": "card-list", "aria-labelledby": "events-heading"]) {
                    for event in model.events { card(event, model, context) }
                }
            }
        }
    }

    static func card(_ event: Event, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("li", ["class": "card"]) {
            el("h3") {
                el("a", ["href": Route.event(model.city.slug, event.id).path]) { Localized.text(event.title, context) }
            }
            el("p") { el("strong") { EventText.when(event, city: model.city, language: context.language) } }
            el("p") {
                el("span", ["class": "tag"]) { t("directory.events.kind.\(event.kind.rawValue)") }
                if event.status != .published {
                    " "
                    el("span", ["class": "tag"]) { t("directory.events.status.\(event.status.rawValue)") }
                }
                if event.registration && event.status == .published {
                    " "
                    el("span", ["class": "tag"]) { t("directory.events.registration_tag") }
                }
            }
            el("p") {
                event.organiserIDs.compactMap { model.organisations[$0] }.map { Localized.string($0, context) }
                    .joined(separator: ", ")
                if let place = event.placeID.flatMap({ model.places[$0] }) {
                    " · "
                    Localized.text(place, context)
                }
            }
        }
    }
}
