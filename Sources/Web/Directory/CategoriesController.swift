import Domain
import Foundation
import Hummingbird

/// The city's activity categories: listed for everyone, added and renamed by city admins.
struct CategoriesController {
    let services: AppServices
    var useCases: ActivityUseCases { services.activityUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.categories, use: index)
        router.get(.newCategory, use: newForm)
        router.post(.newCategory, use: create)
        router.get(.editCategory, use: editForm)
        router.post(.editCategory, use: update)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let model = CategoriesPage.Model(
            city: city, categories: try await useCases.categories(city: city.id),
            mayEdit: Authorization.allows(context.actor, .manageRoles(city.id)))
        return Respond.html(CategoriesPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .manageRoles(city.id)) else { throw NotPermitted() }
        return form(request, context, city: city, editing: nil, input: .init(), errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.saveCategory(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .categories(city.slug), flash: "directory.categories.flash.saved")
        } invalid: { errors in
            form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .manageRoles(city.id)) else { throw NotPermitted() }
        let category = try await find(city, context)
        let input = CategoryInput(
            code: category.code, names: category.name.translations.mapValues(\.text),
            position: String(category.position))
        return form(request, context, city: city, editing: category, input: input, errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let category = try await find(city, context)
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.saveCategory(actor: context.actor, city: city, id: category.id, input: input)
            return Respond.redirect(to: .categories(city.slug), flash: "directory.categories.flash.saved")
        } invalid: { errors in
            form(
                request, context, city: city, editing: category, input: input, errors: errors)
        }
    }

    private func find(_ city: City, _ context: AppRequestContext) async throws -> Domain.Category {
        guard let id = context.parameters.get("id").flatMap(CategoryID.init(string:)),
            let category = try await useCases.categories(city: city.id).first(where: { $0.id == id })
        else { throw NotFound() }
        return category
    }

    static func input(_ context: AppRequestContext, city: City) -> CategoryInput {
        CategoryInput(
            code: context.field("code"),
            names: TranslatableFields.read("name", languages: city.languages, from: context),
            position: context.field("position"))
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: Domain.Category?, input: CategoryInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = CategoryFormPage.Model(city: city, editing: editing, input: input, errors: errors)
        return Respond.html(
            CategoryFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
