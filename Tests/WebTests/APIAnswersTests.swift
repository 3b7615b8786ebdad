import Foundation
import Hummingbird
import OpenAPIKit
import Testing

@testable import Web

/// What the API really answers, on the demo city's data, checked against the schemas of the document it serves: a
/// DTO that drifts from its schema fails here even when its example was kept in step.
@Suite("API answers match the OpenAPI document")
struct APIAnswersTests {
    /// The schema the served document gives for an answer.
    static func schema(
        _ document: [String: Any], _ endpoint: Endpoint, _ method: HTTPRequest.Method, status: Int,
        mediaType: String = "application/json"
    ) throws -> [String: Any] {
        let paths = try #require(document["paths"] as? [String: Any])
        let operation = try #require(
            (paths[endpoint.routerDescription] as? [String: Any])?[method.rawValue.lowercased()] as? [String: Any])
        let response = try #require(
            (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any],
            "\(method) \(endpoint.pattern) documents no \(status)")
        let content = try #require(
            (response["content"] as? [String: Any])?[mediaType] as? [String: Any])
        return try #require(content["schema"] as? [String: Any])
    }

    static func problems(_ page: Browser.Page, _ schema: [String: Any], _ check: JSONSchemaCheck) throws -> [String] {
        check.problems(try JSONSerialization.jsonObject(with: Data(page.body.utf8)), against: schema)
    }

    @Test("every read of the API answers a coordinator with data of the demo city that matches its schema")
    func coordinatorReadsMatchTheirSchemas() async throws {
        try await TestApp.run { _, browser in
            // given the served document and a coordinator (who may read the engagements too)
            let document = try await OpenAPIDocumentTests.served(browser)
            let check = JSONSchemaCheck(document: document)
            try await browser.signIn(.coordinator)
            // lists first, so that each read of one record has the id of the first in its list
            let reads = APIOperation.all.filter { $0.method == .get }
                .sorted { !$0.endpoint.pattern.contains(":id") && $1.endpoint.pattern.contains(":id") }
            var firstIDs: [String: String] = [:]
            var emptyLists: [String] = []
            for operation in reads {
                let pattern = operation.endpoint.pattern
                let list = pattern.components(separatedBy: "/:id")[0]
                let id = pattern.contains(":id") ? try #require(firstIDs[list], "nothing to read at \(pattern)") : ""
                let path = pattern.replacingOccurrences(of: ":city", with: "vantaa")
                    .replacingOccurrences(of: ":id", with: id)
                // when it is read
                let page = try await browser.get(path + "?lang=en")
                // then the answer is the documented success, with the documented body
                #expect(page.status == .ok, "\(path)")
                guard case .dto(_, let mediaType) = operation.answer else { continue }
                let schema = try Self.schema(
                    document, operation.endpoint, .get, status: 200, mediaType: mediaType.rawValue)
                let problems = try Self.problems(page, schema, check)
                #expect(problems.isEmpty, "\(path): \(problems)")
                let body = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
                if let items = (body?["items"] ?? body?["contents"]) as? [[String: Any]] {
                    if items.isEmpty { emptyLists.append(path) }
                    if let first = items.first?["id"] as? String { firstIDs[pattern] = first }
                }
            }
            #expect(emptyLists.isEmpty, "lists with nothing to check: \(emptyLists)")
        }
    }

    @Test("an unknown record is a documented 404, a wrong page a documented 422, an anonymous write a documented 403")
    func errorsMatchTheirSchemas() async throws {
        try await TestApp.run { _, browser in
            let document = try await OpenAPIDocumentTests.served(browser)
            let check = JSONSchemaCheck(document: document)
            let missing = try await browser.get("/api/v1/cities/vantaa/events/\(UUID().uuidString.lowercased())")
            #expect(missing.status == .notFound)
            #expect(try Self.problems(missing, try Self.schema(document, .apiEvent, .get, status: 404), check).isEmpty)
            let wrongPage = try await browser.get("/api/v1/cities/vantaa/networks?limit=0")
            #expect(wrongPage.status == .unprocessableContent)
            #expect(
                try Self.problems(wrongPage, try Self.schema(document, .apiNetworks, .get, status: 422), check).isEmpty
            )
            let anonymous = try await OrganisationsAPITests.postJSON(
                browser, "/api/v1/cities/vantaa/networks", #"{"kind":"thematic","names":{"en":"Cafés"}}"#)
            #expect(anonymous.status == .forbidden)
            #expect(
                try Self.problems(anonymous, try Self.schema(document, .apiNetworks, .post, status: 403), check)
                    .isEmpty)
        }
    }

    @Test("a coordinator's writes with the documented examples are taken, and answered as documented")
    func examplesAreTakenAsWritten() async throws {
        try await TestApp.run { _, browser in
            let document = try await OpenAPIDocumentTests.served(browser)
            let check = JSONSchemaCheck(document: document)
            try await browser.signIn(.coordinator)
            let writes: [(Endpoint, Data)] = try [
                (.apiOrganisations, Respond.encoder().encode(OrganisationWriteDTO.example)),
                (.apiNetworks, Respond.encoder().encode(NetworkWriteDTO.example)),
            ]
            for (endpoint, example) in writes {
                let created = try await OrganisationsAPITests.postJSON(
                    browser, endpoint.path(["vantaa"]), String(decoding: example, as: UTF8.self))
                #expect(created.status == .created, "\(endpoint): \(created.body)")
                let schema = try Self.schema(document, endpoint, .post, status: 201)
                #expect(try Self.problems(created, schema, check).isEmpty)
            }
        }
    }
}
