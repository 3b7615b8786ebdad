import Domain

/// Registering or editing an organisation, with its name and description in each of the city's languages.
enum OrganisationFormPage {
    struct Model {
        var city: City
        /// The organisation being edited, or `nil` for a new one.
        var editing: Organisation?
        var areas: [Area]
        var input: OrganisationInput
        var errors: ValidationErrors
        var mayArchive: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title =
            model.editing.map { t("stakeholders.form.edit_title", ["name": Localized.string($0.name, context)]) }
            ?? t("stakeholders.form.new_title")
        let action =
            model.editing.map { Route.editOrganisation(city.slug, $0.id).path } ?? Route.newOrganisation(city.slug).path
        let statuses = Organisation.Status.allCases.filter {
            $0 != .archived || model.mayArchive || model.editing?.status == .archived
        }
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: errors, context: context) {
                fields(city: city, areas: model.areas, input: input, errors: errors, context)
                FormFields.select(
                    "status", label: t("stakeholders.field.status"),
                    options: statuses.map { ($0.rawValue, t("stakeholders.status.\($0.rawValue)")) },
                    selected: input.status, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }

    /// The organisation's details, shared with the confirmation page (everything but its status).
    @NodeBuilder
    static func fields(
        city: City, areas: [Area], input: OrganisationInput, errors: ValidationErrors, _ context: PageContext
    ) -> [Node] {
        let t = context.t
        FormFields.select(
            "kind", label: t("stakeholders.field.kind"),
            options: Organisation.Kind.allCases.map { ($0.rawValue, t("organisations.kind.\($0.rawValue)")) },
            selected: input.kind, errors: errors, t: t)
        TranslatableFields.lines(
            "name", legend: t("stakeholders.field.name"), hint: t("stakeholders.form.name_hint"),
            languages: city.languages, values: input.names, errors: errors, t: t)
        TranslatableFields.paragraphs(
            "description", legend: t("stakeholders.field.description"), languages: city.languages,
            values: input.descriptions, errors: errors, t: t)
        FormFields.hinted(
            "languages", label: t("stakeholders.field.languages"), hint: t("stakeholders.form.languages_hint"),
            value: input.languages, errors: errors, t: t)
        FormFields.checkboxes(
            "areas", legend: t("stakeholders.field.areas"),
            options: areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
            checked: Set(OrganisationInput.words(input.areaCodes)), errors: errors, t: t)
        FormFields.text(
            "website", label: t("stakeholders.field.website"), value: input.website, type: "url",
            autocomplete: "url", required: false, errors: errors, t: t)
        FormFields.text(
            "email", label: t("stakeholders.field.email"), value: input.email, type: "email",
            autocomplete: "email", required: false, errors: errors, t: t)
    }
}
