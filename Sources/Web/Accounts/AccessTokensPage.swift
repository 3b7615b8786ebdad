import Domain
import Foundation

/// A person's personal access tokens for the API: the new one's secret once, the list, revoking, and a form
/// to make another.
enum AccessTokensPage {
    struct Model {
        var tokens: [AccessToken]
        /// The secret of the token just made, shown on this answer only.
        var created: (token: AccessToken, secret: String)?
        var mayWrite: Bool
        var input: AccessTokenInput
        var errors: ValidationErrors
        var now: Date
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("accounts.tokens.title"), context: context) {
            el("h1") { t("accounts.tokens.title") }
            el("p") { t("accounts.tokens.intro") }
            if let created = model.created {
                el("div", ["class": "notice", "role": "status"]) {
                    el("h2") { t("accounts.tokens.created", ["name": created.token.name]) }
                    el("p") { t("accounts.tokens.copy_now") }
                    el("p") { el("code", ["data-token": "secret"]) { created.secret } }
                    el("p", ["class": "hint"]) { t("accounts.tokens.usage") }
                }
            }
            list(model, t: t, context: context)
            el("h2", ["id": "new-token-heading"]) { t("accounts.tokens.new") }
            FormFields.post(
                to: Route.accessTokens.path, errors: model.errors, context: context, labelledBy: "new-token-heading"
            ) {
                FormFields.text(
                    "name", label: t("accounts.tokens.form.name"), value: model.input.name, errors: model.errors,
                    t: t)
                FormFields.select(
                    "scope", label: t("accounts.tokens.form.scope"),
                    options: AccessToken.Scope.allCases.filter { $0 == .read || model.mayWrite }.map {
                        (value: $0.rawValue, label: t("accounts.tokens.scope.\($0.rawValue)"))
                    }, selected: model.input.scope, errors: model.errors, t: t)
                FormFields.select(
                    "days", label: t("accounts.tokens.form.days"),
                    options: AccessTokenInput.lifetimes.map {
                        (value: String($0), label: t("accounts.tokens.days", ["count": String($0)]))
                    }, selected: model.input.days, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("accounts.tokens.form.submit") }
            }
        }
    }

    static func list(_ model: Model, t: Translator, context: PageContext) -> Node {
        guard !model.tokens.isEmpty else { return el("p") { t("accounts.tokens.none") } }
        return el(
            "div", ["class": "table-scroll", "role": "region", "aria-labelledby": "tokens-caption", "tabindex": "0"]
        ) {
            el("table") {
                el("caption", ["id": "tokens-caption"]) { t("accounts.tokens.table.caption") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("accounts.tokens.form.name") }
                        el("th", ["scope": "col"]) { t("accounts.tokens.form.scope") }
                        el("th", ["scope": "col"]) { t("accounts.tokens.table.expires") }
                        el("th", ["scope": "col"]) { t("accounts.tokens.table.last_used") }
                        el("th", ["scope": "col"]) { t("accounts.tokens.table.state") }
                    }
                }
                el("tbody") {
                    for token in model.tokens {
                        el("tr", ["data-token-id": token.id.description]) {
                            el("td") { token.name }
                            el("td") { t("accounts.tokens.scope.\(token.scope.rawValue)") }
                            el("td") { day(token.expiresAt) }
                            el("td") { token.lastUsedAt.map(day) ?? t("accounts.tokens.never_used") }
                            el("td") { state(token, model: model, t: t, context: context) }
                        }
                    }
                }
            }
        }
    }

    static func state(_ token: AccessToken, model: Model, t: Translator, context: PageContext) -> Node {
        if token.revokedAt != nil { return .text(t("accounts.tokens.state.revoked")) }
        if !token.isUsable(at: model.now) { return .text(t("accounts.tokens.state.expired")) }
        return el("form", ["method": "post", "action": Route.revokeAccessToken(token.id).path]) {
            context.csrfField
            el("button", ["type": "submit", "aria-label": t("accounts.tokens.revoke_named", ["name": token.name])]) {
                t("accounts.tokens.revoke")
            }
        }
    }

    static func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }
}
