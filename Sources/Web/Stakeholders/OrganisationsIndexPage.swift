import Domain

/// The public directory: who does what, filtered by kind, language, area and migrant-led, searchable by name.
enum OrganisationsIndexPage {
    struct Model {
        var city: City
        var organisations: [Organisation]
        var areas: [Area]
        var filter: OrganisationFilter
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let areaNames = Dictionary(
            uniqueKeysWithValues: model.areas.map { ($0.id, Localized.string($0.name, context)) })
        let organisations = model.organisations.sorted {
            Localized.string($0.name, context).localizedLowercase
                < Localized.string($1.name, context).localizedLowercase
        }
        return Layout.page(title: t("stakeholders.index.title"), context: context) {
            el("h1") { t("stakeholders.index.title") }
            if Authorization.allows(context.actor, .coordinate(city.id)) {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.newOrganisation(city.slug).path]) { t("stakeholders.index.new") }
                    }
                    el("li") {
                        el("a", ["href": Route.importOrganisations(city.slug).path]) { t("stakeholders.index.import") }
                    }
                    el("li") {
                        el("a", ["href": Route.exportOrganisations(city.slug).path]) { t("stakeholders.index.export") }
                    }
                }
            }
            filterForm(model, context)
            el("h2", ["id": "results-heading"]) {
                t.plural("stakeholders.index.count", count: organisations.count)
            }
            if organisations.isEmpty {
                el("p") { t("stakeholders.index.none") }
            } else {
                el("ul", ["class": "card-list", "aria-labelledby": "results-heading"]) {
                    for organisation in organisations {
                        el("li", ["class": "card"]) {
                            el("h3") {
                                el("a", ["href": Route.organisation(city.slug, organisation.id).path]) {
                                    Localized.text(organisation.name, context)
                                }
                            }
                            el("p") {
                                el("span", ["class": "tag"]) { t("organisations.kind.\(organisation.kind.rawValue)") }
                                if organisation.status == .inactive {
                                    " "
                                    el("span", ["class": "tag"]) { t("stakeholders.status.inactive") }
                                }
                            }
                            if !organisation.languages.isEmpty {
                                el("p") {
                                    t(
                                        "stakeholders.index.languages",
                                        [
                                            "languages": organisation.languages.map(LanguageNames.endonym).joined(
                                                separator: ", ")
                                        ])
                                }
                            }
                            if !organisation.areaIDs.isEmpty {
                                el("p") {
                                    t(
                                        "stakeholders.index.areas",
                                        [
                                            "areas": organisation.areaIDs.compactMap { areaNames[$0] }.joined(
                                                separator: ", ")
                                        ])
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func filterForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let filter = model.filter
        let none = ValidationErrors()
        let languages = Array(Set(model.city.languages + model.organisations.flatMap(\.languages))).sorted()
        return el(
            "form",
            [
                "method": "get", "action": Route.organisations(model.city.slug).path, "class": "filters",
                "role": "search", "aria-label": t("stakeholders.filter.label"),
            ]
        ) {
            FormFields.text(
                "q", label: t("stakeholders.filter.query"), value: filter.query, type: "search", required: false,
                errors: none, t: t)
            FormFields.select(
                "kind", label: t("stakeholders.filter.kind"),
                options: [("", t("stakeholders.filter.any"))]
                    + Organisation.Kind.allCases.map { ($0.rawValue, t("organisations.kind.\($0.rawValue)")) },
                selected: filter.kind?.rawValue ?? "", errors: none, t: t)
            FormFields.select(
                "language", label: t("stakeholders.filter.language"),
                options: [("", t("stakeholders.filter.any"))]
                    + languages.map { ($0.rawValue, LanguageNames.endonym($0)) },
                selected: filter.language?.rawValue ?? "", errors: none, t: t)
            FormFields.select(
                "area", label: t("stakeholders.filter.area"),
                options: [("", t("stakeholders.filter.any"))]
                    + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                selected: model.areas.first { $0.id == filter.areaID }?.code ?? "", errors: none, t: t)
            FormFields.checkbox(
                "migrant_led", label: t("stakeholders.filter.migrant_led"), checked: filter.migrantLedOnly,
                errors: none,
                t: t)
            el("button", ["type": "submit"]) { t("stakeholders.filter.submit") }
        }
    }
}
