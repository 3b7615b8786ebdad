import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/partner-calls`: the bulletin board (open calls, or `status=closed`), one call, posting
/// and changing a call. Writes need a signed-in session and a JSON body.
struct PartnerCallsAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: PartnerCallUseCases { services.partnerCallUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiPartnerCalls, use: list)
        router.post(.apiPartnerCalls, use: create)
        router.get(.apiPartnerCall, use: get)
        router.put(.apiPartnerCall, use: update)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let areas = try await services.cityUseCases.areas(city: city.id)
        let query = request.uri.queryParameters
        let areaCode = query.get("area") ?? ""
        let filter = PartnerCallFilter(
            status: query.get("status") == "closed" ? .closed : .open, areaID: areas.first { $0.code == areaCode }?.id)
        let codes = OrganisationsAPIController.codes(areas)
        return try Respond.page(
            try await useCases.board(city: city, filter: filter).map {
                PartnerCallDTO($0, areaCodes: codes, language: context.language, fallback: city.defaultLanguage)
            }, request: request, context: context)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let call = try await useCases.call(city: city.id, id: try PartnerCallsController.id(context))
        return try Respond.json(try await dto(call, city: city, context: context))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard !(try await useCases.organisationsActing(for: context.actor, city: city)).isEmpty else {
            throw NotPermitted()
        }
        let body = try await APIBody.decode(PartnerCallWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(status: .created) {
            let call = try await useCases.post(actor: context.actor, city: city, input: body.input)
            return try await dto(call, city: city, context: context)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let existing = try await useCases.call(city: city.id, id: try PartnerCallsController.id(context))
        guard Authorization.allows(context.actor, .editOrganisation(city.id, existing.organisationID)) else {
            throw NotPermitted()
        }
        let body = try await APIBody.decode(PartnerCallWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer {
            let call = try await useCases.update(actor: context.actor, city: city, id: existing.id, input: body.input)
            return try await dto(call, city: city, context: context)
        }
    }

    private func dto(_ call: PartnerCall, city: City, context: AppRequestContext) async throws -> PartnerCallDTO {
        PartnerCallDTO(
            call, areaCodes: OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id)),
            language: context.language, fallback: city.defaultLanguage)
    }
}
