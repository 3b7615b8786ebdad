import Domain
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import Web

@Suite("Error pages")
struct ErrorPageTests {
    /// Runs the error middleware around a handler that throws `error` and returns status and content type.
    static func answer(
        _ services: AppServices,
        to error: any Error & Sendable,
        path: String = "/account/sign-in"
    ) async throws -> (HTTPResponse.Status, String?) {
        let context = AppRequestContext(
            source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "test")))
        let request = Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: path),
            body: .init(buffer: ByteBuffer()))
        let response = try await ErrorPageMiddleware(services: services).handle(request, context: context) { _, _ in
            throw error
        }
        return (response.status, response.headers[.contentType])
    }

    @Test("a body that outgrows the limit while being read is a 413, not a 500")
    func bodyReadPastLimitIs413() async throws {
        try await TestApp.run { app, _ in
            let (status, _) = try await Self.answer(app.services, to: NIOTooManyBytesError(maxBytes: 10))
            #expect(status == .contentTooLarge)
        }
    }

    @Test("an unexpected error is a translated 500 page")
    func unexpectedErrorIs500() async throws {
        struct DatabaseExploded: Error {}
        try await TestApp.run { app, _ in
            let (status, type) = try await Self.answer(app.services, to: DatabaseExploded())
            #expect(status == .internalServerError)
            #expect(type == "text/html; charset=utf-8")
        }
    }

    @Test("API errors are JSON")
    func apiErrorsAreJSON() async throws {
        try await TestApp.run { app, _ in
            let (status, type) = try await Self.answer(app.services, to: NotFound(), path: "/api/v1/cities/x")
            #expect(status == .notFound)
            #expect(type == "application/json; charset=utf-8")
        }
    }
}
