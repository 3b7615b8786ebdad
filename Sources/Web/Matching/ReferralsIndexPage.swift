import Domain
import Foundation

/// Referrals, as each role meets them: a caseworker's newcomers, the referrals to the reader's organisations with
/// their decisions, and for coordinators the rounds, monitoring and the fee ledger.
enum ReferralsIndexPage {
    struct Model {
        var city: City
        /// The newcomers of the reader's caseworker organisations; `nil` when the reader is not a caseworker.
        var newcomers: [Newcomer]?
        /// Open referrals per newcomer.
        var open: [NewcomerID: Int]
        var hosted: [ReferralUseCases.HostView]
        var categories: [String: LocalizedText]
        var mayCoordinate: Bool
        var mayReadLedger: Bool
        var errors: ValidationErrors
        /// The referral the errors are about.
        var failed: ReferralID?
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("matching.referrals.title"), context: context) {
            el("h1") { t("matching.referrals.title") }
            el("p", ["class": "lead"]) { t("matching.referrals.intro") }
            if model.mayCoordinate || model.mayReadLedger {
                el("ul", ["class": "actions"]) {
                    if model.mayCoordinate {
                        el("li") {
                            el("a", ["href": Route.matchingRounds(city.slug).path]) { t("matching.rounds.title") }
                        }
                        el("li") {
                            el("a", ["href": Route.referralMonitoring(city.slug).path]) {
                                t("matching.monitoring.title")
                            }
                        }
                    }
                    if model.mayReadLedger {
                        el("li") { el("a", ["href": Route.feeLedger(city.slug).path]) { t("matching.ledger.title") } }
                    }
                }
            }
            if let newcomers = model.newcomers { caseworkerSection(newcomers, model, context) }
            hostSection(model, context)
        }
    }

    static func caseworkerSection(_ newcomers: [Newcomer], _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let slug = model.city.slug
        return el("section", ["aria-labelledby": "newcomers-heading"]) {
            el("h2", ["id": "newcomers-heading"]) { t("matching.newcomers.title") }
            el("p") { el("a", ["href": Route.newNewcomer(slug).path]) { t("matching.newcomers.new") } }
            if newcomers.isEmpty {
                el("p") { t("matching.newcomers.none") }
            } else {
                el("ul", ["class": "plain"]) {
                    for newcomer in newcomers {
                        el("li") {
                            el("a", ["href": Route.newcomer(slug, newcomer.id).path]) {
                                ReferralText.pseudonym(newcomer.pseudonym)
                            }
                            if !newcomer.name.isEmpty {
                                " – "
                                el("bdi") { newcomer.name }
                            }
                            " · "
                            if newcomer.erasedAt != nil {
                                t("matching.newcomers.erased")
                            } else {
                                t("matching.newcomers.open_count", ["count": String(model.open[newcomer.id] ?? 0)])
                            }
                        }
                    }
                }
            }
        }
    }

    static func hostSection(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "hosted-heading"]) {
            el("h2", ["id": "hosted-heading"]) { t("matching.hosted.title") }
            if model.hosted.isEmpty {
                el("p") { t("matching.hosted.none") }
            } else {
                el("ul", ["class": "plain"]) {
                    for view in model.hosted { el("li") { hostCard(view, model, context) } }
                }
            }
        }
    }

    static func hostCard(_ view: ReferralUseCases.HostView, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let slug = model.city.slug
        let referral = view.referral
        let id = referral.id.description
        let errors = model.failed == referral.id ? model.errors : ValidationErrors()
        return el("article", ["class": "card", "aria-labelledby": "referral-\(id)"]) {
            el("h3", ["id": "referral-\(id)"]) {
                ReferralText.pseudonym(view.pseudonym)
                " → "
                view.activity.map { Localized.text($0.title, context) } ?? .fragment([])
            }
            el("p") {
                t("matching.hosted.status", ["status": ReferralText.status(referral.status, t: t)])
                if let day = referral.firstParticipation {
                    " · " + t("matching.hosted.first_participation", ["day": day.description])
                }
            }
            if !referral.reasons.isEmpty {
                el("p") {
                    t("matching.why") + " "
                        + ReferralText.reasons(referral.reasons, categories: model.categories, context)
                }
            }
            if !view.languages.isEmpty {
                el("p") {
                    t(
                        "matching.hosted.languages",
                        ["languages": view.languages.map(LanguageNames.endonym).joined(separator: ", ")])
                }
            }
            if referral.status == .declined && !referral.declineReason.isEmpty {
                el("p") { t("matching.hosted.declined_because", ["reason": referral.declineReason]) }
            }
            FormFields.errorList(errors.messages(for: "referral"), id: "referral-\(id)-problem", t: t)
            if referral.status == .referred {
                el(
                    "form",
                    ["method": "post", "action": Route.acceptReferral(slug, referral.id).path, "class": "inline"]
                ) {
                    context.csrfField
                    el("button", ["type": "submit"]) { t("matching.hosted.accept") }
                }
            }
            if referral.status == .accepted {
                el("form", ["method": "post", "action": Route.referralParticipation(slug, referral.id).path]) {
                    context.csrfField
                    FormFields.errorList(errors.messages(for: "day"), id: "day-\(id)", t: t)
                    el("label", ["for": "day-\(id)"]) { t("matching.hosted.participation_day") }
                    void("input", ["id": "day-\(id)", "name": "day", "type": "date", "value": ""])
                    el("button", ["type": "submit"]) { t("matching.hosted.record_participation") }
                }
            }
            if referral.status == .referred || referral.status == .accepted {
                el("form", ["method": "post", "action": Route.declineReferral(slug, referral.id).path]) {
                    context.csrfField
                    FormFields.errorList(errors.messages(for: "reason"), id: "reason-\(id)", t: t)
                    el("label", ["for": "reason-\(id)"]) { t("matching.hosted.decline_reason") }
                    void("input", ["id": "reason-\(id)", "name": "reason", "type": "text"])
                    el("button", ["type": "submit", "class": "secondary"]) { t("matching.hosted.decline") }
                }
            }
        }
    }
}
