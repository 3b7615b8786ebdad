import Domain

/// Adding a contact person, or naming the successor of one who leaves.
enum ContactFormPage {
    struct Model {
        var city: City
        var organisation: Organisation
        /// The contact being replaced, for a handover.
        var previous: ContactPerson?
        var input: ContactInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let name = Localized.string(model.organisation.name, context)
        let title =
            model.previous.map { t("stakeholders.contacts.handover_title", ["name": $0.name]) }
            ?? t("stakeholders.contacts.new_title", ["organisation": name])
        let action =
            model.previous.map { Route.contactHandover(city.slug, model.organisation.id, $0.id).path }
            ?? Route.newContact(city.slug, model.organisation.id).path
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            if model.previous != nil { el("p") { t("stakeholders.contacts.handover_intro") } }
            FormFields.post(to: action, errors: model.errors, context: context) {
                FormFields.text(
                    "name", label: t("stakeholders.contacts.name"), value: model.input.name, autocomplete: "off",
                    errors: model.errors, t: t)
                FormFields.text(
                    "role", label: t("stakeholders.contacts.role"), value: model.input.role, required: false,
                    errors: model.errors, t: t)
                FormFields.text(
                    "email", label: t("stakeholders.contacts.email"), value: model.input.email, type: "email",
                    autocomplete: "off", required: false, errors: model.errors, t: t)
                FormFields.text(
                    "phone", label: t("stakeholders.contacts.phone"), value: model.input.phone, type: "tel",
                    autocomplete: "off", required: false, errors: model.errors, t: t)
                FormFields.hinted(
                    "since", label: t("stakeholders.contacts.since"), hint: t("stakeholders.contacts.since_hint"),
                    value: model.input.since, errors: model.errors, t: t)
                FormFields.checkbox(
                    "public", label: t("stakeholders.contacts.public_consent"), checked: model.input.isPublic,
                    errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
