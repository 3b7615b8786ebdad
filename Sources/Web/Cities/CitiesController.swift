import Domain
import Hummingbird

/// The public front pages: the list of cities, a city's home and its areas; and city creation for platform admins.
struct CitiesController {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get(.home, use: home)
        router.get(.adminCities, use: adminCities)
        router.post(.adminCities, use: createCity)
        router.get(.city, use: cityHome)
        router.get(.cityAreas, use: areas)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let model = HomePage.Model(cities: try await services.cityUseCases.list())
        return Respond.html(HomePage.render(model, PageContext(request, context, services: services)))
    }

    @Sendable func cityHome(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let model = CityHomePage.Model(
            city: city,
            areaCount: try await services.cityUseCases.areas(city: city.id).count,
            organisations: try await services.organisationUseCases.list(city: city.id).filter { $0.status != .archived }
        )
        return Respond.html(CityHomePage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func areas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let model = AreasIndexPage.Model(
            city: city,
            areas: try await services.cityUseCases.areas(city: city.id),
            demographics: try await services.cityUseCases.demographics(city: city.id)
        )
        return Respond.html(AreasIndexPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func adminCities(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard Authorization.allows(context.actor, .manageCities) else { throw NotPermitted() }
        let model = CitiesAdminPage.Model(
            cities: try await services.cityUseCases.list(), input: CityForm.empty, errors: .init())
        return Respond.html(CitiesAdminPage.render(model, PageContext(request, context, services: services)))
    }

    @Sendable func createCity(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard Authorization.allows(context.actor, .manageCities) else { throw NotPermitted() }
        let input = CityForm.input(from: context)
        return try await Respond.validating {
            let city = try await services.cityUseCases.create(actor: context.actor, input: input)
            try await services.activityUseCases.seedCategories(city: city.id)
            return Respond.redirect(to: .city(city.slug), flash: "cities.flash.created")
        } invalid: { errors in
            let model = CitiesAdminPage.Model(
                cities: try await services.cityUseCases.list(), input: input, errors: errors)
            return Respond.html(
                CitiesAdminPage.render(model, PageContext(request, context, services: services)))
        }
    }
}

/// Reads the city form.
enum CityForm {
    static let empty = CityInput(slug: "", name: "", timeZone: "Europe/Helsinki", defaultLanguage: "fi", languages: [])

    static func input(from context: AppRequestContext) -> CityInput {
        CityInput(
            slug: context.field("slug"),
            name: context.field("name"),
            timeZone: context.field("time_zone"),
            defaultLanguage: context.field("default_language"),
            languages: context.field("languages").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        )
    }
}
