import Domain
import Foundation
import Hummingbird
import OpenAPIKit

/// Pages of API lists: `offset` (from 0) and `limit` (1 to 500, 100 unless given) from the query string, and the
/// path of the next page with the other parameters kept.
struct APIPaging {
    static let defaultLimit = 100
    static let maximumLimit = 500

    var offset = 0
    var limit = defaultLimit

    /// Reads the parameters; wrong ones are added to `errors` under their names.
    init(_ request: Request, _ errors: inout ValidationErrors) {
        let query = request.uri.queryParameters
        if let text = query.get("offset") {
            let value = Int(text).flatMap { (0...1_000_000).contains($0) ? $0 : nil }
            errors.require(value != nil, "common.errors.offset.invalid", field: "offset")
            offset = value ?? 0
        }
        if let text = query.get("limit") {
            let value = Int(text).flatMap { (1...Self.maximumLimit).contains($0) ? $0 : nil }
            errors.require(value != nil, "common.errors.limit.invalid", field: "limit")
            limit = value ?? Self.defaultLimit
        }
    }

    /// The request's path and query with `offset` moved on by one page.
    func next(_ request: Request) -> String {
        var components = URLComponents(string: request.uri.description) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "offset" && $0.name != "limit" }
        items += [
            URLQueryItem(name: "offset", value: String(offset + limit)),
            URLQueryItem(name: "limit", value: String(limit)),
        ]
        components.queryItems = items
        return request.uri.path + "?" + (components.percentEncodedQuery ?? "")
    }
}

extension Respond {
    /// One page of a list that was read whole, with an ETag; wrong paging parameters are a 422.
    static func page<Item: Encodable>(_ all: [Item], request: Request, context: AppRequestContext) throws -> Response {
        var errors = ValidationErrors()
        let paging = APIPaging(request, &errors)
        guard errors.isEmpty else { return try json(ValidationErrorsDTO(errors), status: .unprocessableContent) }
        let items = Array(all.dropFirst(paging.offset).prefix(paging.limit))
        let hasMore = paging.offset + paging.limit < all.count
        return try cachedJSON(
            PageDTO(
                items: items, count: items.count, offset: paging.offset, limit: paging.limit, total: all.count,
                next: hasMore ? paging.next(request) : nil), request: request, shared: context.actor == nil)
    }
}

/// One page of a list: the items, where it starts, how many there are in all (when known) and the next page.
struct PageDTO<Item: Encodable>: Encodable {
    var items: [Item]
    var count: Int
    var offset: Int
    var limit: Int
    var total: Int?
    var next: String?
}

extension PageDTO: APISchema where Item: APISchema {
    static var schemaName: String { Item.schemaName + "List" }

    static var referenced: [any APISchema.Type] { [Item.self] }

    static var schema: JSONSchema {
        .record(
            "One page of a list; `offset` and `limit` ask for another",
            [
                "items": .array(items: Item.reference()),
                "count": .integer(description: "items on this page"),
                "offset": .integer(description: "where this page starts, from 0"),
                "limit": .integer(description: "the most items a page holds"),
                "total": .integer(
                    required: false, description: "items in the whole list; absent when not known (a day range)"),
                "next": .string(required: false, description: "the path of the next page, absent on the last"),
            ])
    }

    static var example: Self {
        PageDTO(
            items: [Item.example], count: 1, offset: 0, limit: 1, total: 2,
            next: "/api/v1/cities/vantaa/organisations?offset=1&limit=1")
    }
}
