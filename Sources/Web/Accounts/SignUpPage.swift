import Domain

/// The sign-up form, with the consent it records.
enum SignUpPage {
    struct Model {
        var input: SignUpInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let languages = Catalog.uiLanguages.map { (value: $0.rawValue, label: LanguageNames.endonym($0)) }
        return Layout.page(title: t("accounts.sign_up.title"), context: context) {
            el("h1", ["id": "sign-up-heading"]) { t("accounts.sign_up.title") }
            FormFields.post(
                to: Route.signUp.path, errors: model.errors, context: context, labelledBy: "sign-up-heading"
            ) {
                FormFields.text(
                    "email", label: t("accounts.form.email"), value: model.input.email, type: "email",
                    autocomplete: "email", errors: model.errors, t: t)
                FormFields.text(
                    "display_name", label: t("accounts.form.display_name"), value: model.input.displayName,
                    autocomplete: "name", errors: model.errors, t: t)
                FormFields.text(
                    "password", label: t("accounts.form.new_password", ["min": String(PasswordPolicy.minimumLength)]),
                    type: "password", autocomplete: "new-password", errors: model.errors, t: t)
                FormFields.select(
                    "language", label: t("accounts.form.language"), options: languages,
                    selected: model.input.preferredLanguage, errors: model.errors, t: t)
                el("p", ["class": "hint", "id": "terms-text"]) { t("accounts.sign_up.privacy") }
                FormFields.checkbox(
                    "accepts_terms", label: t("accounts.form.accepts_terms"), checked: model.input.acceptsTerms,
                    errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("accounts.sign_up.submit") }
            }
        }
    }
}
