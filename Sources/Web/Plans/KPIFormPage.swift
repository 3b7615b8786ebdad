import Domain

/// Adding or changing a KPI: description, unit, baseline, target and direction, due date, and how it is measured
/// (by people, or by one of the documented rules over the platform's records).
enum KPIFormPage {
    struct Model {
        var city: City
        var plan: ActionPlan
        var action: PlanAction
        var editing: KPI?
        var networks: [Network]
        var input: KPIInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let title = model.editing == nil ? t("plans.kpi.new") : t("plans.kpi.edit")
        let action =
            model.editing.map { Route.editKPI(city.slug, model.plan.id, $0.id).path }
            ?? Route.newKPI(city.slug, model.plan.id, model.action.id).path
        let input = model.input
        return Layout.page(title: title, context: context) {
            el("p") {
                el("a", ["href": Route.planAction(city.slug, model.plan.id, model.action.id).path]) {
                    Localized.text(model.action.title, context)
                }
            }
            el("h1") { title }
            FormFields.post(to: action, errors: model.errors, context: context) {
                TranslatableFields.lines(
                    "description", legend: t("plans.field.kpi"), languages: city.languages, values: input.descriptions,
                    errors: model.errors, t: t)
                FormFields.text(
                    "unit", label: t("plans.field.unit"), value: input.unit, required: false, errors: model.errors, t: t
                )
                FormFields.text(
                    "baseline", label: t("plans.field.baseline"), value: input.baseline, required: false,
                    errors: model.errors, t: t)
                FormFields.select(
                    "target_type", label: t("plans.field.target_type"),
                    options: [("number", t("plans.target_type.number")), ("yes", t("plans.target_type.yes"))],
                    selected: input.targetType, errors: model.errors, t: t)
                FormFields.hinted(
                    "target", label: t("plans.field.target"), hint: t("plans.field.target_hint"), value: input.target,
                    errors: model.errors, t: t)
                FormFields.select(
                    "direction", label: t("plans.field.direction"),
                    options: KPI.Direction.allCases.map { ($0.rawValue, t("plans.direction.\($0.rawValue)")) },
                    selected: input.direction, errors: model.errors, t: t)
                FormFields.select(
                    "period", label: t("plans.field.kpi_period"),
                    options: KPI.Period.allCases.map { ($0.rawValue, t("plans.kpi_period.\($0.rawValue)")) },
                    selected: input.period, errors: model.errors, t: t)
                FormFields.text(
                    "due", label: t("plans.field.due"), value: input.due, type: "date", errors: model.errors, t: t)
                el("fieldset", ["class": "field"]) {
                    el("legend") { t("plans.field.measure") }
                    el("p", ["class": "hint"]) { t("plans.rule.hint") }
                    FormFields.select(
                        "measure", label: t("plans.field.measure_how"),
                        options: [("manual", t("plans.rule.manual"))]
                            + KPIRule.Name.allCases.map { ($0.rawValue, t("plans.rule.\($0.rawValue)")) },
                        selected: input.measure, errors: model.errors, t: t)
                    FormFields.select(
                        "event_kind", label: t("plans.field.event_kind"),
                        options: [("", "–")]
                            + Event.Kind.allCases.map { ($0.rawValue, t("directory.events.kind.\($0.rawValue)")) },
                        selected: input.eventKind, errors: model.errors, t: t)
                    FormFields.select(
                        "network", label: t("plans.field.network"),
                        options: [("", "–")]
                            + model.networks.map { ($0.id.description, Localized.string($0.name, context)) },
                        selected: input.network, errors: model.errors, t: t)
                    FormFields.text(
                        "minimum_attendance", label: t("plans.field.minimum_attendance"),
                        value: input.minimumAttendance, type: "number", required: false, errors: model.errors, t: t)
                    FormFields.select(
                        "place_kind", label: t("plans.field.place_kind"),
                        options: [("", t("plans.rule.any_place"))]
                            + Place.Kind.allCases.map { ($0.rawValue, t("directory.places.kind.\($0.rawValue)")) },
                        selected: input.placeKind, errors: model.errors, t: t)
                }
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
