import Domain
import Hummingbird

/// The city named by the `:city` segment of the path; an unknown city is a 404, never a 500.
struct CityLookup {
    let cities: any CityRepository

    func city(_ context: AppRequestContext) async throws -> City {
        guard let slug = context.parameters.get("city"), CitySlug.isValid(slug),
            let city = try await cities.find(slug: slug)
        else { throw NotFound() }
        return city
    }

    /// The city, with the request's language settled for it.
    func city(_ request: Request, _ context: inout AppRequestContext) async throws -> City {
        let city = try await city(context)
        context.adopt(city, acceptLanguage: request.headers[.acceptLanguage])
        return city
    }
}

extension AppRequestContext {
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
