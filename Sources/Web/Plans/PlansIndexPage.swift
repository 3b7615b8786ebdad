import Domain

/// The city's action plans, latest first.
enum PlansIndexPage {
    struct Model {
        var city: City
        var plans: [ActionPlan]
        var mayManage: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("plans.title"), context: context) {
            el("h1") { t("plans.title") }
            el("p", ["class": "lead"]) { t("plans.intro") }
            if model.mayManage {
                el("ul", ["class": "actions"]) {
                    el("li") { el("a", ["href": Route.newPlan(city.slug).path]) { t("plans.new") } }
                    el("li") { el("a", ["href": Route.importPlan(city.slug).path]) { t("plans.import.title") } }
                }
            }
            if model.plans.isEmpty {
                el("p") { t("plans.empty") }
            } else {
                el("ul", ["class": "card-list"]) {
                    for plan in model.plans {
                        el("li") {
                            el("a", ["href": Route.plan(city.slug, plan.id).path]) {
                                Localized.text(plan.title, context)
                            }
                            el("p") { PlanText.years(plan.firstYear, plan.lastYear) }
                        }
                    }
                }
            }
        }
    }
}

/// A plan's own fields: title, main goal, period.
enum PlanFormPage {
    struct Model {
        var city: City
        var editing: ActionPlan?
        var input: PlanInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let title = model.editing == nil ? t("plans.new") : t("plans.edit")
        let action = model.editing.map { Route.editPlan(city.slug, $0.id).path } ?? Route.newPlan(city.slug).path
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: model.errors, context: context) {
                TranslatableFields.lines(
                    "title", legend: t("plans.field.title"), languages: city.languages, values: model.input.titles,
                    errors: model.errors, t: t)
                TranslatableFields.paragraphs(
                    "goal", legend: t("plans.field.goal"), languages: city.languages, values: model.input.goals,
                    errors: model.errors, t: t)
                FormFields.text(
                    "first_year", label: t("plans.field.first_year"), value: model.input.firstYear, type: "number",
                    errors: model.errors, t: t)
                FormFields.text(
                    "last_year", label: t("plans.field.last_year"), value: model.input.lastYear, type: "number",
                    errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}

/// Adding or changing an objective of a plan.
enum ObjectiveFormPage {
    struct Model {
        var city: City
        var plan: ActionPlan
        var editing: PlanObjective?
        var input: ObjectiveInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let title = model.editing == nil ? t("plans.objective.new") : t("plans.objective.edit")
        let action =
            model.editing.map { Route.editObjective(city.slug, model.plan.id, $0.id).path }
            ?? Route.newObjective(city.slug, model.plan.id).path
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            el("p") {
                el("a", ["href": Route.plan(city.slug, model.plan.id).path]) {
                    Localized.text(model.plan.title, context)
                }
            }
            FormFields.post(to: action, errors: model.errors, context: context) {
                FormFields.text(
                    "number", label: t("plans.field.number"), value: model.input.number, type: "number",
                    errors: model.errors, t: t)
                TranslatableFields.lines(
                    "title", legend: t("plans.field.objective"), languages: city.languages,
                    values: model.input.titles, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
