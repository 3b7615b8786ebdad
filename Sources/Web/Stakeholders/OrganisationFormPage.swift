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
            el("form", ["method": "post", "action": action, "novalidate": "novalidate"]) {
                context.csrfField
                FormFields.summary(errors, t: t)
                FormFields.select(
                    "kind", label: t("stakeholders.field.kind"),
                    options: Organisation.Kind.allCases.map { ($0.rawValue, t("organisations.kind.\($0.rawValue)")) },
                    selected: input.kind, errors: errors, t: t)
                el("fieldset", ["class": errors.messages(for: "name").isEmpty ? "field" : "field field-invalid"]) {
                    el("legend") { t("stakeholders.field.name") }
                    el("p", ["class": "hint"]) { t("stakeholders.form.name_hint") }
                    FormFields.errorList(errors.messages(for: "name"), id: "field-name", t: t)
                    for language in city.languages {
                        el("div", ["class": "field"]) {
                            el("label", ["for": "field-name_\(language.rawValue)"]) { LanguageNames.endonym(language) }
                            void(
                                "input",
                                [
                                    "id": "field-name_\(language.rawValue)", "name": "name_\(language.rawValue)",
                                    "type": "text", "value": input.names[language] ?? "", "lang": language.rawValue,
                                    "dir": language.isRightToLeft ? "rtl" : "ltr",
                                    "aria-invalid": errors.messages(for: "name").isEmpty ? nil : "true",
                                ])
                        }
                    }
                }
                el("fieldset", ["class": "field"]) {
                    el("legend") { t("stakeholders.field.description") }
                    FormFields.errorList(errors.messages(for: "description"), id: "field-description", t: t)
                    for language in city.languages {
                        FormFields.textarea(
                            "description_\(language.rawValue)", label: LanguageNames.endonym(language),
                            value: input.descriptions[language] ?? "", lang: language.rawValue, errors: errors, t: t)
                    }
                }
                FormFields.hinted(
                    "languages", label: t("stakeholders.field.languages"), hint: t("stakeholders.form.languages_hint"),
                    value: input.languages, errors: errors, t: t)
                FormFields.checkboxes(
                    "areas", legend: t("stakeholders.field.areas"),
                    options: model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    checked: Set(OrganisationInputWords.split(input.areaCodes)), errors: errors, t: t)
                FormFields.text(
                    "website", label: t("stakeholders.field.website"), value: input.website, type: "url",
                    autocomplete: "url", required: false, errors: errors, t: t)
                FormFields.text(
                    "email", label: t("stakeholders.field.email"), value: input.email, type: "email",
                    autocomplete: "email", required: false, errors: errors, t: t)
                FormFields.select(
                    "status", label: t("stakeholders.field.status"),
                    options: statuses.map { ($0.rawValue, t("stakeholders.status.\($0.rawValue)")) },
                    selected: input.status, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}

/// Splits a list typed as words separated by commas, semicolons or spaces.
enum OrganisationInputWords {
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
    }
}
