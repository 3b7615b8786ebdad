import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/opportunities`: open opportunities page by page with the page's filters, and one
/// opportunity; `/api/v1/cities/{city}/volunteering/engagements`: the engagements of the reader's organisations
/// with approved hours, volunteers named only where they agreed; `/api/v1/cities/{city}/trainings`: the trainings
/// volunteers can take, as their pages show them to everyone (who completed one is not part of it).
struct VolunteeringAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: VolunteeringUseCases { services.volunteeringUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiOpportunities, use: list)
        router.get(.apiOpportunity, use: get)
        router.get(.apiEngagements, use: engagements)
        router.get(.apiTrainings, use: trainings)
        router.get(.apiTraining, use: training)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let found = try await useCases.search(city: city.id, input: OpportunitySearchInput(request))
        guard found.errors.isEmpty else {
            return try Respond.json(ValidationErrorsDTO(found.errors), status: .unprocessableContent)
        }
        let (categories, areas) = (found.categories, found.areas)
        let categoryCodes = Dictionary(categories.map { ($0.id, $0.code) }) { first, _ in first }
        let areaCodes = OrganisationsAPIController.codes(areas)
        let items = found.opportunities.map {
            OpportunityDTO(
                $0, city: city, categoryCodes: categoryCodes, areaCodes: areaCodes, language: context.language)
        }
        return try Respond.page(items, request: request, context: context)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let opportunity = try await useCases.opportunity(
            actor: context.actor, city: city.id, id: try VolunteeringController.id(context))
        let categories = try await services.activityUseCases.categories(city: city.id)
        let dto = OpportunityDTO(
            opportunity, city: city,
            categoryCodes: Dictionary(categories.map { ($0.id, $0.code) }) { first, _ in first },
            areaCodes: OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id)),
            language: context.language)
        return try Respond.cachedJSON(dto, request: request, shared: opportunity.status == .open)
    }

    @Sendable func engagements(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let management = services.volunteerManagement
        let applications = try await management.applications(actor: context.actor, city: city.id).map(\.0)
            .filter { $0.status.holdsPlace || $0.status == .completed }
        let persons = Set(applications.map(\.personID))
        let sharing = Set(
            try await useCases.profiles(city: city.id, persons: persons).filter(\.shareEngagement)
                .map(\.personID))
        var names: [PersonID: String] = [:]
        for person in sharing { names[person] = try await services.accounts.person(id: person)?.displayName }
        var minutes: [VolunteerApplicationID: Int] = [:]
        for entry in try await management.hours(actor: context.actor, city: city.id) {
            minutes[entry.applicationID, default: 0] += entry.countedMinutes
        }
        let items = applications.map {
            EngagementDTO($0, named: names[$0.personID], approvedMinutes: minutes[$0.id] ?? 0)
        }
        return try Respond.page(items, request: request, context: context)
    }

    @Sendable func trainings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisations = try await services.organisationUseCases.list(city: city.id)
        let byID = Dictionary(organisations.map { ($0.id, $0) }) { first, _ in first }
        let items = try await useCases.trainings(city: city.id).map {
            TrainingDTO(
                $0, organisation: $0.organisationID.flatMap { byID[$0] }, city: city, language: context.language)
        }
        return try Respond.page(items, request: request, context: context)
    }

    @Sendable func training(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let training = try await useCases.training(
            city: city.id, id: try VolunteerManagementController.trainingID(context))
        var organisation: Organisation?
        if let id = training.organisationID {
            organisation = try await services.organisationUseCases.organisation(id: id)
        }
        return try Respond.cachedJSON(
            TrainingDTO(training, organisation: organisation, city: city, language: context.language),
            request: request, shared: true)
    }
}
