import Domain
import Foundation
import Hummingbird

/// A plan's actions with their status notes, KPIs with their values, and risks.
struct PlanActionsController {
    let services: AppServices
    var useCases: PlanUseCases { services.planUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.newPlanAction, use: newAction)
        router.post(.newPlanAction, use: createAction)
        router.get(.planAction, use: show)
        router.get(.editPlanAction, use: editAction)
        router.post(.editPlanAction, use: updateAction)
        router.post(.planActionNotes, use: addNote)
        router.get(.newKPI, use: newKPI)
        router.post(.newKPI, use: createKPI)
        router.get(.kpi, use: showKPI)
        router.get(.editKPI, use: editKPI)
        router.post(.editKPI, use: updateKPI)
        router.post(.kpiMeasurements, use: addMeasurement)
        router.get(.newRisk, use: newRisk)
        router.post(.newRisk, use: createRisk)
        router.get(.editRisk, use: editRisk)
        router.post(.editRisk, use: updateRisk)
    }

    // MARK: Actions

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, action) = try await self.action(city, context)
        return try await actionPage(
            request, context, city: city, document: document, action: action, input: .init(), errors: .init())
    }

    @Sendable func newAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        let input = ActionInput(
            objective: document.objectives.first?.id.description ?? "",
            number: String((document.actions.map(\.number).max() ?? 0) + 1),
            firstYear: String(document.plan.firstYear), lastYear: String(document.plan.lastYear))
        return try await actionForm(
            request, context, city: city, document: document, editing: nil, input: input, errors: .init())
    }

    @Sendable func createAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await saveAction(request, context, id: nil)
    }

    @Sendable func editAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let (document, action) = try await self.action(city, context)
        return try await actionForm(
            request, context, city: city, document: document, editing: action, input: ActionInput(action),
            errors: .init())
    }

    @Sendable func updateAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("action").flatMap(PlanActionID.init(string:)) else { throw NotFound() }
        return try await saveAction(request, context, id: id)
    }

    private func saveAction(_ request: Request, _ context: AppRequestContext, id: PlanActionID?) async throws
        -> Response
    {
        let city = try context.requireCity()
        let planID = try PlansController.planID(context)
        let document = try await useCases.document(city: city.id, id: planID)
        let input = ActionInput(
            objective: context.field("objective"), number: context.field("number"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            leads: Dictionary(
                uniqueKeysWithValues: document.plan.years.map { ($0, context.form["leads_\($0)"] ?? []) }),
            partners: context.form["partners"] ?? [], firstYear: context.field("first_year"),
            lastYear: context.field("last_year"),
            fundingSources: TranslatableFields.read("funding", languages: city.languages, from: context),
            budget: context.field("budget"), status: context.field("status"))
        return try await Respond.validating {
            let action = try await useCases.saveAction(
                actor: context.actor, city: city, plan: planID, action: id, input: input)
            return Respond.redirect(to: .planAction(city.slug, planID, action.id), flash: "plans.flash.saved")
        } invalid: { errors in
            try await actionForm(
                request, context, city: city, document: document, editing: document.actions.first { $0.id == id },
                input: input, errors: errors)
        }
    }

    @Sendable func addNote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, action) = try await self.action(city, context)
        let input = StatusNoteInput(
            status: context.field("status"), text: context.field("text"), organisation: context.field("organisation"))
        return try await Respond.validating {
            try await useCases.addNote(
                actor: context.actor, city: city, plan: document.plan.id, action: action.id, input: input)
            return Respond.redirect(
                to: .planAction(city.slug, document.plan.id, action.id), flash: "plans.flash.note_added")
        } invalid: { errors in
            try await actionPage(
                request, context, city: city, document: document, action: action, input: input, errors: errors)
        }
    }

    // MARK: KPIs

    @Sendable func newKPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let (document, action) = try await self.action(city, context)
        let input = KPIInput(due: CalendarDay(year: action.lastYear, month: 12, day: 31)!.description)
        return try await kpiForm(
            request, context, city: city, document: document, action: action, editing: nil, input: input,
            errors: .init())
    }

    @Sendable func createKPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, action) = try await self.action(city, context)
        return try await saveKPI(request, context, city: city, document: document, action: action, editing: nil)
    }

    @Sendable func editKPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let (document, kpi, action) = try await self.kpi(city, context)
        return try await kpiForm(
            request, context, city: city, document: document, action: action, editing: kpi, input: KPIInput(kpi),
            errors: .init())
    }

    @Sendable func updateKPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, kpi, action) = try await self.kpi(city, context)
        return try await saveKPI(request, context, city: city, document: document, action: action, editing: kpi)
    }

    private func saveKPI(
        _ request: Request, _ context: AppRequestContext, city: City, document: PlanDocument, action: PlanAction,
        editing: KPI?
    ) async throws -> Response {
        let input = KPIInput(
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            unit: context.field("unit"), baseline: context.field("baseline"), targetType: context.field("target_type"),
            target: context.field("target"), direction: context.field("direction"), period: context.field("period"),
            due: context.field("due"), measure: context.field("measure"), eventKind: context.field("event_kind"),
            network: context.field("network"), minimumAttendance: context.field("minimum_attendance"),
            placeKind: context.field("place_kind"))
        return try await Respond.validating {
            let kpi = try await useCases.saveKPI(
                actor: context.actor, city: city, plan: document.plan.id, action: action.id, kpi: editing?.id,
                input: input)
            return Respond.redirect(to: .kpi(city.slug, document.plan.id, kpi.id), flash: "plans.flash.saved")
        } invalid: { errors in
            try await kpiForm(
                request, context, city: city, document: document, action: action, editing: editing, input: input,
                errors: errors)
        }
    }

    @Sendable func showKPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, kpi, action) = try await self.kpi(city, context)
        return try await kpiPage(
            request, context, city: city, document: document, kpi: kpi, action: action, input: .init(), errors: .init())
    }

    @Sendable func addMeasurement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let planID = try PlansController.planID(context)
        guard let kpiID = context.parameters.get("kpi").flatMap(KPIID.init(string:)) else { throw NotFound() }
        let input = MeasurementInput(
            day: context.field("day"), value: context.field("value"), evidence: context.field("evidence"))
        return try await Respond.validating {
            try await useCases.addMeasurement(actor: context.actor, city: city, plan: planID, kpi: kpiID, input: input)
            return Respond.redirect(to: .kpi(city.slug, planID, kpiID), flash: "plans.flash.measured")
        } invalid: { errors in
            // The whole plan is read only to show the form again.
            let (document, kpi, action) = try await self.kpi(city, context)
            return try await kpiPage(
                request, context, city: city, document: document, kpi: kpi, action: action, input: input,
                errors: errors)
        }
    }

    // MARK: Risks

    @Sendable func newRisk(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let (document, action) = try await self.action(city, context)
        return try await riskForm(
            request, context, city: city, plan: document.plan, action: action, editing: nil, input: .init(),
            errors: .init())
    }

    @Sendable func createRisk(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, action) = try await self.action(city, context)
        return try await saveRisk(request, context, city: city, plan: document.plan, action: action, editing: nil)
    }

    @Sendable func editRisk(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let (document, risk, action) = try await self.risk(city, context)
        return try await riskForm(
            request, context, city: city, plan: document.plan, action: action, editing: risk, input: RiskInput(risk),
            errors: .init())
    }

    @Sendable func updateRisk(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (document, risk, action) = try await self.risk(city, context)
        return try await saveRisk(request, context, city: city, plan: document.plan, action: action, editing: risk)
    }

    private func saveRisk(
        _ request: Request, _ context: AppRequestContext, city: City, plan: ActionPlan, action: PlanAction,
        editing: Risk?
    ) async throws -> Response {
        let input = RiskInput(
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            likelihood: context.field("likelihood"), impact: context.field("impact"),
            mitigations: TranslatableFields.read("mitigation", languages: city.languages, from: context),
            owner: context.field("owner"), status: context.field("status"))
        return try await Respond.validating {
            try await useCases.saveRisk(
                actor: context.actor, city: city, plan: plan.id, action: action.id, risk: editing?.id, input: input)
            return Respond.redirect(to: .planAction(city.slug, plan.id, action.id), flash: "plans.flash.saved")
        } invalid: { errors in
            try await riskForm(
                request, context, city: city, plan: plan, action: action, editing: editing, input: input,
                errors: errors)
        }
    }

    // MARK: Lookups and pages

    private func action(_ city: City, _ context: AppRequestContext) async throws -> (PlanDocument, PlanAction) {
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        guard let id = context.parameters.get("action").flatMap(PlanActionID.init(string:)),
            let action = document.actions.first(where: { $0.id == id })
        else { throw NotFound() }
        return (document, action)
    }

    private func kpi(_ city: City, _ context: AppRequestContext) async throws -> (PlanDocument, KPI, PlanAction) {
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        guard let id = context.parameters.get("kpi").flatMap(KPIID.init(string:)),
            let kpi = document.kpis.first(where: { $0.id == id }),
            let action = document.actions.first(where: { $0.id == kpi.actionID })
        else { throw NotFound() }
        return (document, kpi, action)
    }

    private func risk(_ city: City, _ context: AppRequestContext) async throws -> (PlanDocument, Risk, PlanAction) {
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        guard let id = context.parameters.get("risk").flatMap(RiskID.init(string:)),
            let risk = document.risks.first(where: { $0.id == id }),
            let action = document.actions.first(where: { $0.id == risk.actionID })
        else { throw NotFound() }
        return (document, risk, action)
    }

    private func actionPage(
        _ request: Request, _ context: AppRequestContext, city: City, document: PlanDocument, action: PlanAction,
        input: StatusNoteInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = ActionShowPage.Model(
            city: city, document: document, action: action,
            evaluation: try await useCases.evaluate(city: city, document: document),
            names: try await PlansController(services: services).organisationNames(city),
            mayManage: useCases.mayManage(context.actor, city: city),
            mayReport: useCases.mayReport(context.actor, city: city, action: action),
            reporting: useCases.reportingOrganisations(context.actor, city: city, action: action), input: input,
            errors: errors)
        return Respond.html(
            ActionShowPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func actionForm(
        _ request: Request, _ context: AppRequestContext, city: City, document: PlanDocument, editing: PlanAction?,
        input: ActionInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = ActionFormPage.Model(
            city: city, document: document, editing: editing,
            organisations: try await services.organisationUseCases.list(city: city.id), input: input, errors: errors)
        return Respond.html(
            ActionFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func kpiForm(
        _ request: Request, _ context: AppRequestContext, city: City, document: PlanDocument, action: PlanAction,
        editing: KPI?, input: KPIInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = KPIFormPage.Model(
            city: city, plan: document.plan, action: action, editing: editing,
            networks: try await useCases.networks(city: city.id), input: input, errors: errors)
        return Respond.html(
            KPIFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func kpiPage(
        _ request: Request, _ context: AppRequestContext, city: City, document: PlanDocument, kpi: KPI,
        action: PlanAction, input: MeasurementInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let evaluation = try await useCases.evaluate(city: city, document: document)
        let readings = evaluation.readings[kpi.id] ?? []
        var eventIDs: [EventID] = []
        var placeIDs = Set<PlaceID>()
        for record in readings.flatMap(\.records) {
            switch record {
            case .event(let id): eventIDs.append(id)
            case .booking(_, let place): placeIDs.insert(place)
            case .membership, .measurement: break
            }
        }
        var eventTitles: [EventID: LocalizedText] = [:]
        for id in Set(eventIDs) {
            if let event = try await useCases.event(id: id) { eventTitles[id] = event.title }
        }
        let model = KPIShowPage.Model(
            city: city, plan: document.plan, action: action, kpi: kpi, readings: readings,
            status: evaluation.statuses[kpi.id] ?? .notMeasured,
            names: try await PlansController(services: services).organisationNames(city), eventTitles: eventTitles,
            placeNames: Dictionary(
                uniqueKeysWithValues: try await useCases.places(ids: placeIDs).map { ($0.id, $0.name) }),
            networkNames: Dictionary(
                uniqueKeysWithValues: try await useCases.networks(city: city.id).map { ($0.id, $0.name) }),
            mayManage: useCases.mayManage(context.actor, city: city),
            mayReport: useCases.mayReport(context.actor, city: city, action: action), input: input, errors: errors)
        return Respond.html(
            KPIShowPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func riskForm(
        _ request: Request, _ context: AppRequestContext, city: City, plan: ActionPlan, action: PlanAction,
        editing: Risk?, input: RiskInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = RiskFormPage.Model(
            city: city, plan: plan, action: action, editing: editing,
            organisations: try await services.organisationUseCases.list(city: city.id), input: input, errors: errors)
        return Respond.html(
            RiskFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }
}
