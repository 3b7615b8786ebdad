import Domain

/// Posting or editing a partner call: for which organisation, what is needed and offered, where, until when.
enum PartnerCallFormPage {
    struct Model {
        var city: City
        var editing: PartnerCall?
        var areas: [Area]
        /// The organisations the actor may post for.
        var organisations: [Organisation]
        var input: PartnerCallInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title = model.editing == nil ? t("stakeholders.calls.new") : t("stakeholders.calls.edit")
        let action =
            model.editing.map { Route.editPartnerCall(city.slug, $0.id).path } ?? Route.newPartnerCall(city.slug).path
        let options = model.organisations.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: errors, context: context) {
                FormFields.select(
                    "organisation", label: t("stakeholders.calls.field.organisation"), options: options,
                    selected: input.organisation, errors: errors, t: t)
                TranslatableFields.lines(
                    "title", legend: t("stakeholders.calls.field.title"), hint: t("stakeholders.calls.title_hint"),
                    languages: city.languages, values: input.titles, errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "needs", legend: t("stakeholders.calls.field.needs"), languages: city.languages,
                    values: input.needs, errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "offers", legend: t("stakeholders.calls.field.offers"), languages: city.languages,
                    values: input.offers, errors: errors, t: t)
                FormFields.checkboxes(
                    "areas", legend: t("stakeholders.field.areas"),
                    options: model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    checked: Set(OrganisationInput.words(input.areaCodes)), errors: errors, t: t)
                FormFields.hinted(
                    "deadline", label: t("stakeholders.calls.field.deadline"),
                    hint: t("stakeholders.partnerships.date_hint"), value: input.deadline, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
