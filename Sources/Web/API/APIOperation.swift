import HTTPTypes
import OpenAPIKit

/// What the OpenAPI document says about one method of one endpoint of the route table: its summary, its query
/// parameters, the body it takes and the one it answers with, and which answers beside success it can give.
/// Path parameters come from the endpoint's pattern; the table of every operation is `APIOperation.all`.
struct APIOperation {
    /// What a successful answer carries.
    enum Answer {
        /// A JSON body described by a DTO, under `components/schemas`.
        case dto(any APISchema.Type, mediaType: OpenAPI.ContentType = .json)
        /// Anything else, described in place.
        case other(JSONSchema, mediaType: OpenAPI.ContentType)
    }

    /// Who may call it.
    enum Access {
        /// Anyone, signed in or not.
        case everyone
        /// Only a signed-in session with the right role; others get 403.
        case permitted
    }

    var endpoint: Endpoint
    var method: HTTPRequest.Method
    var id: String
    var summary: String
    var answer: Answer
    /// The status of a successful answer.
    var status = 200
    /// The JSON body it takes, for writes: a malformed one is 400, another media type 415, wrong fields 422.
    var body: (any APISchema.Type)? = nil
    /// Query parameters beyond `lang` (and `offset` and `limit` of a paged list).
    var query: [APIQueryParameter] = []
    /// A list read page by page with `offset` and `limit`.
    var paged = false
    /// Answers carry an `ETag`; `If-None-Match` with it gets 304.
    var cached = false
    /// Query parameters are checked: wrong ones get 422.
    var checksQuery = false
    var access = Access.everyone
}

/// A query parameter of an operation.
struct APIQueryParameter {
    var name: String
    var schema: JSONSchema
}

extension APIOperation {
    /// A paged list of `item`: cached, with its paging and filters checked.
    static func list<Item: APISchema>(
        _ endpoint: Endpoint, id: String, summary: String, of item: Item.Type, query: [APIQueryParameter] = [],
        access: Access = .everyone
    ) -> APIOperation {
        APIOperation(
            endpoint: endpoint, method: .get, id: id, summary: summary, answer: .dto(PageDTO<Item>.self),
            query: query, paged: true, cached: true, checksQuery: true, access: access)
    }

    /// One record.
    static func read(
        _ endpoint: Endpoint, id: String, summary: String, _ answer: any APISchema.Type, cached: Bool = false
    ) -> APIOperation {
        APIOperation(endpoint: endpoint, method: .get, id: id, summary: summary, answer: .dto(answer), cached: cached)
    }

    /// A record created from a JSON body, answered with 201 and the record.
    static func create(
        _ endpoint: Endpoint, id: String, summary: String, body: any APISchema.Type, answer: any APISchema.Type
    ) -> APIOperation {
        APIOperation(
            endpoint: endpoint, method: .post, id: id, summary: summary, answer: .dto(answer), status: 201,
            body: body, access: .permitted)
    }

    /// A record changed from a JSON body, answered with the record.
    static func update(
        _ endpoint: Endpoint, id: String, summary: String, body: any APISchema.Type, answer: any APISchema.Type
    ) -> APIOperation {
        APIOperation(
            endpoint: endpoint, method: .put, id: id, summary: summary, answer: .dto(answer), body: body,
            access: .permitted)
    }
}
