import Domain
import Hummingbird

/// Chooses the UI language (`?lang=` → remembered cookie → Accept-Language → English) and remembers an
/// explicit choice from the URL in a cookie.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "arrival_lang"
    let secureCookies: Bool

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let query = request.uri.queryParameters.get("lang")
        let choice = LanguageNegotiation.choose(
            query: query,
            cookie: request.cookies[Self.cookieName]?.value,
            acceptLanguage: request.headers[.acceptLanguage],
            cityDefault: nil,
            available: Catalog.uiLanguages
        )
        context.language = choice.language
        context.languageIsExplicit = choice.explicit
        var response = try await next(request, context)
        if let query, LanguageCode(query) == choice.language, !request.isForPrograms {
            response.setCookie(
                Cookie(
                    name: Self.cookieName, value: choice.language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                    secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
