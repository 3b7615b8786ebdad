import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/activities`: the directory's activities with the page's filters, page by page (`offset`,
/// `limit`, see `APIPaging`), one activity, and the city's categories. Every answer carries an `ETag`, so a client that asks again
/// with `If-None-Match` gets 304 when nothing changed. Editors of an organisation (and coordinators) create and
/// change activities with a JSON body, through the same use case as the form.
struct ActivitiesAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: ActivityUseCases { services.activityUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiActivities, use: list)
        router.post(.apiActivities, use: create)
        router.get(.apiActivity, use: get)
        router.put(.apiActivity, use: update)
        router.get(.apiCategories, use: categories)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let categories = try await useCases.categories(city: city.id)
        let areas = try await services.cityUseCases.areas(city: city.id)
        let (query, filterErrors) = ActivityFilter(request).query(
            city: city, reader: context.language, categories: categories, areas: areas)
        var errors = filterErrors
        let paging = APIPaging(request, &errors)
        guard errors.isEmpty else {
            return try Respond.json(ValidationErrorsDTO(errors), status: .unprocessableContent)
        }
        let page = try await useCases.whatsOn(
            query, city: city, offset: paging.offset, limit: paging.limit, keptOrder: context.actor == nil)
        let categoryCodes = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.code) })
        let areaCodes = OrganisationsAPIController.codes(areas)
        let next = page.hasMore ? paging.next(request) : nil
        let dto = PageDTO(
            items: page.items.map {
                ActivityDTO(
                    $0.activity, next: $0.next, city: city, categoryCodes: categoryCodes, areaCodes: areaCodes,
                    language: context.language)
            }, count: page.items.count, offset: paging.offset, limit: paging.limit, total: page.total, next: next)
        return try Respond.cachedJSON(dto, request: request, shared: true)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let activity = try await useCases.activity(
            actor: context.actor, city: city.id, id: try ActivitiesController.id(context))
        return try Respond.cachedJSON(
            try await dto(activity, city: city, context), request: request, shared: activity.status == .published)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard context.actor != nil else { throw NotPermitted() }
        let body = try await APIBody.decode(ActivityWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(status: .created, renaming: ActivityWriteDTO.fieldNames) {
            try await dto(
                try await useCases.save(actor: context.actor, city: city, input: body.input), city: city, context)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try ActivitiesController.id(context)
        guard context.actor != nil else { throw NotPermitted() }
        let body = try await APIBody.decode(ActivityWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(renaming: ActivityWriteDTO.fieldNames) {
            try await dto(
                try await useCases.save(actor: context.actor, city: city, id: id, input: body.input), city: city,
                context)
        }
    }

    private func dto(_ activity: Activity, city: City, _ context: AppRequestContext) async throws -> ActivityDTO {
        let categories = try await useCases.categories(city: city.id)
        return ActivityDTO(
            activity, next: useCases.upcoming(activity, city: city, limit: 1).first, city: city,
            categoryCodes: Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.code) }),
            areaCodes: OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id)),
            language: context.language)
    }

    @Sendable func categories(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let items = try await useCases.categories(city: city.id).map {
            CategoryDTO(
                code: $0.code, name: $0.name.text(in: context.language, fallback: city.defaultLanguage),
                names: $0.name.plainTexts, position: $0.position)
        }
        return try Respond.page(items, request: request, context: context)
    }
}
