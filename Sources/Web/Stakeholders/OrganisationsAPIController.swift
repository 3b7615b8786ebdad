import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/organisations`: list, get, create and update, plus the HSDS 3.0 shape of one.
/// The same use cases as the pages; writes need a signed-in session and a JSON body.
struct OrganisationsAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: OrganisationUseCases { services.organisationUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiOrganisations, use: list)
        router.post(.apiOrganisations, use: create)
        router.get(.apiOrganisation, use: get)
        router.put(.apiOrganisation, use: update)
        router.get(.apiOrganisationHSDS, use: hsds)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let areas = try await services.cityUseCases.areas(city: city.id)
        let organisations = try await useCases.directory(
            city: city.id, filter: OrganisationForm.filter(request, areas: areas))
        let codes = Self.codes(areas)
        return try Respond.page(
            organisations.map {
                OrganisationDTO($0, areaCodes: codes, language: context.language, fallback: city.defaultLanguage)
            }, request: request, context: context)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await useCases.show(actor: context.actor, city: city, id: try Self.id(context))
        return try Respond.json(try await dto(organisation, city: city, context: context))
    }

    @Sendable func hsds(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await useCases.show(actor: context.actor, city: city, id: try Self.id(context))
        return try Respond.json(
            HSDSOrganizationDTO(
                organisation, language: context.language, fallback: city.defaultLanguage, publicURL: config.publicURL,
                citySlug: city.slug))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        let body = try await APIBody.decode(OrganisationWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(status: .created) {
            try await dto(
                try await useCases.create(actor: context.actor, city: city, input: body.input), city: city,
                context: context)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        guard Authorization.allows(context.actor, .editOrganisation(city.id, id)) else { throw NotPermitted() }
        let body = try await APIBody.decode(OrganisationWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer {
            try await dto(
                try await useCases.update(actor: context.actor, city: city, id: id, input: body.input), city: city,
                context: context)
        }
    }

    private func dto(_ organisation: Organisation, city: City, context: AppRequestContext) async throws
        -> OrganisationDTO
    {
        OrganisationDTO(
            organisation, areaCodes: Self.codes(try await services.cityUseCases.areas(city: city.id)),
            language: context.language, fallback: city.defaultLanguage)
    }

    static func codes(_ areas: [Area]) -> [AreaID: String] {
        Dictionary(uniqueKeysWithValues: areas.map { ($0.id, $0.code) })
    }

    static func id(_ context: AppRequestContext) throws -> OrganisationID {
        guard let id = context.parameters.get("id").flatMap(OrganisationID.init(string:)) else { throw NotFound() }
        return id
    }
}
