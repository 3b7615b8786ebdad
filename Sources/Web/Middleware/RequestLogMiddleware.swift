import Foundation
import Hummingbird
import Logging

/// Gives every request an id (from `X-Request-Id` when sane, else new), logs one structured line per
/// request with status and duration, and returns the id in the response.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let incoming = request.headers[.init("X-Request-Id")!]
        let id =
            incoming.flatMap {
                $0.count <= 64 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } ? $0 : nil
            }
            ?? UUID().uuidString.lowercased()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        response.headers[.init("X-Request-Id")!] = id
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .string(
                    String(
                        format: "%.2f",
                        Double(elapsed.components.attoseconds) / 1e15
                            + Double(elapsed.components.seconds) * 1000)),
            ])
        return response
    }
}
