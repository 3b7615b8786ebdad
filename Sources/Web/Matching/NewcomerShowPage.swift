import Domain
import Foundation

/// A newcomer as their caseworker sees them: the profile, the access code when it was just made, their referrals
/// and what happened to them, and ranked suggestions with the reasons and a button to refer.
enum NewcomerShowPage {
    struct Model {
        var city: City
        var newcomer: Newcomer
        /// Shown once, right after it was made; only its digest is kept.
        var accessCode: String?
        var referrals: [(Referral, Activity?)]
        var suggestions: [ReferralSuggestion]
        var categories: [String: LocalizedText]
        var areas: [Area]
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let newcomer = model.newcomer
        return Layout.page(title: t("matching.newcomer.title", ["pseudonym": newcomer.pseudonym]), context: context) {
            el("h1") {
                t("matching.newcomer.heading")
                " "
                ReferralText.pseudonym(newcomer.pseudonym)
            }
            if let code = model.accessCode { codeBox(code, model, context) }
            if newcomer.erasedAt != nil {
                el("p") { t("matching.newcomer.erased_note") }
            } else {
                profile(model, context)
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editNewcomer(city.slug, newcomer.id).path]) {
                            t("matching.newcomers.edit")
                        }
                    }
                    el("li") {
                        el("form", ["method": "post", "action": Route.renewNewcomerCode(city.slug, newcomer.id).path]) {
                            context.csrfField
                            el("button", ["type": "submit", "class": "secondary"]) { t("matching.newcomer.renew_code") }
                        }
                    }
                }
            }
            referrals(model, context)
            if newcomer.erasedAt == nil {
                suggestions(model, context)
                el("section", ["aria-labelledby": "erase-heading"]) {
                    el("h2", ["id": "erase-heading"]) { t("matching.newcomer.erase_heading") }
                    el("p") { t("matching.newcomer.erase_explained") }
                    el("form", ["method": "post", "action": Route.eraseNewcomer(city.slug, newcomer.id).path]) {
                        context.csrfField
                        el("button", ["type": "submit", "class": "secondary"]) { t("matching.newcomer.erase") }
                    }
                }
            }
        }
    }

    static func codeBox(_ code: String, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["class": "card", "aria-labelledby": "code-heading"]) {
            el("h2", ["id": "code-heading"]) { t("matching.newcomer.code_heading") }
            el("p", ["class": "access-code"]) { el("bdi", ["dir": "ltr"]) { code } }
            el("p") {
                t("matching.newcomer.code_explained", ["path": Route.myReferrals(model.city.slug).path])
            }
        }
    }

    static func profile(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let newcomer = model.newcomer
        let area = model.areas.first { $0.id == newcomer.areaID }
        return el("dl") {
            if let consent = newcomer.contactConsentAt {
                el("dt") { t("matching.newcomers.field.name") }
                el("dd") { el("bdi") { newcomer.name.isEmpty ? "–" : newcomer.name } }
                el("dt") { t("matching.newcomers.field.contact") }
                el("dd") { el("bdi") { newcomer.contact.isEmpty ? "–" : newcomer.contact } }
                el("dt") { t("matching.newcomer.consent") }
                el("dd") {
                    t(
                        "matching.newcomer.consent_given",
                        [
                            "day": CalendarDay(consent, in: TimeZone(identifier: model.city.timeZone) ?? .current)
                                .description,
                            "version": Newcomer.contactConsentVersion,
                        ])
                }
            } else {
                el("dt") { t("matching.newcomer.consent") }
                el("dd") { t("matching.newcomer.no_consent") }
            }
            el("dt") { t("matching.newcomers.field.interests") }
            el("dd") {
                newcomer.interests.map { id in
                    model.categories[id.description].map { Localized.string($0, context) } ?? id.description
                }.joined(separator: ", ")
            }
            el("dt") { t("matching.newcomers.field.languages") }
            el("dd") { newcomer.languages.map(LanguageNames.endonym).joined(separator: ", ") }
            el("dt") { t("matching.newcomers.field.area") }
            el("dd") { area.map { "\($0.code) " + Localized.string($0.name, context) } ?? "–" }
            el("dt") { t("matching.newcomers.field.availability") }
            el("dd") {
                newcomer.availability.times.map { ReferralText.time(day: $0.day, part: $0.part, t: t) }
                    .joined(separator: ", ")
            }
        }
    }

    static func referrals(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "referrals-heading"]) {
            el("h2", ["id": "referrals-heading"]) { t("matching.newcomer.referrals") }
            let visible = model.referrals.filter { $0.0.status != .proposed }
            if visible.isEmpty {
                el("p") { t("matching.newcomer.no_referrals") }
            } else {
                el("ul", ["class": "plain"]) {
                    for (referral, activity) in visible {
                        el("li") {
                            if let activity {
                                el("a", ["href": Route.activity(model.city.slug, activity.id).path]) {
                                    Localized.text(activity.title, context)
                                }
                            }
                            " – " + ReferralText.status(referral.status, t: t)
                            if let day = referral.firstParticipation {
                                " · " + t("matching.hosted.first_participation", ["day": day.description])
                            }
                            if referral.status == .declined && !referral.declineReason.isEmpty {
                                " · " + t("matching.hosted.declined_because", ["reason": referral.declineReason])
                            }
                        }
                    }
                }
            }
        }
    }

    static func suggestions(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        return el("section", ["aria-labelledby": "suggestions-heading"]) {
            el("h2", ["id": "suggestions-heading"]) { t("matching.suggestions.title") }
            el("p") { t("matching.suggestions.intro") }
            FormFields.errorList(model.errors.messages(for: "activity"), id: "field-activity", t: t)
            if model.suggestions.isEmpty {
                el("p") { t("matching.suggestions.none") }
            } else {
                el("ol") {
                    for suggestion in model.suggestions {
                        el("li") {
                            el("a", ["href": Route.activity(city.slug, suggestion.activity.id).path]) {
                                Localized.text(suggestion.activity.title, context)
                            }
                            " · " + t("matching.suggestions.score", ["score": String(suggestion.fit.score)])
                            if let remaining = suggestion.remaining {
                                " · " + t("matching.suggestions.remaining", ["count": String(remaining)])
                            }
                            el("p") {
                                t("matching.why") + " "
                                    + ReferralText.reasons(
                                        suggestion.fit.reasons, categories: model.categories, context)
                            }
                            el(
                                "form",
                                ["method": "post", "action": Route.referNewcomer(city.slug, model.newcomer.id).path]
                            ) {
                                context.csrfField
                                void(
                                    "input",
                                    ["type": "hidden", "name": "activity", "value": suggestion.activity.id.description])
                                el(
                                    "button",
                                    [
                                        "type": "submit",
                                        "aria-label": t(
                                            "matching.suggestions.refer_to",
                                            ["activity": Localized.string(suggestion.activity.title, context)]),
                                    ]
                                ) { t("matching.suggestions.refer") }
                            }
                        }
                    }
                }
            }
        }
    }
}
