import Hummingbird

/// Headers every response carries: no inline script, no framing, no MIME sniffing, little referrer.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        // A page with a secret in its address (a one-time link) sets a stricter policy of its own.
        if response.headers[.init("Referrer-Policy")!] == nil {
            response.headers[.init("Referrer-Policy")!] = "same-origin"
        }
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        // A response that sets a cookie (a CSRF token, a language) must not be stored in a shared cache, where
        // it would hand one person's cookie to the next.
        if response.headers[.setCookie] != nil, let cache = response.headers[.cacheControl], cache.contains("public") {
            response.headers[.cacheControl] = cache.replacingOccurrences(of: "public", with: "private")
        }
        return response
    }
}
