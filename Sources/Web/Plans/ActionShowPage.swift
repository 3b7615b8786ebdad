import Domain

/// One action of a plan: what it is, who leads it each year, with whom, its money, KPIs, risks and status notes;
/// those responsible add a dated note here.
enum ActionShowPage {
    struct Model {
        var city: City
        var document: PlanDocument
        var action: PlanAction
        var evaluation: PlanEvaluation
        var names: [OrganisationID: LocalizedText]
        var mayManage: Bool
        var mayReport: Bool
        /// The organisations the reader may write for.
        var reporting: [OrganisationID]
        var input: StatusNoteInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        let action = model.action
        let title =
            t("plans.action.heading", ["number": String(action.number)]) + " " + Localized.string(action.title, context)
        return Layout.page(title: title, context: context) {
            el("p") { el("a", ["href": Route.plan(city.slug, plan.id).path]) { Localized.text(plan.title, context) } }
            el("h1") { title }
            el("p") { PlanText.actionStatus(action.status, t: t) }
            if model.mayManage {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editPlanAction(city.slug, plan.id, action.id).path]) {
                            t("plans.action.edit")
                        }
                    }
                    el("li") {
                        el("a", ["href": Route.newKPI(city.slug, plan.id, action.id).path]) { t("plans.kpi.new") }
                    }
                    el("li") {
                        el("a", ["href": Route.newRisk(city.slug, plan.id, action.id).path]) { t("plans.risk.new") }
                    }
                }
            }
            if !action.description.isEmpty { Localized.text(action.description, context, tag: "p") }
            el("dl", ["class": "facts"]) {
                el("dt") { t("plans.field.leads") }
                el("dd") { PlanText.leads(action, names: model.names, city: city, context: context) }
                if !action.partnerIDs.isEmpty {
                    el("dt") { t("plans.field.partners") }
                    el("dd") {
                        PlanText.organisations(action.partnerIDs, names: model.names, city: city, context: context)
                    }
                }
                el("dt") { t("plans.field.timescale") }
                el("dd") { PlanText.years(action.firstYear, action.lastYear) }
                if !action.fundingSource.isEmpty {
                    el("dt") { t("plans.field.funding") }
                    el("dd") { Localized.text(action.fundingSource, context) }
                }
                if let budget = action.budgetCents {
                    el("dt") { t("plans.field.budget") }
                    el("dd") { PlanText.euros(budget, language: context.language) }
                }
            }
            kpiTable(model, context)
            riskTable(model.document.risks(of: action.id), model: model, context)
            notes(model, context)
        }
    }

    static func kpiTable(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let plan = model.document.plan
        let kpis = model.document.kpis(of: model.action.id)
        return el("section", ["aria-labelledby": "kpis"]) {
            el("h2", ["id": "kpis"]) { t("plans.kpis.title") }
            if kpis.isEmpty {
                el("p") { t("plans.kpi.none") }
            } else {
                el("div", ["class": "table-scroll"]) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("plans.field.kpi") }
                                el("th", ["scope": "col"]) { t("plans.field.target") }
                                el("th", ["scope": "col"]) { t("plans.field.due") }
                                el("th", ["scope": "col"]) { t("plans.field.latest") }
                                el("th", ["scope": "col"]) { t("plans.field.status") }
                            }
                        }
                        el("tbody") {
                            for kpi in kpis {
                                el("tr") {
                                    el("td") {
                                        el("a", ["href": Route.kpi(city.slug, plan.id, kpi.id).path]) {
                                            Localized.text(kpi.description, context)
                                        }
                                    }
                                    el("td") { PlanText.target(kpi, t: t) }
                                    el("td") { kpi.due.description }
                                    el("td", ["class": "number"]) {
                                        if let latest = model.evaluation.readings[kpi.id]?.last {
                                            "\(latest.year): " + PlanText.value(latest.value, kpi: kpi, t: t)
                                        } else {
                                            "–"
                                        }
                                    }
                                    el("td") {
                                        PlanText.status(model.evaluation.statuses[kpi.id] ?? .notMeasured, t: t)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func riskTable(_ risks: [Risk], model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        return el("section", ["aria-labelledby": "risks"]) {
            el("h2", ["id": "risks"]) { t("plans.risks.title") }
            if risks.isEmpty {
                el("p") { t("plans.risk.none") }
            } else {
                el("div", ["class": "table-scroll"]) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("plans.field.risk") }
                                el("th", ["scope": "col"]) { t("plans.field.severity") }
                                el("th", ["scope": "col"]) { t("plans.field.mitigation") }
                                el("th", ["scope": "col"]) { t("plans.field.owner") }
                                el("th", ["scope": "col"]) { t("plans.field.status") }
                            }
                        }
                        el("tbody") {
                            for risk in risks {
                                el("tr") {
                                    el("td") {
                                        Localized.text(risk.description, context)
                                        if model.mayManage {
                                            " "
                                            el(
                                                "a",
                                                [
                                                    "href": Route.editRisk(city.slug, model.document.plan.id, risk.id)
                                                        .path
                                                ]
                                            ) {
                                                t("plans.risk.edit")
                                            }
                                        }
                                    }
                                    el("td") {
                                        el("span", ["class": "tag severity-\(risk.severity.rawValue)"]) {
                                            t("plans.severity.\(risk.severity.rawValue)")
                                        }
                                        " "
                                        t(
                                            "plans.risk.score",
                                            ["likelihood": String(risk.likelihood), "impact": String(risk.impact)])
                                    }
                                    el("td") { Localized.text(risk.mitigation, context) }
                                    el("td") {
                                        if let owner = risk.ownerID {
                                            PlanText.organisations(
                                                [owner], names: model.names, city: city, context: context)
                                        }
                                    }
                                    el("td") { t("plans.risk_status.\(risk.status.rawValue)") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func notes(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let notes = model.document.notes(of: model.action.id)
        return el("section", ["aria-labelledby": "notes"]) {
            el("h2", ["id": "notes"]) { t("plans.notes.title") }
            if notes.isEmpty { el("p") { t("plans.notes.none") } }
            el("ol", ["class": "plain"]) {
                for note in notes {
                    el("li") {
                        el("p") {
                            el("strong") { note.day.description }
                            " "
                            PlanText.actionStatus(note.status, t: t)
                            if let organisation = note.organisationID {
                                " "
                                PlanText.organisations([organisation], names: model.names, city: city, context: context)
                            }
                        }
                        el("p") { note.text }
                    }
                }
            }
            if model.mayReport { noteForm(model, context) }
        }
    }

    static func noteForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        var organisations: [(value: String, label: String)] = model.mayManage ? [("", t("plans.notes.as_city"))] : []
        organisations += model.reporting.map {
            ($0.description, model.names[$0].map { Localized.string($0, context) } ?? $0.description)
        }
        return el(
            "form",
            [
                "method": "post",
                "action": Route.planActionNotes(city.slug, model.document.plan.id, model.action.id).path,
                "novalidate": "novalidate",
            ]
        ) {
            el("h3") { t("plans.notes.add") }
            context.csrfField
            FormFields.summary(model.errors, t: t)
            FormFields.select(
                "status", label: t("plans.field.status"),
                options: PlanAction.Status.allCases.map { ($0.rawValue, t("plans.action_status.\($0.rawValue)")) },
                selected: model.input.status.isEmpty ? model.action.status.rawValue : model.input.status,
                errors: model.errors, t: t)
            FormFields.select(
                "organisation", label: t("plans.field.writing_for"), options: organisations,
                selected: model.input.organisation, errors: model.errors, t: t)
            FormFields.textarea(
                "text", label: t("plans.field.note"), value: model.input.text, errors: model.errors, t: t)
            el("button", ["type": "submit"]) { t("plans.notes.submit") }
        }
    }
}
