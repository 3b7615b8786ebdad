import Foundation
import Hummingbird
import NIOCore

/// Ways a handler answers.
enum Respond {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value)))
        )
    }

    /// 303 See Other after a form, optionally with a one-time message (a translation key).
    static func redirect(to route: Route, flash: String? = nil) -> Response {
        redirect(to: route.path, flash: flash)
    }

    static func redirect(to path: String, flash: String? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: path])
        if let flash {
            response.setCookie(Cookie(name: SessionMiddleware.flashCookie, value: flash, path: "/", sameSite: .lax))
        }
        return response
    }
}
