import Domain
import Hummingbird

/// `/api/v1` read endpoints for cities and areas; the same repositories as the pages.
struct CitiesAPIController {
    let services: AppServices
    var lookup: CityLookup { CityLookup(cities: services.cities) }

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(Route.apiCities.path), use: cities)
        router.get("/api/v1/cities/:city", use: city)
        router.get("/api/v1/cities/:city/areas", use: areas)
        router.get(RouterPath(Route.openAPI.path)) { _, _ in try Respond.json(OpenAPIDocument.document) }
    }

    @Sendable func cities(_ request: Request, context: AppRequestContext) async throws -> Response {
        let cities = try await services.cities.list()
        return try Respond.page(
            cities.map { CityDTO($0, language: context.language) }, request: request, context: context)
    }

    @Sendable func city(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Respond.json(CityDTO(try await lookup.city(context), language: context.language))
    }

    @Sendable func areas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try await lookup.city(context)
        let figures = try await services.areas.latestDemographics(city: city.id)
        let areas = try await services.areas.list(city: city.id)
        let codes = Dictionary(uniqueKeysWithValues: areas.map { ($0.id, $0.code) })
        return try Respond.page(
            areas.map {
                AreaDTO(
                    $0, parentCode: $0.parentID.flatMap { codes[$0] }, figures: figures[$0.id],
                    language: context.language, fallback: city.defaultLanguage)
            }, request: request, context: context)
    }
}
