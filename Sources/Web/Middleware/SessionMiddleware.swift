import Domain
import Foundation
import Hummingbird

/// Loads the signed-in person from the session cookie, issues the CSRF token, and for every form
/// submission reads the body once and refuses it unless its `_csrf` field matches the token.
///
/// A request to the API with `Authorization: Bearer …` is instead made by a personal access token: it acts for
/// the token's person as the editor of their organisations, uses no cookie and needs no CSRF token (the API takes
/// only JSON, which no other site's form can send). A read token may not write (403).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "arrival_session"
    static let csrfCookie = "arrival_csrf"
    static let flashCookie = "arrival_flash"
    let accounts: AccountUseCases
    let tokens: AccessTokenUseCases
    let limiter: TokenRateLimiter
    let config: AppConfig

    /// The secret of an `Authorization: Bearer` header.
    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Serves an API request made with a personal access token.
    func withToken(
        _ secret: String, _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let (actor, token) = try await tokens.actor(forSecret: secret) else { throw TokenRejected() }
        if let retryAfter = limiter.admit(token.id) { throw TokenRateLimited(retryAfter: retryAfter) }
        guard [.get, .head, .options].contains(request.method) || token.scope == .write else {
            throw NotPermitted()
        }
        var context = context
        context.actor = actor
        return try await next(request, context)
    }

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        if request.uri.path.hasPrefix("/api/"), let secret = Self.bearer(request) {
            return try await withToken(secret, request, context: context, next: next)
        }
        var context = context
        var request = request
        if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty {
            context.actor = try await accounts.actor(forSession: token)
            if context.actor != nil { context.sessionToken = token }
        }
        let existingCSRF = request.cookies[Self.csrfCookie]?.value.filter {
            $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_"
        }
        context.csrfToken = (existingCSRF?.count == 43 ? existingCSRF : nil) ?? SecureToken.generate()
        if let flash = request.cookies[Self.flashCookie]?.value,
            flash.allSatisfy({ $0.isLetter || $0 == "." || $0 == "_" })
        {
            context.flash = flash
        }
        let isUnsafe = ![.get, .head, .options].contains(request.method)
        if isUnsafe && !request.uri.path.hasPrefix("/api/") {
            let body = try await request.body.collect(upTo: config.bodyLimit(for: request.uri.path))
            request.body = .init(buffer: body)
            if let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") {
                (context.form, context.uploads) = MultipartForm.parse(body, boundary: boundary)
            } else {
                context.form = FormDecoding.decode(String(buffer: body))
            }
            guard let sent = context.form["_csrf"]?.first, sent == existingCSRF else {
                throw HTTPError(.forbidden, message: "errors.csrf")
            }
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch is NotPermitted where context.actor == nil {
            // The error page sits outside this middleware and cannot see who is signed in.
            throw SignInRequired()
        }
        if existingCSRF != context.csrfToken && !request.isForPrograms {
            response.setCookie(
                Cookie(
                    name: Self.csrfCookie, value: context.csrfToken, path: "/", secure: config.secureCookies,
                    httpOnly: true, sameSite: .strict))
        }
        if context.flash != nil {
            response.setCookie(Cookie(name: Self.flashCookie, value: "", maxAge: 0, path: "/", sameSite: .lax))
        }
        if context.sessionToken == nil, request.cookies[Self.sessionCookie] != nil,
            response.headers[values: .setCookie].allSatisfy({ !$0.hasPrefix(Self.sessionCookie + "=") })
        {
            // A stale or expired session cookie is cleared so the browser stops sending it.
            response.setCookie(Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", sameSite: .lax))
        }
        return response
    }
}

/// A permission check failed for someone who is not signed in: they are asked to sign in first.
struct SignInRequired: Error {}

/// Decodes `application/x-www-form-urlencoded` bodies.
enum FormDecoding {
    static func decode(_ body: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(parts[0])
            let value = parts.count > 1 ? unescape(parts[1]) : ""
            fields[name, default: []].append(value)
        }
        return fields
    }

    private static func unescape(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
