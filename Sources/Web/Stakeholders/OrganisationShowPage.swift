import Domain
import Foundation

/// One organisation: what it is, where and in which languages it works, and how to reach it.
enum OrganisationShowPage {
    struct Model {
        var city: City
        var organisation: Organisation
        var areas: [Area]
        /// The contacts this reader may see.
        var contacts: [ContactPerson]
        var partnerships: [Partnership]
        var networks: [(Network, NetworkMembership)]
        /// Names of the other organisations the page mentions.
        var names: [OrganisationID: String]
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
            contactsSection(model, context)
            el("section", ["aria-labelledby": "ties-heading"]) {
                el("h2", ["id": "ties-heading"]) { t("stakeholders.show.networks_and_partners") }
                if !model.networks.isEmpty {
                    el("ul") {
                        for (network, membership) in model.networks {
                            el("li") {
                                el("a", ["href": Route.network(city.slug, network.id).path]) {
                                    Localized.text(network.name, context)
                                }
                                " (\(t("stakeholders.networks.role.\(membership.role.rawValue)")), "
                                    + NetworkShowPage.period(membership.since, membership.until) + ")"
                            }
                        }
                    }
                }
                if model.partnerships.isEmpty {
                    el("p") { t("stakeholders.show.no_partnerships") }
                } else {
                    PartnershipsTable.render(
                        model.partnerships, names: model.names, city: city,
                        caption: t("stakeholders.show.partnerships_caption"), removable: true, context)
                }
                if Authorization.allows(context.actor, .editOrganisation(city.id, organisation.id)) {
                    el("p") {
                        el("a", ["href": Route.newPartnership(city.slug).path + "?organisation=\(organisation.id)"]) {
                            t("stakeholders.partnerships.new")
                        }
                    }
                }
            }
        }
    }

    static func contactsSection(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let organisation = model.organisation
        let mayEdit = Authorization.allows(context.actor, .editOrganisation(city.id, organisation.id))
        let names = Dictionary(uniqueKeysWithValues: model.contacts.map { ($0.id, $0.name) })
        return el("section", ["aria-labelledby": "contacts-heading"]) {
            el("h2", ["id": "contacts-heading"]) { t("stakeholders.contacts.heading") }
            if mayEdit {
                el("p", ["class": "hint"]) { t("stakeholders.contacts.private_note") }
                el("p") {
                    el("a", ["href": Route.newContact(city.slug, organisation.id).path]) {
                        t("stakeholders.contacts.add")
                    }
                }
            }
            if model.contacts.isEmpty {
                el("p") { t("stakeholders.contacts.none") }
            } else {
                el("ul", ["class": "card-list"]) {
                    for contact in model.contacts {
                        el("li", ["class": contact.isCurrent ? "card" : "card past"]) {
                            el("p") {
                                el("strong") { contact.name }
                                if !contact.role.isEmpty { ", \(contact.role)" }
                            }
                            if let email = contact.email {
                                el("p") { el("a", ["href": "mailto:" + email]) { email } }
                            }
                            if let phone = contact.phone {
                                el("p") {
                                    el("a", ["href": "tel:" + phone.filter { $0.isNumber || $0 == "+" }]) { phone }
                                }
                            }
                            if mayEdit {
                                el("p", ["class": "hint"]) {
                                    contact.until.map {
                                        t(
                                            "stakeholders.contacts.period_past",
                                            ["since": contact.since.description, "until": $0.description])
                                    } ?? t("stakeholders.contacts.period_current", ["since": contact.since.description])
                                    if let previous = contact.replacesID.flatMap({ names[$0] }) {
                                        " " + t("stakeholders.contacts.replaced", ["name": previous])
                                    }
                                    " "
                                    contact.isPublic
                                        ? t("stakeholders.contacts.is_public") : t("stakeholders.contacts.is_private")
                                }
                                el("div", ["class": "actions"]) {
                                    if contact.isCurrent {
                                        el(
                                            "a",
                                            ["href": Route.contactHandover(city.slug, organisation.id, contact.id).path]
                                        ) {
                                            t("stakeholders.contacts.handover", ["name": contact.name])
                                        }
                                    }
                                    el(
                                        "form",
                                        [
                                            "method": "post",
                                            "action": Route.removeContact(city.slug, organisation.id, contact.id).path,
                                            "class": "inline",
                                        ]
                                    ) {
                                        context.csrfField
                                        el("button", ["type": "submit", "class": "secondary"]) {
                                            t("stakeholders.contacts.remove", ["name": contact.name])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
