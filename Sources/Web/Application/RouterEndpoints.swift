import Hummingbird

/// Registering a handler by its name in the route table, never by a path written in a controller.
extension RouterMethods {
    /// Registers `handler` for `method` on `endpoint`'s pattern; the table must list the method.
    @discardableResult
    func on(
        _ endpoint: Endpoint, method: HTTPRequest.Method,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        precondition(endpoint.methods.contains(method), "\(method) \(endpoint.pattern) is not in the route table")
        return on(RouterPath(endpoint.pattern), method: method, use: handler)
    }

    @discardableResult
    func get(
        _ endpoint: Endpoint, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(endpoint, method: .get, use: handler)
    }

    @discardableResult
    func post(
        _ endpoint: Endpoint, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(endpoint, method: .post, use: handler)
    }

    @discardableResult
    func put(
        _ endpoint: Endpoint, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(endpoint, method: .put, use: handler)
    }
}
