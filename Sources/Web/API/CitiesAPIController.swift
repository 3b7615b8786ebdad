import Domain
import Hummingbird

/// `/api/v1` read endpoints for cities and areas, through the same use cases as the pages, and the API's OpenAPI
/// document.
struct CitiesAPIController {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiCities, use: cities)
        router.get(.apiCity, use: city)
        router.get(.apiCityAreas, use: areas)
        router.get(.openAPI) { _, _ in Respond.json(encoded: OpenAPIDocument.json) }
    }

    @Sendable func cities(_ request: Request, context: AppRequestContext) async throws -> Response {
        let cities = try await services.cityUseCases.list()
        return try Respond.page(
            cities.map { CityDTO($0, language: context.language) }, request: request, context: context)
    }

    @Sendable func city(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Respond.json(CityDTO(try context.requireCity(), language: context.language))
    }

    @Sendable func areas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let figures = try await services.cityUseCases.demographics(city: city.id)
        let areas = try await services.cityUseCases.areas(city: city.id)
        let codes = Dictionary(uniqueKeysWithValues: areas.map { ($0.id, $0.code) })
        return try Respond.page(
            areas.map {
                AreaDTO(
                    $0, parentCode: $0.parentID.flatMap { codes[$0] }, figures: figures[$0.id],
                    language: context.language, fallback: city.defaultLanguage)
            }, request: request, context: context)
    }
}
