import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/hsds/services`: the directory's published activities as Open Referral HSDS 3.0
/// services, paged the HSDS way (`page` from 1, `per_page`), and one service in full.
struct HSDSAPIController {
    let services: AppServices
    let config: AppConfig
    var lookup: CityLookup { CityLookup(cities: services.cities) }
    var useCases: ActivityUseCases { services.activityUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/v1/cities/:city/hsds/services", use: list)
        router.get("/api/v1/cities/:city/hsds/services/:id", use: get)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try await lookup.city(context)
        let query = request.uri.queryParameters
        var errors = ValidationErrors()
        var page = 1
        var size = 50
        if let text = query.get("page") {
            let value = Int(text).flatMap { (1...100_000).contains($0) ? $0 : nil }
            errors.require(value != nil, "common.errors.offset.invalid", field: "page")
            page = value ?? 1
        }
        if let text = query.get("per_page") {
            let value = Int(text).flatMap { (1...APIPaging.maximumLimit).contains($0) ? $0 : nil }
            errors.require(value != nil, "common.errors.limit.invalid", field: "per_page")
            size = value ?? 50
        }
        guard errors.isEmpty else {
            return try Respond.json(ValidationErrorsDTO(errors), status: .unprocessableContent)
        }
        let found = try await useCases.whatsOn(
            ActivityQuery(city: city.id, readerLanguage: context.language), city: city, offset: (page - 1) * size,
            limit: size)
        let total = found.total ?? 0
        let pages = max(1, (total + size - 1) / size)
        let contents = found.items.map {
            HSDSServiceDTO(
                $0.activity, city: city, language: context.language, publicURL: config.publicURL, full: false,
                organisation: nil, place: nil)
        }
        return try Respond.cachedJSON(
            HSDSPage(
                totalItems: total, totalPages: pages, pageNumber: page, size: contents.count, firstPage: page == 1,
                lastPage: page >= pages, empty: total == 0, contents: contents), request: request, shared: true,
            keys: .convertToSnakeCase)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try await lookup.city(context)
        let activity = try await useCases.activity(actor: nil, city: city.id, id: try ActivitiesController.id(context))
        var place: Place?
        if let id = activity.placeID { place = try await services.placeUseCases.places.find(id: id) }
        let dto = HSDSServiceDTO(
            activity, city: city, language: context.language, publicURL: config.publicURL, full: true,
            organisation: try await services.organisations.find(id: activity.organisationID), place: place)
        return try Respond.cachedJSON(dto, request: request, shared: true, keys: .convertToSnakeCase)
    }
}
