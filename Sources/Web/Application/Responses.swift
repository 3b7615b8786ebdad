import Domain
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

    /// The encoder of every JSON answer: keys sorted, so equal values give equal bytes (and equal ETags).
    static func encoder(keys: JSONEncoder.KeyEncodingStrategy = .useDefaultKeys) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = keys
        return encoder
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        json(encoded: try encoder().encode(value), status: status)
    }

    /// JSON already encoded.
    static func json(encoded: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(data: encoded))
        )
    }

    /// JSON for a GET that clients may cache: see `conditional`.
    static func cachedJSON<T: Encodable>(
        _ value: T, request: Request, shared: Bool, keys: JSONEncoder.KeyEncodingStrategy = .useDefaultKeys
    ) throws -> Response {
        return conditional(
            try encoder(keys: keys).encode(value), contentType: "application/json; charset=utf-8", request: request,
            maxAge: 60, shared: shared)
    }

    /// A body with a strong `ETag` (a hash of its bytes): a request whose `If-None-Match` names it gets
    /// 304 Not Modified without the body. `shared` answers may sit in shared caches (nothing in them depends
    /// on who asks); the rest are private and revalidated every time.
    static func conditional(
        _ body: Data, contentType: String, request: Request, maxAge: Int, shared: Bool = true
    ) -> Response {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let etag = "\"" + String(hash, radix: 16) + "-" + String(body.count, radix: 16) + "\""
        var headers: HTTPFields = [
            .eTag: etag, .cacheControl: shared ? "public, max-age=\(maxAge)" : "private, no-cache",
            .vary: "Accept-Language, Cookie",
        ]
        let asked = request.headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if asked.contains(etag) || asked.contains("W/" + etag) || asked.contains("*") {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
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

extension Respond {
    /// Runs a form's action; when its input does not validate, answers with `invalid` given the errors, as
    /// 422 Unprocessable Content (the form again, with each message next to its field).
    static func validating(
        _ action: () async throws -> Response, invalid: (ValidationErrors) async throws -> Response
    ) async throws -> Response {
        do {
            return try await action()
        } catch let errors as ValidationErrors {
            var response = try await invalid(errors)
            response.status = .unprocessableContent
            return response
        }
    }
}
