import Domain

/// The directory of places of encounter, filtered by kind, area, step-free access and bookability.
enum PlacesIndexPage {
    struct Model {
        var city: City
        var places: [Place]
        var areas: [Area]
        var filter: PlaceFilter
        var mayAdd: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let areaNames = Dictionary(
            uniqueKeysWithValues: model.areas.map { ($0.id, Localized.string($0.name, context)) })
        let places = model.places.sorted {
            Localized.string($0.name, context).localizedLowercase
                < Localized.string($1.name, context).localizedLowercase
        }
        let none = ValidationErrors()
        return Layout.page(title: t("directory.places.title"), context: context) {
            el("h1") { t("directory.places.title") }
            el("p", ["class": "lead"]) { t("directory.places.intro") }
            el("ul", ["class": "actions"]) {
                if model.mayAdd {
                    el("li") { el("a", ["href": Route.newPlace(city.slug).path]) { t("directory.places.new") } }
                }
                el("li") {
                    el("a", ["href": Route.apiPlacesGeoJSON(city.slug).path, "type": "application/geo+json"]) {
                        t("directory.places.geojson")
                    }
                }
            }
            el(
                "form",
                [
                    "method": "get", "action": Route.places(city.slug).path, "class": "filters", "role": "search",
                    "aria-label": t("directory.places.filter"),
                ]
            ) {
                FormFields.select(
                    "kind", label: t("directory.places.field.kind"),
                    options: [("", t("stakeholders.filter.any"))]
                        + Place.Kind.allCases.map { ($0.rawValue, t("directory.places.kind.\($0.rawValue)")) },
                    selected: model.filter.kind?.rawValue ?? "", errors: none, t: t)
                FormFields.select(
                    "area", label: t("stakeholders.filter.area"),
                    options: [("", t("stakeholders.filter.any"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: model.areas.first { $0.id == model.filter.areaID }?.code ?? "", errors: none, t: t)
                FormFields.checkbox(
                    "step_free", label: t("directory.places.filter.step_free"), checked: model.filter.stepFreeOnly,
                    errors: none, t: t)
                FormFields.checkbox(
                    "bookable", label: t("directory.places.filter.bookable"), checked: model.filter.bookableOnly,
                    errors: none, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.filter.submit") }
            }
            el("h2", ["id": "places-heading"]) { t.plural("directory.places.count", count: places.count) }
            if places.isEmpty {
                el("p") { t("directory.places.none") }
            } else {
                el("ul", ["class": "card-list", "aria-labelledby": "places-heading"]) {
                    for place in places {
                        el("li", ["class": "card"]) {
                            el("h3") {
                                el("a", ["href": Route.place(city.slug, place.id).path]) {
                                    Localized.text(place.name, context)
                                }
                            }
                            el("p") {
                                el("span", ["class": "tag"]) { t("directory.places.kind.\(place.kind.rawValue)") }
                                if place.bookable {
                                    " "
                                    el("span", ["class": "tag"]) { t("directory.places.bookable") }
                                }
                                if place.isStepFree {
                                    " "
                                    el("span", ["class": "tag"]) { t("directory.places.accessibility.step_free") }
                                }
                            }
                            if !place.address.isEmpty || place.areaID != nil {
                                el("p") {
                                    [place.address, place.areaID.flatMap { areaNames[$0] } ?? ""]
                                        .filter { !$0.isEmpty }.joined(separator: ", ")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
