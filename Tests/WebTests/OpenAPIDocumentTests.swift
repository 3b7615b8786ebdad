import Foundation
import Hummingbird
import OpenAPIKit
import Testing

@testable import Web

/// The OpenAPI document is built from the route table, the table of operations and the DTOs' schemas; these tests
/// hold it to the router, to OpenAPI itself, and to the JSON the API really writes.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// The document as served, decoded.
    static func served(_ browser: Browser) async throws -> [String: Any] {
        let page = try await browser.get("/api/v1/openapi.json")
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "application/json; charset=utf-8")
        return try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static var document: [String: Any] {
        get throws {
            try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        }
    }

    /// "METHOD /path" of every operation in a document.
    static func operations(_ document: [String: Any]) -> Set<String> {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test("every API endpoint of the route table is in the document with each of its methods, and nothing else")
    func documentFollowsTheRouteTable() throws {
        // given the route table's endpoints below /api/v1
        let tabled = Set(
            Endpoint.allCases.filter { $0.pattern.hasPrefix("/api/v1") }.flatMap { endpoint in
                endpoint.methods.map { "\($0.rawValue) \(endpoint.routerDescription)" }
            })
        // when the document is built, then it has exactly those operations
        let documented = Self.operations(try Self.document)
        #expect(tabled.count > 30)
        #expect(tabled.subtracting(documented).isEmpty, "in the route table, not in the document")
        #expect(documented.subtracting(tabled).isEmpty, "in the document, not in the route table")
        // and every operation of the table names an API endpoint and one of its methods, once
        let described = APIOperation.all.map { "\($0.method.rawValue) \($0.endpoint.routerDescription)" }
        #expect(Set(described) == tabled && described.count == tabled.count)
    }

    @Test("the served document is the built one, and describes exactly the API routes the router has")
    func servedDocumentMatchesRouter() async throws {
        try await TestApp.run { app, browser in
            let served = try await Self.served(browser)
            #expect(served["openapi"] as? String == "3.1.0")
            let routed = Set(
                app.routes.filter { $0.contains(" /api/v1") }.map { route in
                    route.split(separator: "/", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                })
            #expect(!routed.isEmpty)
            #expect(Self.operations(served) == routed)
        }
    }

    @Test("OpenAPIKit reads the document back and finds nothing wrong with it")
    func documentIsValidOpenAPI() throws {
        let decoded = try JSONDecoder().decode(OpenAPI.Document.self, from: OpenAPIDocument.json)
        _ = try decoded.validate()
        #expect(decoded.openAPIVersion == .v3_1_0)
        #expect(Set(decoded.allOperationIds).count == APIOperation.all.count)
    }

    @Test("every object of every schema is closed, every $ref resolves, and every schema is used")
    func schemasAreClosed() throws {
        let document = try Self.document
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        var open: [String] = []
        var references: Set<String> = []
        func walk(_ value: Any, at path: String) {
            if let object = value as? [String: Any] {
                if object["type"] as? String == "object", path.hasPrefix("components"),
                    object["additionalProperties"] == nil
                {
                    open.append(path)
                }
                if let reference = object["$ref"] as? String { references.insert(reference) }
                for (key, child) in object { walk(child, at: path + "." + key) }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, at: path + "[\(index)]") }
            }
        }
        walk(document, at: "")
        #expect(open.isEmpty, "objects without additionalProperties: \(open)")
        let names = Set(schemas.keys.map { "#/components/schemas/" + $0 })
        #expect(references.subtracting(names).isEmpty, "unresolved: \(references.subtracting(names))")
        #expect(names.subtracting(references).isEmpty, "never used: \(names.subtracting(references))")
    }

    /// The example of `type` as the API writes it.
    static func encodedExample<Body: APISchema>(_ type: Body.Type) throws -> Any {
        try JSONSerialization.jsonObject(with: Respond.encoder(keys: Body.keys).encode(Body.example))
    }

    @Test("the example of every request and answer body matches its schema, no property left undescribed")
    func examplesMatchSchemas() throws {
        // given every body the document describes
        let document = try Self.document
        let check = JSONSchemaCheck(document: document)
        let bodies = OpenAPIDocument.bodies(APIOperation.all)
        #expect(bodies.count >= 30)
        for body in bodies {
            // when its example is encoded as the API encodes it
            let example = try Self.encodedExample(body)
            // then it matches the schema, with every property described and every required one there
            let problems = check.problems(example, against: ["$ref": "#/components/schemas/" + body.schemaName])
            #expect(problems.isEmpty, "\(body): \(problems)")
        }
    }

    @Test("the example of every body fills each property its schema knows, so none goes unchecked")
    func examplesFillEveryProperty() throws {
        let document = try Self.document
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for body in OpenAPIDocument.bodies(APIOperation.all) {
            let example = try #require(try Self.encodedExample(body) as? [String: Any])
            let schema = try #require(schemas[body.schemaName] as? [String: Any])
            let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
            #expect(
                properties.subtracting(example.keys).isEmpty,
                "\(body) leaves out \(properties.subtracting(example.keys))")
        }
    }
}
