import Domain
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import OpenAPIKit

/// Turns every error into a translated answer with no internals: a page for people, JSON for the API.
/// Anyone not signed in who meets a permission check is sent to sign in first.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is SignInRequired {
            guard !isAPI(request) && request.method == .get else {
                return try answer(.forbidden, key: "errors.forbidden", request, context)
            }
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? "/"
            return Respond.redirect(to: Route.signIn.path + "?next=" + next)
        } catch is NotPermitted {
            return try answer(.forbidden, key: "errors.forbidden", request, context)
        } catch is TokenRejected {
            var response = try answer(.unauthorized, key: "errors.token_rejected", request, context)
            response.headers[.wwwAuthenticate] = #"Bearer realm="arrival", error="invalid_token""#
            return response
        } catch let limited as TokenRateLimited {
            var response = try answer(.tooManyRequests, key: "errors.too_many_requests", request, context)
            response.headers[.retryAfter] = String(limited.retryAfter)
            return response
        } catch is NIOTooManyBytesError {
            // A body without a declared length that grew past the limit while being read.
            return try answer(.contentTooLarge, key: "errors.too_large", request, context)
        } catch let error as HTTPParserError {
            // The connection ended or broke in the middle of the request (a client gone, or one cut off for being
            // too slow): nobody is left to read an answer, and nothing went wrong in the server.
            context.logger.info("request cut off", metadata: ["error": "\(error)"])
            return try answer(.badRequest, key: "errors.bad_request", request, context)
        } catch is NotFound {
            return try answer(.notFound, key: "errors.not_found", request, context)
        } catch let error as HTTPError {
            let key: String
            switch error.status {
            case .notFound: key = "errors.not_found"
            case .forbidden: key = error.body == "errors.csrf" ? "errors.csrf" : "errors.forbidden"
            case .contentTooLarge: key = "errors.too_large"
            case .methodNotAllowed: key = "errors.method_not_allowed"
            case .badRequest: key = "errors.bad_request"
            case .unsupportedMediaType: key = "errors.unsupported_media_type"
            default: key = error.status.code >= 500 ? "errors.internal" : "errors.bad_request"
            }
            return try answer(
                error.status.code >= 500 ? .internalServerError : error.status, key: key, request, context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return try answer(.internalServerError, key: "errors.internal", request, context)
        }
    }

    static let pathCharacters = CharacterSet.alphanumerics.union(["/", "-", "_", "."])

    private func isAPI(_ request: Request) -> Bool { request.uri.path.hasPrefix("/api/") }

    private func answer(
        _ status: HTTPResponse.Status,
        key: String,
        _ request: Request,
        _ context: AppRequestContext
    ) throws -> Response {
        let t = services.translator(context.language)
        if isAPI(request) {
            return try Respond.json(APIError(error: key, message: t(key)), status: status)
        }
        let page = PageContext(request, context, services: services)
        return Respond.html(
            Layout.page(title: t("errors.title"), context: page) {
                el("h1") { t("errors.title") }
                el("p") { t(key) }
                el("p") { el("a", ["href": Route.home.path]) { t("errors.back_home") } }
            },
            status: status
        )
    }
}

/// The JSON body of every API error.
struct APIError: Encodable {
    var error: String
    var message: String
}

extension APIError: APISchema {
    static var schemaName: String { "Error" }

    static var schema: JSONSchema {
        .record(
            "Why a request failed",
            [
                "error": .string(description: "a translation key, e.g. errors.not_found"),
                "message": .string(description: "the key's text in the asked language"),
            ])
    }

    static var example: Self { APIError(error: "errors.not_found", message: "The page was not found.") }
}
