import Domain

/// One KPI: its target, status, a chart, and every year's value with the records that produced it; people
/// responsible for a manually measured KPI enter values here.
enum KPIShowPage {
    struct Model {
        var city: City
        var plan: ActionPlan
        var action: PlanAction
        var kpi: KPI
        var readings: [KPIReading]
        var status: KPIStatus
        var names: [OrganisationID: LocalizedText]
        var eventTitles: [EventID: LocalizedText]
        var placeNames: [PlaceID: LocalizedText]
        var networkNames: [NetworkID: LocalizedText]
        var mayManage: Bool
        var mayReport: Bool
        var input: MeasurementInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let kpi = model.kpi
        return Layout.page(title: Localized.string(kpi.description, context), context: context) {
            el("p") {
                el("a", ["href": Route.planAction(city.slug, model.plan.id, model.action.id).path]) {
                    t("plans.action.heading", ["number": String(model.action.number)]) + " "
                    Localized.text(model.action.title, context)
                }
            }
            el("h1") { Localized.text(kpi.description, context) }
            el("p") { PlanText.status(model.status, t: t) }
            if model.mayManage {
                el("p") {
                    el("a", ["href": Route.editKPI(city.slug, model.plan.id, kpi.id).path]) { t("plans.kpi.edit") }
                }
            }
            el("dl", ["class": "facts"]) {
                el("dt") { t("plans.field.target") }
                el("dd") { PlanText.target(kpi, t: t) + " (" + t("plans.kpi_period.\(kpi.period.rawValue)") + ")" }
                if let baseline = kpi.baseline {
                    el("dt") { t("plans.field.baseline") }
                    el("dd") { PlanText.value(baseline, kpi: kpi, t: t) }
                }
                el("dt") { t("plans.field.due") }
                el("dd") { kpi.due.description }
                el("dt") { t("plans.field.measure") }
                el("dd") { ruleText(kpi, model, context) }
            }
            KPIChart.render(kpi: kpi, years: model.plan.years, readings: model.readings, t: t)
            readingsTable(model, context)
            if model.mayReport && kpi.rule == nil { measurementForm(model, context) }
        }
    }

    static func ruleText(_ kpi: KPI, _ model: Model, _ context: PageContext) -> String {
        let t = context.t
        guard let rule = kpi.rule else { return t("plans.rule.manual") }
        var parts = [t("plans.rule.\(rule.name.rawValue)")]
        if rule.name.needsEventKind, let kind = rule.eventKind {
            parts.append(t("directory.events.kind.\(kind.rawValue)"))
        }
        if let network = rule.networkID, let name = model.networkNames[network] {
            parts.append(Localized.string(name, context))
        }
        if let minimum = rule.minimumAttendance { parts.append(t("plans.rule.minimum", ["count": String(minimum)])) }
        if rule.name == .placeBookings {
            parts.append(rule.placeKind.map { t("directory.places.kind.\($0.rawValue)") } ?? t("plans.rule.any_place"))
        }
        return parts.joined(separator: " · ")
    }

    static func readingsTable(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("div", ["class": "table-scroll"]) {
            el("table") {
                el("caption") { t("plans.readings.caption") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("plans.field.year") }
                        el("th", ["scope": "col"]) { t("plans.field.value") }
                        el("th", ["scope": "col"]) { t("plans.field.met") }
                        el("th", ["scope": "col"]) { t("plans.field.records") }
                    }
                }
                el("tbody") {
                    for reading in model.readings {
                        el("tr") {
                            el("th", ["scope": "row"]) { String(reading.year) }
                            el("td", ["class": "number"]) { PlanText.value(reading.value, kpi: model.kpi, t: t) }
                            el("td") { model.kpi.meets(reading.value) ? t("plans.value.yes") : t("plans.value.no") }
                            el("td") { records(reading, model, context) }
                        }
                    }
                }
            }
        }
    }

    static func records(_ reading: KPIReading, _ model: Model, _ context: PageContext) -> Node {
        let city = model.city
        return el("ul", ["class": "plain"]) {
            for record in reading.records {
                el("li") {
                    switch record {
                    case .event(let id):
                        el("a", ["href": Route.event(city.slug, id).path]) {
                            model.eventTitles[id].map { Localized.string($0, context) } ?? id.description
                        }
                    case .booking(_, let place):
                        el("a", ["href": Route.place(city.slug, place).path]) {
                            model.placeNames[place].map { Localized.string($0, context) } ?? place.description
                        }
                    case .membership(let network, let organisation):
                        el("a", ["href": Route.organisation(city.slug, organisation).path]) {
                            model.names[organisation].map { Localized.string($0, context) } ?? organisation.description
                        }
                        " ("
                        el("a", ["href": Route.network(city.slug, network).path]) {
                            model.networkNames[network].map { Localized.string($0, context) } ?? network.description
                        }
                        ")"
                    case .measurement:
                        reading.evidence.isEmpty ? context.t("plans.readings.entered") : reading.evidence
                    }
                }
            }
        }
    }

    static func measurementForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el(
            "form",
            [
                "method": "post", "action": Route.kpiMeasurements(model.city.slug, model.plan.id, model.kpi.id).path,
                "novalidate": "novalidate",
            ]
        ) {
            el("h2") { t("plans.measurement.add") }
            context.csrfField
            FormFields.summary(model.errors, t: t)
            FormFields.text(
                "day", label: t("plans.field.day"), value: model.input.day, type: "date", errors: model.errors, t: t)
            FormFields.hinted(
                "value", label: t("plans.field.value"),
                hint: model.kpi.target == .yes
                    ? t("plans.measurement.yes_no_hint") : t("plans.measurement.number_hint"),
                value: model.input.value, errors: model.errors, t: t)
            FormFields.textarea(
                "evidence", label: t("plans.field.evidence"), value: model.input.evidence, errors: model.errors, t: t)
            el("button", ["type": "submit"]) { t("plans.measurement.submit") }
        }
    }
}
