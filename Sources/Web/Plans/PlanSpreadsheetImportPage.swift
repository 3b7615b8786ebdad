import Domain

/// Updating a plan's actions and KPIs from the spreadsheets it exports: either file or both; problems are listed by
/// file, line and column, and nothing is written.
enum PlanSpreadsheetImportPage {
    struct Model {
        var city: City
        var plan: ActionPlan
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.plan
        return Layout.page(title: t("plans.spreadsheets.title"), context: context) {
            el("h1") { t("plans.spreadsheets.title") }
            el("p") {
                el("a", ["href": Route.plan(city.slug, plan.id).path]) { Localized.text(plan.title, context) }
            }
            el("p", ["class": "lead"]) { t("plans.spreadsheets.intro") }
            el("ul") {
                el("li") { t("plans.spreadsheets.rule_id") }
                el("li") { t("plans.spreadsheets.rule_columns") }
                el("li") { t("plans.spreadsheets.rule_names") }
            }
            PlanImportPage.problems(model.errors, t: t)
            el(
                "form",
                [
                    "method": "post", "action": Route.importPlanSpreadsheets(city.slug, plan.id).path,
                    "enctype": "multipart/form-data", "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                for (name, label, source) in [
                    ("actions", "plans.spreadsheets.actions", Route.planActionsCSV(city.slug, plan.id)),
                    ("kpis", "plans.spreadsheets.kpis", Route.planKPIsCSV(city.slug, plan.id)),
                ] {
                    el("div", ["class": "field"]) {
                        el("label", ["for": "field-\(name)"]) { t(label) }
                        el("p", ["class": "hint", "id": "hint-\(name)"]) {
                            el("a", ["href": source.path]) { t("plans.spreadsheets.download") }
                        }
                        void(
                            "input",
                            [
                                "id": "field-\(name)", "name": name, "type": "file", "accept": "text/csv,.csv",
                                "aria-describedby": "hint-\(name)",
                            ])
                    }
                }
                el("button", ["type": "submit"]) { t("plans.import.submit") }
            }
        }
    }
}
