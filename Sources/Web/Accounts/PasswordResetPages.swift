import Domain

/// Asking for a reset link, and choosing a new password with one.
enum PasswordResetPages {
    static func request(email: String, sent: Bool, _ context: PageContext, errors: ValidationErrors = .init()) -> String
    {
        let t = context.t
        return Layout.page(title: t("accounts.reset.title"), context: context) {
            el("h1", ["id": "reset-heading"]) { t("accounts.reset.title") }
            if sent {
                el("p", ["role": "status", "class": "flash"]) { t("accounts.reset.sent") }
            }
            FormFields.post(to: Route.passwordReset.path, errors: errors, context: context, labelledBy: "reset-heading")
            {
                FormFields.text(
                    "email", label: t("accounts.form.email"), value: email, type: "email", autocomplete: "email",
                    errors: errors, t: t)
                el("button", ["type": "submit"]) { t("accounts.reset.submit") }
            }
        }
    }

    static func reset(token: String, errors: ValidationErrors, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("accounts.reset.choose_title"), context: context) {
            el("h1", ["id": "choose-heading"]) { t("accounts.reset.choose_title") }
            if !errors.messages(for: "token").isEmpty {
                el("p", ["class": "error-summary", "role": "alert"]) { t("accounts.errors.reset_token.invalid") }
            }
            el(
                "form",
                [
                    "method": "post", "action": Route.passwordResetToken(token).path,
                    "aria-labelledby": "choose-heading", "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                FormFields.text(
                    "password", label: t("accounts.form.new_password", ["min": String(PasswordPolicy.minimumLength)]),
                    type: "password", autocomplete: "new-password", errors: errors, t: t)
                el("button", ["type": "submit"]) { t("accounts.reset.choose_submit") }
            }
        }
    }
}
