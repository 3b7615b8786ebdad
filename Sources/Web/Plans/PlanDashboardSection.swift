import Domain

/// The action plan on the coordinator's dashboard: actions by status, KPIs at risk or off track, KPIs due within a
/// year and live risks by severity. Every row links to the record behind it.
enum PlanDashboardSection {
    static func render(_ dashboard: PlanDashboard, city: City, context: PageContext) -> Node {
        let t = context.t
        let plan = dashboard.plan
        let heading = "plan-\(plan.id)-heading"
        return el("section", ["aria-labelledby": heading, "class": "plan-dashboard"]) {
            el("h2", ["id": heading]) {
                t("plans.dashboard.title") + ": "
                el("a", ["href": Route.plan(city.slug, plan.id).path]) { Localized.text(plan.title, context) }
            }
            el("h3") { t("plans.dashboard.actions") }
            el("ul", ["class": "counts"]) {
                for status in PlanAction.Status.allCases {
                    el("li") {
                        PlanText.actionStatus(status, t: t)
                        " " + String(dashboard.actionsByStatus[status] ?? 0)
                    }
                }
            }
            el("h3") { t("plans.dashboard.attention") }
            kpiTable(dashboard.attention, plan: plan, city: city, context: context)
            el("h3") { t("plans.dashboard.due") }
            kpiTable(dashboard.dueSoon, plan: plan, city: city, context: context)
            el("h3") { t("plans.dashboard.risks") }
            risks(dashboard, city: city, context: context)
        }
    }

    static func kpiTable(
        _ rows: [(kpi: KPI, action: PlanAction, status: KPIStatus)], plan: ActionPlan, city: City,
        context: PageContext
    ) -> Node {
        let t = context.t
        if rows.isEmpty { return el("p") { t("plans.dashboard.none") } }
        return el("div", ["class": "table-scroll"]) {
            el("table") {
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("plans.field.kpi") }
                        el("th", ["scope": "col"]) { t("plans.field.action") }
                        el("th", ["scope": "col"]) { t("plans.field.target") }
                        el("th", ["scope": "col"]) { t("plans.field.due") }
                        el("th", ["scope": "col"]) { t("plans.field.status") }
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            el("th", ["scope": "row"]) {
                                el("a", ["href": Route.kpi(city.slug, plan.id, row.kpi.id).path]) {
                                    Localized.text(row.kpi.description, context)
                                }
                            }
                            el("td") {
                                el("a", ["href": Route.planAction(city.slug, plan.id, row.action.id).path]) {
                                    t("plans.action.heading", ["number": String(row.action.number)]) + " "
                                    Localized.text(row.action.title, context)
                                }
                            }
                            el("td") { PlanText.target(row.kpi, t: t) }
                            el("td") { row.kpi.due.description }
                            el("td") { PlanText.status(row.status, t: t) }
                        }
                    }
                }
            }
        }
    }

    static func risks(_ dashboard: PlanDashboard, city: City, context: PageContext) -> Node {
        let t = context.t
        let plan = dashboard.plan
        if dashboard.risks.isEmpty { return el("p") { t("plans.dashboard.none") } }
        return el("div", ["class": "table-scroll"]) {
            el("table") {
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("plans.field.risk") }
                        el("th", ["scope": "col"]) { t("plans.field.action") }
                        el("th", ["scope": "col"]) { t("plans.field.severity") }
                    }
                }
                el("tbody") {
                    for row in dashboard.risks {
                        el("tr") {
                            el("th", ["scope": "row"]) { Localized.text(row.risk.description, context) }
                            el("td") {
                                el("a", ["href": Route.planAction(city.slug, plan.id, row.action.id).path]) {
                                    t("plans.action.heading", ["number": String(row.action.number)]) + " "
                                    Localized.text(row.action.title, context)
                                }
                            }
                            el("td") {
                                el("span", ["class": "tag severity-\(row.risk.severity.rawValue)"]) {
                                    t("plans.severity.\(row.risk.severity.rawValue)")
                                }
                            }
                        }
                    }
                }
            }
            el("p") { el("a", ["href": Route.planRisks(city.slug, plan.id).path]) { t("plans.risks.matrix") } }
        }
    }
}
