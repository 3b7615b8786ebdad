import Hummingbird
import Testing

@testable import Web

@Suite("Operations routes")
struct OperationsRoutesTests {
    @Test("liveness, readiness and metrics answer in plain text")
    func operatorChecksHealth() async throws {
        try await TestApp.run { _, browser in
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.body == "ok\n")
            let ready = try await browser.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.body == "ready\n")
            let metrics = try await browser.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test("the stylesheets are served from the application itself")
    func browserLoadsStylesheets() async throws {
        try await TestApp.run { _, browser in
            let css = try await browser.get("/assets/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.body.contains(":focus-visible"))
            let print = try await browser.get("/assets/print.css")
            #expect(print.status == .ok)
            #expect(print.body.contains("@media") || print.body.contains(".site-header"))
        }
    }

    @Test("every response carries the security headers and a request id")
    func responsesCarrySecurityHeaders() async throws {
        try await TestApp.run { _, browser in
            for path in ["/", "/vantaa", "/no-such-city", "/api/v1/cities"] {
                let page = try await browser.get(path)
                let csp = page.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
                #expect(page.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(page.headers[.init("Referrer-Policy")!] == "same-origin", "\(path)")
                #expect(page.headers[.init("X-Request-Id")!]?.isEmpty == false, "\(path)")
            }
        }
    }

    @Test("a body over the limit is refused with 413 before it is read")
    func oversizedBodyIsRefused() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.send(
                "/account/sign-in", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: String(repeating: "a", count: TestApp.config.maxBodyBytes + 1))
            #expect(page.status == .contentTooLarge)
        }
    }
}
