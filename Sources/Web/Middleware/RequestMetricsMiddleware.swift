import Dispatch
import Hummingbird
import Metrics
import Synchronization

/// Request metrics under the names Hummingbird's `MetricsMiddleware` uses (`http_server_active_requests`,
/// `hb_requests`, `http_server_request_duration`, `hb_request_errors`), recorded when the handler is done.
///
/// Hummingbird's middleware lowers the active-request gauge only after the response body is written, so a response
/// that can never be written (the client is gone, or was cut off for being too slow) leaves the gauge raised for
/// good. Here the gauge counts requests being handled, and the duration excludes writing the body.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let factory: any MetricsFactory
    let meters = Cache<HTTPRequest.Method, Meter>()
    let endpoints = Cache<EndpointKey, EndpointMetrics>()

    init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    struct EndpointKey: Hashable, Sendable {
        var endpoint: String
        var method: HTTPRequest.Method
        var status: HTTPResponse.Status
    }

    struct EndpointMetrics: Sendable {
        var counter: Counter
        var timer: Metrics.Timer
        var errors: Counter

        init(_ key: EndpointKey, factory: any MetricsFactory) {
            let dimensions = [
                ("http.route", key.endpoint), ("http.request.method", key.method.description),
                ("http.response.status_code", key.status.code.description),
            ]
            counter = Counter(label: "hb.requests", dimensions: dimensions, factory: factory)
            timer = Metrics.Timer(
                label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds,
                factory: factory)
            errors = Counter(
                label: "hb.request.errors",
                dimensions: [
                    ("http.route", key.endpoint), ("http.request.method", key.method.description),
                    ("error.type", key.status.code.description),
                ], factory: factory)
        }
    }

    /// Metric handles made once per key: making one looks it up in the registry under a lock.
    final class Cache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
        private let values = Mutex<[Key: Value]>([:])

        func value(_ key: Key, make: (Key) -> Value) -> Value {
            values.withLock { values in
                if let value = values[key] { return value }
                let value = make(key)
                values[key] = value
                return value
            }
        }
    }

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let active = meters.value(request.method) {
            Meter(
                label: "http.server.active_requests", dimensions: [("http.request.method", $0.description)],
                factory: factory)
        }
        active.increment()
        defer { active.decrement() }
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status, started: started, failed: false)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            record(request, context, status: status, started: started, failed: true)
            throw error
        }
    }

    private func record(
        _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status, started: UInt64, failed: Bool
    ) {
        let key = EndpointKey(
            endpoint: context.endpointPath ?? (failed ? "NotFound" : "Unknown"), method: request.method,
            status: status)
        let metrics = endpoints.value(key) { EndpointMetrics($0, factory: factory) }
        metrics.counter.increment()
        metrics.timer.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
        if failed { metrics.errors.increment() }
    }
}
