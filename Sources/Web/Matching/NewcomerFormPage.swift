import Domain

/// Recording a newcomer or changing their profile: interests, languages, home area, free times of the week, and
/// a name and contact only when the newcomer agrees (the consent text is on the form, read out to them).
enum NewcomerFormPage {
    struct Model {
        var city: City
        var editing: Newcomer?
        /// The reader's caseworker organisations, to choose from when there are several.
        var organisations: [Organisation]
        var categories: [Domain.Category]
        var areas: [Area]
        var input: NewcomerInput
        var organisation: String
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title = model.editing == nil ? t("matching.newcomers.new") : t("matching.newcomers.edit")
        let action =
            model.editing.map { Route.editNewcomer(city.slug, $0.id).path } ?? Route.newNewcomer(city.slug).path
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            el("p", ["class": "lead"]) { t("matching.newcomers.form_intro") }
            FormFields.post(to: action, errors: errors, context: context) {
                if model.editing == nil && model.organisations.count > 1 {
                    FormFields.select(
                        "organisation", label: t("matching.newcomers.field.organisation"),
                        options: model.organisations.map { ($0.id.description, Localized.string($0.name, context)) },
                        selected: model.organisation, errors: errors, t: t)
                }
                FormFields.checkboxes(
                    "interests", legend: t("matching.newcomers.field.interests"),
                    options: model.categories.map { ($0.code, Localized.string($0.name, context)) },
                    checked: Set(input.interests), errors: errors, t: t)
                FormFields.hinted(
                    "languages", label: t("matching.newcomers.field.languages"),
                    hint: t("matching.newcomers.languages_hint"), value: input.languages, lang: "en", errors: errors,
                    t: t)
                FormFields.select(
                    "area", label: t("matching.newcomers.field.area"),
                    options: [("", t("directory.places.no_area"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: input.area, errors: errors, t: t)
                FormFields.checkboxes(
                    "availability", legend: t("matching.newcomers.field.availability"),
                    options: ReferralText.weekTimes(t), checked: Set(input.availability), errors: errors, t: t)
                el("fieldset", ["class": "field"]) {
                    el("legend") { t("matching.newcomers.personal_legend") }
                    el("p", ["class": "hint"]) {
                        t("matching.newcomers.consent_text", ["version": Newcomer.contactConsentVersion])
                    }
                    FormFields.checkbox(
                        "consent", label: t("matching.newcomers.field.consent"), checked: input.consent,
                        errors: errors, t: t)
                    FormFields.text(
                        "name", label: t("matching.newcomers.field.name"), value: input.name, autocomplete: "off",
                        required: false, errors: errors, t: t)
                    FormFields.text(
                        "contact", label: t("matching.newcomers.field.contact"), value: input.contact,
                        autocomplete: "off", required: false, errors: errors, t: t)
                }
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
