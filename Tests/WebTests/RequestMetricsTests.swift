import Hummingbird
import HummingbirdTesting
import MetricsTestKit
import Testing

@testable import Web

@Suite("Request metrics")
struct RequestMetricsTests {
    struct Failure: Error {}

    func router(_ metrics: TestMetrics) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(factory: metrics))
        router.get("/ok") { _, _ in "ok" }
        router.get("/fails") { _, _ -> String in throw Failure() }
        return router
    }

    @Test("every request is counted by route and status, and the active gauge is down once each is answered")
    func requestsAreCounted() async throws {
        // given
        let metrics = TestMetrics()
        let app = Application(router: router(metrics))
        // when
        try await app.test(.router) { client in
            try await client.execute(uri: "/ok", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ok", method: .get) { _ in }
            try await client.execute(uri: "/fails", method: .get) { #expect($0.status == .internalServerError) }
        }
        // then
        let ok = try metrics.expectCounter(
            "hb.requests",
            [("http.route", "/ok"), ("http.request.method", "GET"), ("http.response.status_code", "200")])
        #expect(ok.totalValue == 2)
        let errors = try metrics.expectCounter(
            "hb.request.errors",
            [("http.route", "/fails"), ("http.request.method", "GET"), ("error.type", "500")])
        #expect(errors.totalValue == 1)
        let active = try metrics.expectMeter("http.server.active_requests", [("http.request.method", "GET")])
        #expect(active.lastValue == 0)
    }
}
