import Domain
import Foundation

/// The coordinator's dashboard: how current the registry is, the confirmation round, and what needs attention.
enum DashboardPage {
    struct Model {
        var city: City
        var overview: ConfirmationUseCases.Overview
        var names: [OrganisationID: LocalizedText]
        var openCalls: Int
        /// The city's current action plans, each as the coordinator's summary.
        var plans: [PlanDashboard]
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let overview = model.overview
        return Layout.page(title: t("stakeholders.dashboard.title"), context: context) {
            el("h1") { t("stakeholders.dashboard.title") }
            el("dl", ["class": "facts"]) {
                el("dt") { t("stakeholders.dashboard.organisations") }
                el("dd") {
                    el("a", ["href": Route.organisations(city.slug).path]) { String(overview.organisationCount) }
                }
                el("dt") { t("stakeholders.dashboard.stale") }
                el("dd") { el("a", ["href": "#stale-heading"]) { String(overview.stale.count) } }
                el("dt") { t("stakeholders.dashboard.open_calls") }
                el("dd") { el("a", ["href": Route.partnerCalls(city.slug).path]) { String(model.openCalls) } }
            }
            for plan in model.plans {
                PlanDashboardSection.render(plan, city: city, context: context)
            }
            round(model, context)
            el("section", ["aria-labelledby": "stale-heading"]) {
                el("h2", ["id": "stale-heading"]) { t("stakeholders.dashboard.stale_heading") }
                el("p", ["class": "hint"]) { t("stakeholders.dashboard.stale_hint") }
                if overview.stale.isEmpty {
                    el("p") { t("stakeholders.dashboard.stale_none") }
                } else {
                    el("div", ["class": "table-scroll"]) {
                        el("table") {
                            el("thead") {
                                el("tr") {
                                    el("th", ["scope": "col"]) { t("stakeholders.field.name") }
                                    el("th", ["scope": "col"]) { t("stakeholders.dashboard.reasons") }
                                    el("th", ["scope": "col"]) { t("stakeholders.field.last_confirmed") }
                                }
                            }
                            el("tbody") {
                                for entry in overview.stale {
                                    el("tr") {
                                        el("th", ["scope": "row"]) {
                                            el("a", ["href": Route.organisation(city.slug, entry.organisation.id).path])
                                            {
                                                Localized.text(entry.organisation.name, context)
                                            }
                                        }
                                        el("td") {
                                            entry.reasons.map { t("stakeholders.stale.\($0.rawValue)") }
                                                .joined(separator: "; ")
                                        }
                                        el("td") {
                                            entry.organisation.lastConfirmedAt.map { CalendarDay($0).description }
                                                ?? t("stakeholders.show.never")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func round(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        return el("section", ["aria-labelledby": "round-heading"]) {
            el("h2", ["id": "round-heading"]) { t("stakeholders.dashboard.round_heading") }
            FormFields.summary(model.errors, t: t)
            FormFields.errorList(model.errors.messages(for: "round"), id: "field-round", t: t)
            if let latest = model.overview.latest {
                el("p") {
                    t(
                        model.overview.isLatestOpen
                            ? "stakeholders.dashboard.round_open" : "stakeholders.dashboard.round_closed",
                        [
                            "opened": CalendarDay(latest.round.openedAt).description,
                            "closes": latest.round.closesOn.description,
                        ])
                }
                el("ul") {
                    for status in ConfirmationRequest.Status.allCases {
                        el("li") {
                            t.plural("stakeholders.confirm.count.\(status.rawValue)", count: latest.count(status))
                        }
                    }
                }
                if model.overview.isLatestOpen {
                    requests(latest, model, context)
                    el(
                        "form",
                        ["method": "post", "action": Route.closeConfirmationRound(city.slug, latest.round.id).path]
                    ) {
                        context.csrfField
                        el("button", ["type": "submit"]) { t("stakeholders.dashboard.close_round") }
                    }
                }
            } else {
                el("p") { t("stakeholders.dashboard.round_none") }
            }
            if !model.overview.isLatestOpen {
                el("p", ["class": "hint"]) { t("stakeholders.dashboard.round_hint") }
                el("form", ["method": "post", "action": Route.openConfirmationRound(city.slug).path]) {
                    context.csrfField
                    el("button", ["type": "submit"]) { t("stakeholders.dashboard.open_round") }
                }
            }
        }
    }

    static func requests(_ progress: ConfirmationUseCases.RoundProgress, _ model: Model, _ context: PageContext)
        -> Node
    {
        let t = context.t
        return el("div", ["class": "table-scroll"]) {
            el("table") {
                el("caption") { t("stakeholders.dashboard.requests_caption") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("stakeholders.field.name") }
                        el("th", ["scope": "col"]) { t("stakeholders.dashboard.recipient") }
                        el("th", ["scope": "col"]) { t("stakeholders.dashboard.answer") }
                    }
                }
                el("tbody") {
                    for request in progress.requests {
                        el("tr") {
                            el("th", ["scope": "row"]) {
                                model.names[request.organisationID].map { Localized.text($0, context) }
                                    ?? .fragment([])
                            }
                            el("td") { request.recipient }
                            el("td") {
                                t("stakeholders.confirm.status.\(request.status.rawValue)")
                                if request.status == .pending {
                                    el(
                                        "form",
                                        [
                                            "method": "post", "class": "inline",
                                            "action": Route.markConfirmationBounced(model.city.slug, request.id).path,
                                        ]
                                    ) {
                                        context.csrfField
                                        " "
                                        el("button", ["type": "submit", "class": "link-button"]) {
                                            t("stakeholders.dashboard.mark_bounced")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
