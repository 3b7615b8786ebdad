import Foundation
import Hummingbird
import NIOCore
import Prometheus

/// Liveness, readiness, metrics and the self-hosted stylesheets.
struct OperationsController {
    let services: AppServices
    let stylesheet: String
    let printStylesheet: String

    init(services: AppServices) throws {
        self.services = services
        stylesheet = try Self.resource("app", "css")
        printStylesheet = try Self.resource("print", "css")
    }

    func register(on router: Router<AppRequestContext>) {
        router.get(.healthz) { _, _ in Self.text("ok\n") }
        router.get(.readyz) { _, _ in
            await services.isDatabaseReady()
                ? Self.text("ready\n") : Self.text("database unavailable\n", status: .serviceUnavailable)
        }
        router.get(.metrics) { _, _ in
            var buffer: [UInt8] = []
            services.metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get(.stylesheet) { _, _ in css(stylesheet) }
        router.get(.printStylesheet) { _, _ in css(printStylesheet) }
        router.get(.icon) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(string: Self.icon)))
        }
    }

    /// The site icon: a white "A" on the brand blue.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5f8b"/>\
        <path d="M16 6 L25 26 H21 L19.2 21.5 H12.8 L11 26 H7 Z M14 18.5 H18 L16 13.5 Z" fill="#fff"/></svg>
        """

    private func css(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func text(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func resource(_ name: String, _ ext: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            throw CatalogError.missingFile("\(name).\(ext)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
