import Domain

/// The city's networks of organisations.
enum NetworksIndexPage {
    struct Model {
        var city: City
        var networks: [Network]
        var memberCounts: [NetworkID: Int]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("stakeholders.networks.title"), context: context) {
            el("h1") { t("stakeholders.networks.title") }
            if Authorization.allows(context.actor, .coordinate(model.city.id)) {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.newNetwork(model.city.slug).path]) { t("stakeholders.networks.new") }
                    }
                }
            }
            if model.networks.isEmpty {
                el("p") { t("stakeholders.networks.none") }
            } else {
                el("ul", ["class": "card-list"]) {
                    for network in model.networks {
                        el("li", ["class": "card"]) {
                            el("h2") {
                                el("a", ["href": Route.network(model.city.slug, network.id).path]) {
                                    Localized.text(network.name, context)
                                }
                            }
                            el("p") {
                                el("span", ["class": "tag"]) {
                                    t("stakeholders.networks.kind.\(network.kind.rawValue)")
                                }
                                " "
                                t.plural(
                                    "stakeholders.networks.member_count", count: model.memberCounts[network.id] ?? 0)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Creating a network: its kind, and its name and description in the city's languages.
enum NetworkFormPage {
    struct Model {
        var city: City
        var input: NetworkInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let errors = model.errors
        return Layout.page(title: t("stakeholders.networks.new"), context: context) {
            el("h1") { t("stakeholders.networks.new") }
            el(
                "form",
                ["method": "post", "action": Route.newNetwork(model.city.slug).path, "novalidate": "novalidate"]
            ) {
                context.csrfField
                FormFields.summary(errors, t: t)
                FormFields.select(
                    "kind", label: t("stakeholders.networks.kind"),
                    options: Network.Kind.allCases.map {
                        ($0.rawValue, t("stakeholders.networks.kind.\($0.rawValue)"))
                    },
                    selected: model.input.kind, errors: errors, t: t)
                TranslatableFields.lines(
                    "name", legend: t("stakeholders.field.name"), languages: model.city.languages,
                    values: model.input.names, errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "description", legend: t("stakeholders.field.description"), languages: model.city.languages,
                    values: model.input.descriptions, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}

/// Recording a partnership between two organisations of the city.
enum PartnershipFormPage {
    struct Model {
        var city: City
        var organisations: [Organisation]
        var input: PartnershipInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let errors = model.errors
        let options = model.organisations.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        return Layout.page(title: t("stakeholders.partnerships.new"), context: context) {
            el("h1") { t("stakeholders.partnerships.new") }
            el(
                "form",
                ["method": "post", "action": Route.newPartnership(model.city.slug).path, "novalidate": "novalidate"]
            ) {
                context.csrfField
                FormFields.summary(errors, t: t)
                FormFields.select(
                    "first", label: t("stakeholders.partnerships.first"),
                    options: [("", t("stakeholders.partnerships.choose"))] + options, selected: model.input.first,
                    errors: errors, t: t)
                FormFields.select(
                    "kind", label: t("stakeholders.partnerships.kind"),
                    options: Partnership.Kind.allCases.map {
                        ($0.rawValue, t("stakeholders.partnerships.kind.\($0.rawValue)"))
                    }, selected: model.input.kind, errors: errors, t: t)
                FormFields.select(
                    "second", label: t("stakeholders.partnerships.second"),
                    options: [("", t("stakeholders.partnerships.choose"))] + options, selected: model.input.second,
                    errors: errors, t: t)
                FormFields.hinted(
                    "since", label: t("stakeholders.partnerships.since"),
                    hint: t("stakeholders.partnerships.date_hint"),
                    value: model.input.since, errors: errors, t: t)
                FormFields.hinted(
                    "until", label: t("stakeholders.partnerships.until"),
                    hint: t("stakeholders.partnerships.date_hint"),
                    value: model.input.until, errors: errors, t: t)
                FormFields.textarea(
                    "note", label: t("stakeholders.partnerships.note"), value: model.input.note, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
