import Domain

/// What an organisation sees behind its one-time link: confirm as is, or correct and save; then thanks.
enum ConfirmationPages {
    struct Model {
        var city: City
        var token: String
        var organisation: Organisation
        var areas: [Area]
        var input: OrganisationInput
        var errors: ValidationErrors
    }

    static func form(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let name = Localized.string(model.organisation.name, context)
        let action = Route.confirmation(city.slug, model.token).path
        return Layout.page(title: t("stakeholders.confirm.title", ["name": name]), context: context) {
            el("h1") { t("stakeholders.confirm.title", ["name": name]) }
            el("p", ["class": "lead"]) { t("stakeholders.confirm.intro") }
            el("form", ["method": "post", "action": action]) {
                context.csrfField
                void("input", ["type": "hidden", "name": "decision", "value": "confirm"])
                el("button", ["type": "submit"]) { t("stakeholders.confirm.all_correct") }
            }
            el("h2") { t("stakeholders.confirm.correct_heading") }
            el("form", ["method": "post", "action": action, "novalidate": "novalidate"]) {
                context.csrfField
                void("input", ["type": "hidden", "name": "decision", "value": "correct"])
                FormFields.summary(errors, t: t)
                OrganisationFormPage.fields(
                    city: city, areas: model.areas, input: input, errors: errors, context)
                el("button", ["type": "submit"]) { t("stakeholders.confirm.save_corrections") }
            }
        }
    }

    static func thanks(_ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("stakeholders.confirm.thanks_title"), context: context) {
            el("h1") { t("stakeholders.confirm.thanks_title") }
            el("p") { t("stakeholders.confirm.thanks") }
        }
    }

    static func problem(_ problem: ConfirmationUseCases.LinkProblem, _ context: PageContext) -> String {
        let t = context.t
        let message: String
        switch problem {
        case .answered: message = t("stakeholders.confirm.used")
        case .expired: message = t("stakeholders.confirm.expired")
        }
        return Layout.page(title: t("stakeholders.confirm.link_title"), context: context) {
            el("h1") { t("stakeholders.confirm.link_title") }
            el("p") { message }
        }
    }
}
