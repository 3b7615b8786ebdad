import Domain
import Foundation
import Hummingbird

/// Action plans: the list, a plan's page, its own fields and objectives, and the risk matrix.
struct PlansController {
    let services: AppServices
    var useCases: PlanUseCases { services.planUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.plans, use: index)
        router.get(.newPlan, use: newForm)
        router.post(.newPlan, use: create)
        router.get(.plan, use: show)
        router.get(.editPlan, use: editForm)
        router.post(.editPlan, use: update)
        router.get(.newObjective, use: newObjective)
        router.post(.newObjective, use: createObjective)
        router.get(.editObjective, use: editObjective)
        router.post(.editObjective, use: updateObjective)
        router.get(.planRisks, use: risks)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let model = PlansIndexPage.Model(
            city: city, plans: try await useCases.list(city: city.id),
            mayManage: useCases.mayManage(context.actor, city: city))
        return Respond.html(PlansIndexPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        return planForm(request, context, city: city, editing: nil, input: .init(), errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.planInput(context, city: city)
        return try await Respond.validating {
            let plan = try await useCases.create(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .plan(city.slug, plan.id), flash: "plans.flash.saved")
        } invalid: { errors in
            planForm(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let document = try await useCases.document(city: city.id, id: try Self.planID(context))
        let model = PlanShowPage.Model(
            city: city, document: document, evaluation: try await useCases.evaluate(city: city, document: document),
            names: try await organisationNames(city), mayManage: useCases.mayManage(context.actor, city: city))
        return Respond.html(PlanShowPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let document = try await useCases.document(city: city.id, id: try Self.planID(context))
        return planForm(
            request, context, city: city, editing: document.plan, input: PlanInput(document.plan), errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.planID(context)
        let input = Self.planInput(context, city: city)
        return try await Respond.validating {
            try await useCases.update(actor: context.actor, city: city, id: id, input: input)
            return Respond.redirect(to: .plan(city.slug, id), flash: "plans.flash.saved")
        } invalid: { errors in
            let document = try await useCases.document(city: city.id, id: id)
            return planForm(
                request, context, city: city, editing: document.plan, input: input, errors: errors)
        }
    }

    @Sendable func newObjective(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let document = try await useCases.document(city: city.id, id: try Self.planID(context))
        let next = (document.objectives.map(\.number).max() ?? 0) + 1
        return objectiveForm(
            request, context, city: city, plan: document.plan, editing: nil,
            input: ObjectiveInput(number: String(next)),
            errors: .init())
    }

    @Sendable func createObjective(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await saveObjective(request, context, objective: nil)
    }

    @Sendable func editObjective(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let document = try await useCases.document(city: city.id, id: try Self.planID(context))
        guard let id = context.parameters.get("objective").flatMap(ObjectiveID.init(string:)),
            let objective = document.objectives.first(where: { $0.id == id })
        else { throw NotFound() }
        return objectiveForm(
            request, context, city: city, plan: document.plan, editing: objective,
            input: ObjectiveInput(number: String(objective.number), titles: objective.title.texts), errors: .init())
    }

    @Sendable func updateObjective(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("objective").flatMap(ObjectiveID.init(string:)) else { throw NotFound() }
        return try await saveObjective(request, context, objective: id)
    }

    private func saveObjective(_ request: Request, _ context: AppRequestContext, objective: ObjectiveID?) async throws
        -> Response
    {
        let city = try context.requireCity()
        let planID = try Self.planID(context)
        let input = ObjectiveInput(
            number: context.field("number"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context))
        return try await Respond.validating {
            try await useCases.saveObjective(
                actor: context.actor, city: city, plan: planID, objective: objective, input: input)
            return Respond.redirect(to: .plan(city.slug, planID), flash: "plans.flash.saved")
        } invalid: { errors in
            let document = try await useCases.document(city: city.id, id: planID)
            return objectiveForm(
                request, context, city: city, plan: document.plan,
                editing: document.objectives.first { $0.id == objective }, input: input, errors: errors)
        }
    }

    @Sendable func risks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let document = try await useCases.document(city: city.id, id: try Self.planID(context))
        return Respond.html(
            RiskMatrixPage.render(
                .init(city: city, document: document), PageContext(request, context, services: services, city: city)))
    }

    func organisationNames(_ city: City) async throws -> [OrganisationID: LocalizedText] {
        Dictionary(
            uniqueKeysWithValues: try await services.organisationUseCases.list(city: city.id).map { ($0.id, $0.name) })
    }

    static func planID(_ context: AppRequestContext) throws -> PlanID {
        guard let id = context.parameters.get("plan").flatMap(PlanID.init(string:)) else { throw NotFound() }
        return id
    }

    static func planInput(_ context: AppRequestContext, city: City) -> PlanInput {
        PlanInput(
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            goals: TranslatableFields.read("goal", languages: city.languages, from: context),
            firstYear: context.field("first_year"), lastYear: context.field("last_year"))
    }

    private func planForm(
        _ request: Request, _ context: AppRequestContext, city: City, editing: ActionPlan?, input: PlanInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = PlanFormPage.Model(city: city, editing: editing, input: input, errors: errors)
        return Respond.html(
            PlanFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func objectiveForm(
        _ request: Request, _ context: AppRequestContext, city: City, plan: ActionPlan, editing: PlanObjective?,
        input: ObjectiveInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = ObjectiveFormPage.Model(city: city, plan: plan, editing: editing, input: input, errors: errors)
        return Respond.html(
            ObjectiveFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
