import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/places`: the directory's places (with its filters), one place, and all of them as
/// GeoJSON.
struct PlacesAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: PlaceUseCases { services.placeUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiPlaces, use: list)
        router.get(.apiPlacesGeoJSON, use: geoJSON)
        router.get(.apiPlace, use: get)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let areas = try await services.cityUseCases.areas(city: city.id)
        let codes = OrganisationsAPIController.codes(areas)
        let places = try await useCases.directory(city: city.id, filter: PlacesController.filter(request, areas: areas))
        return try Respond.page(
            places.map {
                PlaceDTO($0, areaCodes: codes, language: context.language, fallback: city.defaultLanguage)
            }, request: request, context: context)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let place = try await useCases.place(city: city.id, id: try PlacesController.id(context))
        let codes = OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id))
        return try Respond.json(
            PlaceDTO(place, areaCodes: codes, language: context.language, fallback: city.defaultLanguage))
    }

    @Sendable func geoJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let places = try await useCases.directory(city: city.id, filter: .init())
        let body = try Respond.encoder().encode(
            PlacesGeoJSON(
                places, language: context.language, fallback: city.defaultLanguage, baseURL: config.publicURL,
                citySlug: city.slug))
        return Respond.conditional(body, contentType: "application/geo+json", request: request, maxAge: 60)
    }
}
