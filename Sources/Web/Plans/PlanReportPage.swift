import Domain

/// The yearly monitoring report for the advisory board: per objective and action, each KPI's target against the
/// year's value with a chart and the records behind it, status notes, partners' contributions and live risks.
/// Printable (the print stylesheet drops navigation and forms) and also served as a PDF.
enum PlanReportPage {
    struct Model {
        var city: City
        var document: PlanDocument
        var year: Int
        var evaluation: PlanEvaluation
        var names: [OrganisationID: LocalizedText]
        var mayManage: Bool
        /// For each action, the organisations the reader may add a contribution for.
        var contributing: [PlanActionID: [OrganisationID]]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        let locked = model.document.locks.first { $0.year == model.year }
        let title = t("plans.reports.heading", ["year": String(model.year)])
        return Layout.page(title: title + " – " + Localized.string(plan.title, context), context: context) {
            el("p") { el("a", ["href": Route.plan(city.slug, plan.id).path]) { Localized.text(plan.title, context) } }
            el("h1") { title }
            el("p") {
                if let locked {
                    el("span", ["class": "tag"]) {
                        t("plans.reports.locked", ["day": CalendarDay(locked.lockedAt).description])
                    }
                } else {
                    el("span", ["class": "tag"]) { t("plans.reports.draft") }
                }
                " "
                el("a", ["href": Route.planReportPDF(city.slug, plan.id, model.year).path]) { t("plans.reports.pdf") }
            }
            if model.mayManage && locked == nil {
                el("form", ["method": "post", "action": Route.lockPlanReport(city.slug, plan.id, model.year).path]) {
                    context.csrfField
                    el("p", ["class": "hint"]) { t("plans.reports.lock_hint") }
                    el("button", ["type": "submit", "class": "secondary"]) { t("plans.reports.lock") }
                }
            }
            if !plan.goal.isEmpty { Localized.text(plan.goal, context, tag: "p") }
            for objective in model.document.objectives {
                el("h2") {
                    t("plans.objective.heading", ["number": String(objective.number)]) + " "
                    Localized.text(objective.title, context)
                }
                for action in model.document.actions(of: objective.id)
                where action.firstYear <= model.year && model.year <= max(action.lastYear, model.year) {
                    actionSection(action, model, context, locked: locked != nil)
                }
            }
        }
    }

    static func actionSection(_ action: PlanAction, _ model: Model, _ context: PageContext, locked: Bool) -> Node {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        let year = model.year
        return el("section", ["class": "report-action"]) {
            el("h3") {
                t("plans.action.heading", ["number": String(action.number)]) + " "
                Localized.text(action.title, context)
            }
            el("p") {
                PlanText.actionStatus(action.status, t: t)
                " · " + t("plans.field.leads") + ": "
                PlanText.organisations(action.leads(in: year), names: model.names, city: city, context: context)
            }
            for kpi in model.document.kpis(of: action.id) {
                let reading = model.evaluation.reading(kpi.id, year: year)
                el("div", ["class": "report-kpi"]) {
                    el("h4") { Localized.text(kpi.description, context) }
                    el("p") {
                        t("plans.field.target") + ": " + PlanText.target(kpi, t: t) + " · "
                        t("plans.field.value") + ": "
                        reading.map { PlanText.value($0.value, kpi: kpi, t: t) } ?? t("plans.reports.no_value")
                        " · "
                        PlanText.status(model.evaluation.statuses[kpi.id] ?? .notMeasured, t: t)
                        " "
                        el("a", ["href": Route.kpi(city.slug, plan.id, kpi.id).path]) { t("plans.reports.records") }
                    }
                    KPIChart.render(
                        kpi: kpi, years: plan.years, readings: model.evaluation.readings[kpi.id] ?? [], t: t)
                }
            }
            let notes = model.document.notes(of: action.id).filter { $0.day.year == year }
            if !notes.isEmpty {
                el("h4") { t("plans.notes.title") }
                el("ul") {
                    for note in notes {
                        el("li") { note.day.description + " — " + note.text }
                    }
                }
            }
            let contributions = model.document.contributions.filter { $0.year == year && $0.actionID == action.id }
            if !contributions.isEmpty {
                el("h4") { t("plans.reports.contributions") }
                for contribution in contributions {
                    el("blockquote") {
                        el("p") { contribution.text }
                        el("p", ["class": "hint"]) {
                            PlanText.organisations(
                                [contribution.organisationID], names: model.names, city: city, context: context)
                        }
                    }
                }
            }
            let risks = model.document.risks(of: action.id).filter(\.isLive)
            if !risks.isEmpty {
                el("h4") { t("plans.risks.title") }
                el("ul") {
                    for risk in risks {
                        el("li") {
                            el("span", ["class": "tag severity-\(risk.severity.rawValue)"]) {
                                t("plans.severity.\(risk.severity.rawValue)")
                            }
                            " "
                            Localized.text(risk.description, context)
                        }
                    }
                }
            }
            if !locked, let organisations = model.contributing[action.id], !organisations.isEmpty {
                contributionForm(action, organisations: organisations, model, context)
            }
        }
    }

    static func contributionForm(
        _ action: PlanAction, organisations: [OrganisationID], _ model: Model, _ context: PageContext
    ) -> Node {
        let t = context.t
        let id = "contribution-\(action.number)"
        return el(
            "form",
            [
                "method": "post",
                "action": Route.planReportContributions(model.city.slug, model.document.plan.id, model.year).path,
            ]
        ) {
            context.csrfField
            void("input", ["type": "hidden", "name": "action", "value": action.id.description])
            el("div", ["class": "field"]) {
                el("label", ["for": "organisation-\(action.number)"]) { t("plans.field.writing_for") }
                el("select", ["id": "organisation-\(action.number)", "name": "organisation"]) {
                    for organisation in organisations {
                        el("option", ["value": organisation.description]) {
                            model.names[organisation].map { Localized.string($0, context) } ?? organisation.description
                        }
                    }
                }
            }
            el("div", ["class": "field"]) {
                el("label", ["for": id]) { t("plans.reports.contribute", ["number": String(action.number)]) }
                el("textarea", ["id": id, "name": "text", "rows": "4"]) {
                    model.document.contributions.first {
                        $0.year == model.year && $0.actionID == action.id && organisations.contains($0.organisationID)
                    }?.text ?? ""
                }
            }
            el("button", ["type": "submit"]) { t("plans.reports.contribute_submit") }
        }
    }
}
