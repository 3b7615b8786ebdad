import Domain

/// Adding or changing an action: its objective, number, texts, lead agencies year by year, partners, timescale,
/// funding, budget and status.
enum ActionFormPage {
    struct Model {
        var city: City
        var document: PlanDocument
        var editing: PlanAction?
        var organisations: [Organisation]
        var input: ActionInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        let title = model.editing == nil ? t("plans.action.new") : t("plans.action.edit")
        let action =
            model.editing.map { Route.editPlanAction(city.slug, plan.id, $0.id).path }
            ?? Route.newPlanAction(city.slug, plan.id).path
        let organisations = PlanText.organisationOptions(model.organisations, context: context, empty: "")
        return Layout.page(title: title, context: context) {
            el("p") { el("a", ["href": Route.plan(city.slug, plan.id).path]) { Localized.text(plan.title, context) } }
            el("h1") { title }
            FormFields.post(to: action, errors: model.errors, context: context) {
                FormFields.select(
                    "objective", label: t("plans.field.objective"),
                    options: model.document.objectives.map {
                        ($0.id.description, "\($0.number). " + Localized.string($0.title, context))
                    },
                    selected: model.input.objective, errors: model.errors, t: t)
                FormFields.text(
                    "number", label: t("plans.field.number"), value: model.input.number, type: "number",
                    errors: model.errors, t: t)
                TranslatableFields.lines(
                    "title", legend: t("plans.field.action"), languages: city.languages, values: model.input.titles,
                    errors: model.errors, t: t)
                TranslatableFields.paragraphs(
                    "description", legend: t("plans.field.description"), languages: city.languages,
                    values: model.input.descriptions, errors: model.errors, t: t)
                el("fieldset", ["class": "field"]) {
                    el("legend") { t("plans.field.leads") }
                    el("p", ["class": "hint"]) { t("plans.field.leads_hint") }
                    for year in plan.years {
                        PlanText.multiSelect(
                            "leads_\(year)", label: String(year), hint: nil, options: organisations,
                            selected: Set(model.input.leads[year] ?? []), errors: model.errors, t: t)
                    }
                }
                PlanText.multiSelect(
                    "partners", label: t("plans.field.partners"), hint: t("plans.field.several_hint"),
                    options: organisations, selected: Set(model.input.partners), errors: model.errors, t: t)
                FormFields.text(
                    "first_year", label: t("plans.field.first_year"), value: model.input.firstYear, type: "number",
                    errors: model.errors, t: t)
                FormFields.text(
                    "last_year", label: t("plans.field.last_year"), value: model.input.lastYear, type: "number",
                    errors: model.errors, t: t)
                TranslatableFields.lines(
                    "funding", legend: t("plans.field.funding"), languages: city.languages,
                    values: model.input.fundingSources, errors: model.errors, t: t)
                FormFields.text(
                    "budget", label: t("plans.field.budget_euros"), value: model.input.budget, required: false,
                    errors: model.errors, t: t)
                FormFields.select(
                    "status", label: t("plans.field.status"),
                    options: PlanAction.Status.allCases.map { ($0.rawValue, t("plans.action_status.\($0.rawValue)")) },
                    selected: model.input.status, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
