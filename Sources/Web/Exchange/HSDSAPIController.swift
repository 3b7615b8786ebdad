import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/hsds/services`: the directory's published activities as Open Referral HSDS 3.0
/// services, paged the HSDS way (`page` from 1, `per_page`), and one service in full.
struct HSDSAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: ActivityUseCases { services.activityUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiHSDSServices, use: list)
        router.get(.apiHSDSService, use: get)
        router.get(.apiHSDSTabular, use: tabular)
    }

    /// The whole published directory as an HSDS tabular data package (CSV files in a ZIP).
    @Sendable func tabular(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let language = context.language
        let places = try await services.placeUseCases.list(city: city.id)
        let placesByID = Dictionary(uniqueKeysWithValues: places.map { ($0.id, $0) })
        var package = HSDSTabular()
        for organisation in try await services.organisationUseCases.list(city: city.id)
        where organisation.status == .active {
            package.add(
                HSDSOrganizationDTO(
                    organisation, language: language, fallback: city.defaultLanguage, publicURL: config.publicURL,
                    citySlug: city.slug))
        }
        for place in places { package.add(place, city: city, language: language, publicURL: config.publicURL) }
        let query = ActivityQuery(city: city.id, readerLanguage: language)
        var offset = 0
        while true {
            let batch = try await useCases.search(query, offset: offset, limit: 2_000)
            for activity in batch {
                let place = activity.placeID.flatMap { placesByID[$0] }
                package.add(
                    HSDSServiceDTO(
                        activity, city: city, language: language, publicURL: config.publicURL, full: true,
                        organisation: nil, place: place))
            }
            offset += batch.count
            if batch.count < 2_000 { break }
        }
        var response = Respond.conditional(
            try package.archive(city: city), contentType: "application/zip", request: request, maxAge: 300)
        response.headers[.contentDisposition] = "attachment; filename=\"\(city.slug)-hsds.zip\""
        return response
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
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
            keys: HSDSPage<HSDSServiceDTO>.keys)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let activity = try await useCases.activity(actor: nil, city: city.id, id: try ActivitiesController.id(context))
        var place: Place?
        if let id = activity.placeID { place = try await services.placeUseCases.place(id: id) }
        let dto = HSDSServiceDTO(
            activity, city: city, language: context.language, publicURL: config.publicURL, full: true,
            organisation: try await services.organisationUseCases.organisation(id: activity.organisationID),
            place: place)
        return try Respond.cachedJSON(dto, request: request, shared: true, keys: HSDSServiceDTO.keys)
    }
}
