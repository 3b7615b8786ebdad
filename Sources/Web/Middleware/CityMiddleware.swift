import Domain
import Hummingbird

/// Finds the city named by the `:city` segment of every route that has one, before its handler runs, so that a
/// handler starts from `context.requireCity()`. An unknown city is a 404, never a 500. On a city's pages (not the
/// API) the reader's language is settled for the city.
struct CityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cities: CityUseCases

    func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let slug = context.parameters.get("city") else { return try await next(request, context) }
        guard let city = try await cities.city(slug: slug) else { throw NotFound() }
        var context = context
        context.city = city
        if !request.uri.path.hasPrefix("/api/") {
            context.adopt(city, acceptLanguage: request.headers[.acceptLanguage])
        }
        return try await next(request, context)
    }
}

extension AppRequestContext {
    /// The city of a route with a `:city` segment, which `CityMiddleware` found.
    func requireCity() throws -> City {
        guard let city else { throw NotFound() }
        return city
    }

    /// On a city's pages, a reader who has not chosen a language sees the city's default
    /// unless the browser asked for another language the city offers.
    mutating func adopt(_ city: City, acceptLanguage: String?) {
        guard !languageIsExplicit else { return }
        language =
            LanguageNegotiation.choose(
                query: nil, cookie: nil, acceptLanguage: acceptLanguage, cityDefault: city.defaultLanguage,
                available: city.languages.filter { Catalog.uiLanguages.contains($0) }
            ).language
    }
}
