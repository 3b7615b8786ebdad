import Domain
import Foundation

/// A person's own account: who they are, the roles they hold and the consents they gave.
enum AccountPage {
    struct Model {
        var actor: Actor
        var cityNames: [CityID: String]
        var consents: [Consent]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let person = model.actor.person
        return Layout.page(title: t("accounts.account.title"), context: context) {
            el("h1") { t("accounts.account.title") }
            el("dl") {
                el("dt") { t("accounts.form.display_name") }
                el("dd") { person.displayName }
                el("dt") { t("accounts.form.email") }
                el("dd") { person.email }
            }
            el("h2") { t("accounts.account.roles") }
            if model.actor.roles.isEmpty {
                el("p") { t("accounts.account.no_roles") }
            } else {
                el("ul", ["class": "role-list"]) {
                    for role in model.actor.roles {
                        el("li") {
                            el("span", ["data-role": role.kind.rawValue]) { t("roles.kind.\(role.kind.rawValue)") }
                            if let city = role.cityID, let name = model.cityNames[city] { " – " + name }
                        }
                    }
                }
            }
            el("h2") { t("accounts.tokens.title") }
            el("p") { el("a", ["href": Route.accessTokens.path]) { t("accounts.account.tokens_link") } }
            el("h2") { t("accounts.account.consents") }
            el("ul") {
                for consent in model.consents {
                    el("li") {
                        t(
                            "accounts.account.consent_line",
                            [
                                "purpose": t("consent.purpose.\(consent.purpose)"), "version": consent.textVersion,
                                "date": consent.givenAt.formatted(.iso8601.year().month().day()),
                            ])
                    }
                }
            }
        }
    }
}
