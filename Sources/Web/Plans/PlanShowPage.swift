import Domain

/// A plan on one page: the goal, each objective with its actions, their leads, timescale, status and KPIs.
enum PlanShowPage {
    struct Model {
        var city: City
        var document: PlanDocument
        var evaluation: PlanEvaluation
        var names: [OrganisationID: LocalizedText]
        var mayManage: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        return Layout.page(title: Localized.string(plan.title, context), context: context) {
            el("h1") { Localized.text(plan.title, context) }
            el("p") { el("span", ["class": "tag"]) { PlanText.years(plan.firstYear, plan.lastYear) } }
            if !plan.goal.isEmpty {
                el("h2") { t("plans.field.goal") }
                Localized.text(plan.goal, context, tag: "p")
            }
            el("ul", ["class": "actions"]) {
                el("li") { el("a", ["href": Route.planRisks(city.slug, plan.id).path]) { t("plans.risks.matrix") } }
                el("li") { el("a", ["href": Route.planExport(city.slug, plan.id).path]) { t("plans.export.json") } }
                el("li") {
                    el("a", ["href": Route.planActionsCSV(city.slug, plan.id).path]) { t("plans.export.actions") }
                }
                el("li") { el("a", ["href": Route.planKPIsCSV(city.slug, plan.id).path]) { t("plans.export.kpis") } }
                if model.mayManage {
                    el("li") { el("a", ["href": Route.editPlan(city.slug, plan.id).path]) { t("plans.edit") } }
                    el("li") {
                        el("a", ["href": Route.importPlanSpreadsheets(city.slug, plan.id).path]) {
                            t("plans.spreadsheets.title")
                        }
                    }
                    el("li") {
                        el("a", ["href": Route.newObjective(city.slug, plan.id).path]) { t("plans.objective.new") }
                    }
                    if !model.document.objectives.isEmpty {
                        el("li") {
                            el("a", ["href": Route.newPlanAction(city.slug, plan.id).path]) { t("plans.action.new") }
                        }
                    }
                }
            }
            el("h2") { t("plans.reports.title") }
            el("ul", ["class": "actions"]) {
                for year in plan.years {
                    el("li") {
                        el("a", ["href": Route.planReport(city.slug, plan.id, year).path]) {
                            t("plans.reports.year", ["year": String(year)])
                        }
                    }
                }
            }
            for objective in model.document.objectives {
                objectiveSection(objective, model, context)
            }
        }
    }

    static func objectiveSection(_ objective: PlanObjective, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        return el("section", ["aria-labelledby": "objective-\(objective.number)"]) {
            el("h2", ["id": "objective-\(objective.number)"]) {
                t("plans.objective.heading", ["number": String(objective.number)]) + " "
                Localized.text(objective.title, context)
            }
            if model.mayManage {
                el("p") {
                    el("a", ["href": Route.editObjective(city.slug, plan.id, objective.id).path]) {
                        t("plans.objective.edit")
                    }
                }
            }
            let actions = model.document.actions(of: objective.id)
            if actions.isEmpty {
                el("p") { t("plans.action.none") }
            } else {
                el("div", ["class": "table-scroll"]) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("plans.field.number") }
                                el("th", ["scope": "col"]) { t("plans.field.action") }
                                el("th", ["scope": "col"]) { t("plans.field.leads") }
                                el("th", ["scope": "col"]) { t("plans.field.timescale") }
                                el("th", ["scope": "col"]) { t("plans.field.status") }
                                el("th", ["scope": "col"]) { t("plans.kpis.title") }
                            }
                        }
                        el("tbody") {
                            for action in actions {
                                el("tr") {
                                    el("td", ["class": "number"]) { String(action.number) }
                                    el("td") {
                                        el("a", ["href": Route.planAction(city.slug, plan.id, action.id).path]) {
                                            Localized.text(action.title, context)
                                        }
                                    }
                                    el("td") {
                                        PlanText.leads(action, names: model.names, city: city, context: context)
                                    }
                                    el("td") { PlanText.years(action.firstYear, action.lastYear) }
                                    el("td") { PlanText.actionStatus(action.status, t: t) }
                                    el("td") {
                                        el("ul", ["class": "plain"]) {
                                            for kpi in model.document.kpis(of: action.id) {
                                                el("li") {
                                                    el("a", ["href": Route.kpi(city.slug, plan.id, kpi.id).path]) {
                                                        Localized.text(kpi.description, context)
                                                    }
                                                    " "
                                                    PlanText.status(
                                                        model.evaluation.statuses[kpi.id] ?? .notMeasured, t: t)
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
    }
}
