import Domain

/// The newcomer's own page: with the access code from their caseworker they see where they were referred, what
/// the organisation decided, and can withdraw. No account is needed.
enum MyReferralsPage {
    struct Model {
        var city: City
        var code: String
        /// `nil` until a right code is given.
        var referrals: [(Referral, Activity?)]?
        var organisations: [OrganisationID: LocalizedText]
        var errors: ValidationErrors
        /// A translation key confirming what was just done.
        var message: String?
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("matching.mine.title"), context: context) {
            el("h1") { t("matching.mine.title") }
            el("p", ["class": "lead"]) { t("matching.mine.intro") }
            if let message = model.message { el("p", ["role": "status", "class": "flash"]) { t(message) } }
            FormFields.post(to: Route.myReferrals(city.slug).path, errors: model.errors, context: context) {
                FormFields.text(
                    "code", label: t("matching.mine.code"), value: model.code, autocomplete: "off",
                    errors: model.errors,
                    t: t)
                el("button", ["type": "submit"]) { t("matching.mine.show") }
            }
            if let referrals = model.referrals {
                el("section", ["aria-labelledby": "mine-heading"]) {
                    el("h2", ["id": "mine-heading"]) { t("matching.mine.heading") }
                    FormFields.errorList(model.errors.messages(for: "referral"), id: "field-referral", t: t)
                    if referrals.isEmpty {
                        el("p") { t("matching.mine.none") }
                    } else {
                        el("ul", ["class": "plain"]) {
                            for (referral, activity) in referrals {
                                el("li") { card(referral, activity, model, context) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func card(_ referral: Referral, _ activity: Activity?, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let title = activity.map { Localized.string($0.title, context) } ?? ""
        return el("article", ["class": "card", "aria-labelledby": "mine-\(referral.id)"]) {
            el("h3", ["id": "mine-\(referral.id)"]) {
                if let activity {
                    el("a", ["href": Route.activity(city.slug, activity.id).path]) {
                        Localized.text(activity.title, context)
                    }
                }
            }
            if let host = model.organisations[referral.hostOrganisationID] {
                el("p") { t("matching.mine.host", ["organisation": Localized.string(host, context)]) }
            }
            el("p") { t("matching.mine.status.\(referral.status.rawValue)") }
            if referral.status == .declined && !referral.declineReason.isEmpty {
                el("p") { t("matching.hosted.declined_because", ["reason": referral.declineReason]) }
            }
            if referral.status.isActive {
                el("form", ["method": "post", "action": Route.withdrawMyReferral(city.slug).path]) {
                    context.csrfField
                    void("input", ["type": "hidden", "name": "code", "value": model.code])
                    void("input", ["type": "hidden", "name": "referral", "value": referral.id.description])
                    el(
                        "button",
                        [
                            "type": "submit", "class": "secondary",
                            "aria-label": t("matching.mine.withdraw_from", ["activity": title]),
                        ]
                    ) { t("matching.mine.withdraw") }
                }
            }
        }
    }
}
