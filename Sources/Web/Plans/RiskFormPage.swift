import Domain

/// Adding or changing a risk of an action.
enum RiskFormPage {
    struct Model {
        var city: City
        var plan: ActionPlan
        var action: PlanAction
        var editing: Risk?
        var organisations: [Organisation]
        var input: RiskInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let title = model.editing == nil ? t("plans.risk.new") : t("plans.risk.edit")
        let action =
            model.editing.map { Route.editRisk(city.slug, model.plan.id, $0.id).path }
            ?? Route.newRisk(city.slug, model.plan.id, model.action.id).path
        let scale = Risk.scale.map { (String($0), t("plans.scale.\($0)")) }
        return Layout.page(title: title, context: context) {
            el("p") {
                el("a", ["href": Route.planAction(city.slug, model.plan.id, model.action.id).path]) {
                    Localized.text(model.action.title, context)
                }
            }
            el("h1") { title }
            FormFields.post(to: action, errors: model.errors, context: context) {
                TranslatableFields.paragraphs(
                    "description", legend: t("plans.field.risk"), languages: city.languages,
                    values: model.input.descriptions, errors: model.errors, t: t)
                FormFields.select(
                    "likelihood", label: t("plans.field.likelihood"), options: [("", "–")] + scale,
                    selected: model.input.likelihood, errors: model.errors, t: t)
                FormFields.select(
                    "impact", label: t("plans.field.impact"), options: [("", "–")] + scale,
                    selected: model.input.impact, errors: model.errors, t: t)
                TranslatableFields.paragraphs(
                    "mitigation", legend: t("plans.field.mitigation"), languages: city.languages,
                    values: model.input.mitigations, errors: model.errors, t: t)
                FormFields.select(
                    "owner", label: t("plans.field.owner"),
                    options: PlanText.organisationOptions(model.organisations, context: context, empty: "–"),
                    selected: model.input.owner, errors: model.errors, t: t)
                FormFields.select(
                    "status", label: t("plans.field.status"),
                    options: Risk.Status.allCases.map { ($0.rawValue, t("plans.risk_status.\($0.rawValue)")) },
                    selected: model.input.status, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}

/// A plan's live risks on a likelihood × impact grid, most severe top right, with the list below.
enum RiskMatrixPage {
    struct Model {
        var city: City
        var document: PlanDocument
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        let live = model.document.risks.filter(\.isLive)
        let actions = Dictionary(uniqueKeysWithValues: model.document.actions.map { ($0.id, $0) })
        return Layout.page(title: t("plans.risks.matrix"), context: context) {
            el("p") { el("a", ["href": Route.plan(city.slug, plan.id).path]) { Localized.text(plan.title, context) } }
            el("h1") { t("plans.risks.matrix") }
            el("p", ["class": "lead"]) { t("plans.risks.matrix_intro") }
            el("div", ["class": "table-scroll"]) {
                el("table", ["class": "risk-matrix"]) {
                    el("caption") { t("plans.risks.matrix_caption") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) {
                                t("plans.field.likelihood") + " \\ " + t("plans.field.impact")
                            }
                            for impact in Risk.scale {
                                el("th", ["scope": "col"]) { "\(impact) " + t("plans.scale.\(impact)") }
                            }
                        }
                    }
                    el("tbody") {
                        for likelihood in Risk.scale.reversed() {
                            el("tr") {
                                el("th", ["scope": "row"]) { "\(likelihood) " + t("plans.scale.\(likelihood)") }
                                for impact in Risk.scale {
                                    let severity = Risk.severity(likelihood: likelihood, impact: impact)
                                    let here = live.filter { $0.likelihood == likelihood && $0.impact == impact }
                                    el("td", ["class": "severity-\(severity.rawValue)"]) {
                                        for risk in here {
                                            if let action = actions[risk.actionID] {
                                                el("a", ["href": Route.planAction(city.slug, plan.id, action.id).path])
                                                {
                                                    t("plans.action.heading", ["number": String(action.number)])
                                                }
                                                " "
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { t("plans.risks.title") }
            el("ol", ["class": "plain"]) {
                for risk in live.sorted(by: { $0.likelihood * $0.impact > $1.likelihood * $1.impact }) {
                    el("li") {
                        el("span", ["class": "tag severity-\(risk.severity.rawValue)"]) {
                            t("plans.severity.\(risk.severity.rawValue)")
                        }
                        " "
                        Localized.text(risk.description, context)
                        if let action = actions[risk.actionID] {
                            " — "
                            el("a", ["href": Route.planAction(city.slug, plan.id, action.id).path]) {
                                t("plans.action.heading", ["number": String(action.number)])
                            }
                        }
                    }
                }
            }
        }
    }
}
