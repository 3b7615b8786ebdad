import Domain

/// The sign-in form.
enum SignInPage {
    struct Model {
        var email: String
        var next: String?
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("accounts.sign_in.title"), context: context) {
            el("h1", ["id": "sign-in-heading"]) { t("accounts.sign_in.title") }
            el(
                "form",
                [
                    "method": "post", "action": Route.signIn.path, "aria-labelledby": "sign-in-heading",
                    "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                if let next = model.next { void("input", ["type": "hidden", "name": "next", "value": next]) }
                FormFields.summary(model.errors, t: t)
                FormFields.text(
                    "email", label: t("accounts.form.email"), value: model.email, type: "email",
                    autocomplete: "username",
                    errors: model.errors, t: t)
                FormFields.text(
                    "password", label: t("accounts.form.password"), type: "password", autocomplete: "current-password",
                    errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("accounts.sign_in.submit") }
            }
            el("p") { el("a", ["href": Route.passwordReset.path]) { t("accounts.sign_in.forgot") } }
            el("p") { el("a", ["href": Route.signUp.path]) { t("accounts.sign_in.no_account") } }
        }
    }
}
