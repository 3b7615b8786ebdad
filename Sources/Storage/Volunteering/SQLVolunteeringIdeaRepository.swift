import Domain
import Foundation
import SQLKit

/// Ideas for new volunteering in `volunteering_ideas`.
public struct SQLVolunteeringIdeaRepository: VolunteeringIdeaRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "author_id", "text", "area_id", "status", "assessment", "created_at", "updated_at",
    ]

    public func save(_ idea: VolunteeringIdea) async throws {
        try await tables.upsert(
            "volunteering_ideas", Self.columns,
            [
                bind(idea.id), bind(idea.cityID), bind(idea.authorID), SQLBind(idea.text), bind(idea.areaID),
                SQLBind(idea.status.rawValue), SQLBind(idea.assessment), SQLBind(idea.createdAt.epochSeconds),
                SQLBind(idea.updatedAt.epochSeconds),
            ], id: idea.id.description)
    }

    public func idea(id: VolunteeringIdeaID) async throws -> VolunteeringIdea? {
        try await tables.select(Self.columns, from: "volunteering_ideas").where("id", .equal, bind(id)).first()
            .map(Self.idea)
    }

    public func ideas(city: CityID) async throws -> [VolunteeringIdea] {
        try await tables.select(Self.columns, from: "volunteering_ideas").where("city_id", .equal, bind(city))
            .orderBy("created_at").orderBy("id").all().map(Self.idea)
    }

    static func idea(_ row: any SQLRow) throws -> VolunteeringIdea {
        VolunteeringIdea(
            id: try row.id("id"), cityID: try row.id("city_id"), authorID: try row.optionalID("author_id"),
            text: try row.decode(column: "text", as: String.self), areaID: try row.optionalID("area_id"),
            status: VolunteeringIdea.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            assessment: try row.decode(column: "assessment", as: String.self), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
