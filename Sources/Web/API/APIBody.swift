import Domain
import Foundation
import Hummingbird
import OpenAPIKit

/// Reads a JSON request body. Anything but `application/json` is refused (415), which also keeps
/// plain HTML forms on other sites from posting to the API; malformed JSON is a 400.
enum APIBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType)
        }
        let body = try await request.body.collect(upTo: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: body))
        } catch {
            throw HTTPError(.badRequest)
        }
    }
}

extension APIBody {
    /// Runs a write and answers its result as JSON with `status`, or its validation errors as a 422, with the
    /// fields of a shared form check named as the body names them (`renaming`: form field → body field).
    static func answer<T: Encodable>(
        status: HTTPResponse.Status = .ok, renaming: [String: String] = [:], _ write: () async throws -> T
    ) async throws -> Response {
        return try await Respond.validating {
            return try Respond.json(try await write(), status: status)
        } invalid: { errors in
            try Respond.json(ValidationErrorsDTO(errors, renaming: renaming))
        }
    }
}

/// The JSON body of a 422: field → translation keys.
struct ValidationErrorsDTO: Encodable {
    var errors: [String: [String]]

    init(_ errors: ValidationErrors, renaming: [String: String] = [:]) {
        self.errors = Dictionary(
            errors.fields.map { (renaming[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { $0 + $1 })
    }
}

extension ValidationErrorsDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "What is wrong with a request, by field",
            [
                "errors": .object(
                    description: "field → translation keys of its problems",
                    additionalProperties: .b(.strings()))
            ])
    }

    static var example: Self {
        ValidationErrorsDTO(ValidationErrors(["limit": ["common.errors.limit.invalid"]]))
    }
}
