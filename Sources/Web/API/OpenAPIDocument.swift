import Domain
import Foundation
import HTTPTypes
import OpenAPIKit

/// The OpenAPI 3.1 description of `/api/v1`, built from the code: the paths and methods from the route table, what
/// each operation takes and answers from `APIOperation.all`, and the bodies' schemas from the DTOs themselves
/// (`APISchema`), each once under `components/schemas` and referred to from everywhere else.
enum OpenAPIDocument {
    /// The document as served, encoded once.
    static let json: Data = {
        do {
            return try Respond.encoder().encode(document)
        } catch {
            preconditionFailure("the OpenAPI document does not encode: \(error)")
        }
    }()

    static var document: OpenAPI.Document {
        let operations = APIOperation.all
        var paths: OpenAPI.PathItem.Map = [:]
        for endpoint in Endpoint.allCases where endpoint.isAPI {
            var item = OpenAPI.PathItem()
            for method in endpoint.methods {
                guard let described = operations.first(where: { $0.endpoint == endpoint && $0.method == method })
                else { continue }
                item[OpenAPI.HttpMethod(rawValue: method.rawValue) ?? .get] = operation(described)
            }
            paths[OpenAPI.Path(rawValue: endpoint.openAPIPath)] = .b(item)
        }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(
                title: "Arrival API",
                description: "The cities, areas, organisations, networks, partnerships, partner calls, places, "
                    + "activities, events, volunteering, trainings, action plans and open data of an Arrival "
                    + "installation. Reading needs no account, except where an operation says so. Writes need a "
                    + "signed-in session (the `arrival_session` cookie from signing in) or a personal access token "
                    + "(made at /account/tokens, sent as `Authorization: Bearer …`), and a JSON body. A token acts as "
                    + "the editor of its person's organisations; a read token may not write.",
                version: "1.0.0"),
            servers: [], paths: paths,
            components: .direct(
                schemas: schemas(operations),
                securitySchemes: [
                    session: .apiKey(
                        name: SessionMiddleware.sessionCookie, location: .cookie,
                        description: "The session cookie set by signing in at /account/sign-in"),
                    token: .http(
                        scheme: "bearer", bearerFormat: AccessToken.secretPrefix + "…",
                        description: "A personal access token made at /account/tokens"),
                ]))
    }

    /// Every API endpoint is under `/api/v1`.
    static let prefix = "/api/v1"

    static let session: OpenAPI.ComponentKey = "session"
    static let token: OpenAPI.ComponentKey = "token"

    /// The bodies of every operation, the error bodies, and the bodies they refer to, each once, by name.
    static func bodies(_ operations: [APIOperation]) -> [any APISchema.Type] {
        var pending: [any APISchema.Type] = [APIError.self, ValidationErrorsDTO.self]
        for operation in operations {
            if case .dto(let type, _) = operation.answer { pending.append(type) }
            if let body = operation.body { pending.append(body) }
        }
        var found: [String: any APISchema.Type] = [:]
        while let type = pending.popLast() {
            guard found[type.schemaName] == nil else { continue }
            found[type.schemaName] = type
            pending += type.referenced
        }
        return found.sorted { $0.key < $1.key }.map(\.value)
    }

    static func schemas(_ operations: [APIOperation]) -> OpenAPI.ComponentDictionary<JSONSchema> {
        var schemas: OpenAPI.ComponentDictionary<JSONSchema> = [:]
        for type in bodies(operations) {
            schemas[OpenAPI.ComponentKey(stringLiteral: type.schemaName)] = type.schema
        }
        return schemas
    }

    static func operation(_ described: APIOperation) -> OpenAPI.Operation {
        var query = described.endpoint == .openAPI ? [] : [APIQueryParameter.language]
        query += described.query + (described.paged ? APIQueryParameter.paging : [])
        return OpenAPI.Operation(
            summary: described.summary, operationId: described.id,
            parameters: described.endpoint.pathParameters.map { .b($0) }
                + query.map { .b(.query(name: $0.name, schema: $0.schema)) },
            requestBody: described.body.map { body in
                OpenAPI.Request(content: [.json: .b(.init(schema: body.reference()))], required: true)
            },
            responses: responses(described),
            security: described.access == .permitted
                ? [[.component(named: session.rawValue): []], [.component(named: token.rawValue): []]] : nil)
    }

    static func responses(_ described: APIOperation) -> OpenAPI.Response.Map {
        let (schema, mediaType): (JSONSchema, OpenAPI.ContentType) =
            switch described.answer {
            case .dto(let type, let mediaType): (type.reference(), mediaType)
            case .other(let schema, let mediaType): (schema, mediaType)
            }
        var responses: OpenAPI.Response.Map = [
            .status(code: described.status): .response(
                description: described.status == 201 ? "Created" : "OK",
                headers: described.cached
                    ? ["ETag": .b(.init(schema: .string, description: "send it in If-None-Match to get 304"))] : nil,
                content: [mediaType: .b(.init(schema: schema))])
        ]
        if described.cached {
            responses[.status(code: 304)] = .response(description: "Not modified since the ETag sent in If-None-Match")
        }
        if !described.endpoint.pathParameters.isEmpty {
            responses[.status(code: 404)] = error("No such city, or no such record in it")
        }
        if described.access == .permitted {
            responses[.status(code: 403)] = error("Not signed in, or not permitted")
        }
        // Any request may carry a personal access token.
        responses[.status(code: 401)] = error("The access token sent is unknown, revoked or expired")
        responses[.status(code: 429)] = error("Too many requests with this access token this minute; see Retry-After")
        if described.body != nil {
            responses[.status(code: 400)] = error("The body is not JSON of the expected shape")
            responses[.status(code: 413)] = error("The body is larger than the server takes")
            responses[.status(code: 415)] = error("The body is not sent as application/json")
        }
        if described.body != nil || described.checksQuery {
            responses[.status(code: 422)] = .response(
                description: described.body != nil
                    ? "Invalid fields, each with translation keys of its problems"
                    : "Invalid query parameters, each with translation keys of its problems",
                content: [.json: .b(.init(schema: ValidationErrorsDTO.reference()))])
        }
        return responses
    }

    static func error(_ description: String) -> Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response> {
        .response(description: description, content: [.json: .b(.init(schema: APIError.reference()))])
    }
}

extension Endpoint {
    /// Whether the endpoint belongs to the JSON API, and so to the OpenAPI document.
    var isAPI: Bool { pattern.hasPrefix(OpenAPIDocument.prefix) }

    /// The pattern as OpenAPI writes paths: `{name}` for each parameter.
    var openAPIPath: String { routerDescription }

    /// The parameters of the pattern: a city's slug, or a record's id.
    var pathParameters: [OpenAPI.Parameter] {
        pattern.split(separator: "/").filter { $0.hasPrefix(":") }.map { segment in
            let name = String(segment.dropFirst())
            return name == "city"
                ? .path(
                    name: name, schema: .string(description: "the city's slug", pattern: "^[a-z][a-z0-9-]{1,39}$"))
                : .path(
                    name: name,
                    schema: .string(
                        format: .uuid, description: "the record's id",
                        pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
        }
    }
}
