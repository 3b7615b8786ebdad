import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/plans`: the city's action plans page by page, and one plan with its objectives, actions,
/// risks and KPIs read from the platform's records. Plans are public, as their pages are: the advisory board and
/// everyone else follow their progress.
struct PlansAPIController {
    let services: AppServices
    var useCases: PlanUseCases { services.planUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiPlans, use: list)
        router.get(.apiPlan, use: get)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let plans = try await useCases.list(city: city.id)
        return try Respond.page(
            plans.map { PlanSummaryDTO($0, language: context.language, fallback: city.defaultLanguage) },
            request: request, context: context)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(PlanID.init(string:)) else { throw NotFound() }
        let document = try await useCases.document(city: city.id, id: id)
        let evaluation = try await useCases.evaluate(city: city, document: document)
        return try Respond.cachedJSON(
            PlanDetailDTO(
                document, evaluation: evaluation, language: context.language, fallback: city.defaultLanguage),
            request: request, shared: context.actor == nil)
    }
}
