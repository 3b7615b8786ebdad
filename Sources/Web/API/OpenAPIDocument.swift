/// The OpenAPI 3.1 description of `/api/v1`. A test compares it with the router, so a route
/// added without a description here fails the build's tests.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var id: String
        var summary: String
        var parameters: [String]
        var schema: String
    }

    static let operations: [Operation] = [
        Operation(
            method: "get", path: "/api/v1/cities", id: "listCities", summary: "Cities on this installation",
            parameters: [], schema: "CityList"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}", id: "getCity", summary: "One city", parameters: ["city"],
            schema: "City"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/areas", id: "listAreas",
            summary: "A city's areas with their latest demographics", parameters: ["city"], schema: "AreaList"),
        Operation(
            method: "get", path: "/api/v1/openapi.json", id: "openAPI", summary: "This document", parameters: [],
            schema: "Document"),
    ]

    static var document: JSONValue {
        var paths: [String: JSONValue] = [:]
        for operation in operations {
            var responses: [String: JSONValue] = [
                "200": .object([
                    "description": "OK",
                    "content": .object([
                        "application/json": .object([
                            "schema": .object(["$ref": .string("#/components/schemas/\(operation.schema)")])
                        ])
                    ]),
                ])
            ]
            if !operation.parameters.isEmpty {
                responses["404"] = errorResponse("Not found")
            }
            var entry: [String: JSONValue] = [
                "operationId": .string(operation.id),
                "summary": .string(operation.summary),
                "parameters": .array(
                    operation.parameters.map { name in
                        .object([
                            "name": .string(name), "in": "path", "required": .bool(true),
                            "schema": .object(["type": "string", "pattern": "^[a-z][a-z0-9-]{1,39}$"]),
                        ])
                    } + [
                        .object([
                            "name": "lang", "in": "query", "required": false,
                            "description": "Language of the `name` fields",
                            "schema": .object(["type": "string", "pattern": "^[a-zA-Z]{2,3}$"]),
                        ])
                    ]),
                "responses": .object(responses),
            ]
            if operation.id == "openAPI" { entry["parameters"] = .array([]) }
            var methods = paths[operation.path]?.objectValue ?? [:]
            methods[operation.method] = .object(entry)
            paths[operation.path] = .object(methods)
        }
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "Arrival API", "version": "1.0.0",
                "description": "Read access to the cities, areas and open data of an Arrival installation.",
            ]),
            "paths": .object(paths),
            "components": .object(["schemas": schemas]),
        ])
    }

    static func errorResponse(_ description: String) -> JSONValue {
        .object([
            "description": .string(description),
            "content": .object([
                "application/json": .object(["schema": .object(["$ref": "#/components/schemas/Error"])])
            ]),
        ])
    }

    static let translations: JSONValue = .object([
        "type": "object", "additionalProperties": .object(["type": "string"]),
    ])

    static let schemas: JSONValue = .object([
        "City": .object([
            "type": "object",
            "required": .array(["slug", "name", "names", "timeZone", "defaultLanguage", "languages"]),
            "properties": .object([
                "slug": .object(["type": "string"]), "name": .object(["type": "string"]), "names": translations,
                "timeZone": .object(["type": "string"]), "defaultLanguage": .object(["type": "string"]),
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
            ]),
        ]),
        "CityList": list("City"),
        "Area": .object([
            "type": "object",
            "required": .array(["code", "kind", "name", "names"]),
            "properties": .object([
                "code": .object(["type": "string"]), "kind": .object(["type": "string"]),
                "parent": .object(["type": "string", "description": "code of the enclosing area"]),
                "name": .object(["type": "string"]), "names": translations,
                "year": .object(["type": "integer"]), "population": .object(["type": "integer"]),
                "foreignLanguageSpeakers": .object(["type": "integer"]),
                "foreignLanguageShare": .object(["type": "number"]),
            ]),
        ]),
        "AreaList": list("Area"),
        "Error": .object([
            "type": "object", "required": .array(["error", "message"]),
            "properties": .object(["error": .object(["type": "string"]), "message": .object(["type": "string"])]),
        ]),
        "Document": .object(["type": "object"]),
    ])

    static func list(_ item: String) -> JSONValue {
        .object([
            "type": "object", "required": .array(["items", "count"]),
            "properties": .object([
                "items": .object(["type": "array", "items": .object(["$ref": .string("#/components/schemas/\(item)")])]
                ),
                "count": .object(["type": "integer"]),
            ]),
        ])
    }
}

/// A JSON value for documents built in code.
indirect enum JSONValue: Encodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
