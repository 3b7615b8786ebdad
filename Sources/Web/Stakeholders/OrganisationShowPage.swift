import Domain
import Foundation

/// One organisation: what it is, where and in which languages it works, and how to reach it.
enum OrganisationShowPage {
    struct Model {
        var city: City
        var organisation: Organisation
        var areas: [Area]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let organisation = model.organisation
        let title = Localized.string(organisation.name, context)
        let areaNames = Dictionary(
            uniqueKeysWithValues: model.areas.map { ($0.id, Localized.string($0.name, context)) })
        return Layout.page(title: title, context: context) {
            el("h1") { Localized.text(organisation.name, context) }
            el("p") {
                el("span", ["class": "tag"]) { t("organisations.kind.\(organisation.kind.rawValue)") }
                " "
                el("span", ["class": "tag", "data-status": organisation.status.rawValue]) {
                    t("stakeholders.status.\(organisation.status.rawValue)")
                }
            }
            if Authorization.allows(context.actor, .editOrganisation(city.id, organisation.id)) {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editOrganisation(city.slug, organisation.id).path]) {
                            t("stakeholders.show.edit")
                        }
                    }
                }
            }
            if !organisation.description.isEmpty {
                Localized.text(organisation.description, context, tag: "p")
            }
            el("dl", ["class": "facts"]) {
                el("dt") { t("stakeholders.field.languages") }
                el("dd") {
                    organisation.languages.isEmpty
                        ? "–" : organisation.languages.map(LanguageNames.endonym).joined(separator: ", ")
                }
                el("dt") { t("stakeholders.field.areas") }
                el("dd") {
                    organisation.areaIDs.isEmpty
                        ? t("stakeholders.show.whole_city")
                        : organisation.areaIDs.compactMap { areaNames[$0] }.joined(separator: ", ")
                }
                if let website = organisation.website {
                    el("dt") { t("stakeholders.field.website") }
                    el("dd") { el("a", ["href": website, "rel": "noopener"]) { website } }
                }
                if let email = organisation.email {
                    el("dt") { t("stakeholders.field.email") }
                    el("dd") { el("a", ["href": "mailto:" + email]) { email } }
                }
                el("dt") { t("stakeholders.field.last_confirmed") }
                el("dd") {
                    organisation.lastConfirmedAt.map { CalendarDay($0).description } ?? t("stakeholders.show.never")
                }
            }
        }
    }
}
