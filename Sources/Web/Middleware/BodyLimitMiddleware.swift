import Hummingbird

/// Refuses a request whose declared body is larger than the limit before reading any of it.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let config: AppConfig

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init),
            length > config.bodyLimit(for: request.uri.path)
        {
            return Response(status: .contentTooLarge, headers: [.connection: "close"])
        }
        return try await next(request, context)
    }
}
