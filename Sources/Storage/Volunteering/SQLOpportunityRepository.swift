import Domain
import Foundation
import SQLKit

/// Opportunities in `opportunities`.
public struct SQLOpportunityRepository: OpportunityRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "organisation_id", "title", "description", "category_ids", "skills", "training_ids",
        "languages", "place_id", "area_ids", "times", "wanted", "status", "created_at", "updated_at",
    ]

    public func save(_ opportunity: Opportunity) async throws {
        try await tables.upsert(
            "opportunities", Self.columns, try Self.values(opportunity), id: opportunity.id.description)
    }

    public func opportunity(id: OpportunityID) async throws -> Opportunity? {
        try await tables.select(Self.columns, from: "opportunities").where("id", .equal, bind(id)).first()
            .map(Self.opportunity)
    }

    /// Narrowed by city, status and organisation in SQL; the remaining filters and the text search are applied by
    /// `OpportunityQuery.matches` (a city has hundreds of opportunities, not thousands).
    public func opportunities(_ query: OpportunityQuery) async throws -> [Opportunity] {
        var select = tables.select(Self.columns, from: "opportunities").where("city_id", .equal, bind(query.city))
            .where("status", .in, query.statuses.map(\.rawValue).sorted())
        if let organisations = query.organisations {
            guard !organisations.isEmpty else { return [] }
            select = select.where("organisation_id", .in, organisations.map(\.description).sorted())
        }
        return try await select.orderBy("created_at", .descending).orderBy("id").all().map(Self.opportunity)
            .filter(query.matches)
    }

    static func values(_ opportunity: Opportunity) throws -> [SQLBind] {
        [
            bind(opportunity.id), bind(opportunity.cityID), bind(opportunity.organisationID),
            SQLBind(try JSONColumn.encode(opportunity.title)), SQLBind(try JSONColumn.encode(opportunity.description)),
            SQLBind(try JSONColumn.encode(opportunity.categoryIDs.map(\.description))),
            SQLBind(try JSONColumn.encode(opportunity.skills)),
            SQLBind(try JSONColumn.encode(opportunity.requiredTrainingIDs.map(\.description))),
            SQLBind(try JSONColumn.encode(opportunity.languages.map(\.rawValue))), bind(opportunity.placeID),
            SQLBind(try JSONColumn.encode(opportunity.areaIDs.map(\.description))),
            SQLBind(Int64(opportunity.times.bits)), SQLBind(Int64(opportunity.wanted)),
            SQLBind(opportunity.status.rawValue), SQLBind(opportunity.createdAt.epochSeconds),
            SQLBind(opportunity.updatedAt.epochSeconds),
        ]
    }

    static func opportunity(_ row: any SQLRow) throws -> Opportunity {
        Opportunity(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.id("organisation_id"),
            title: try row.localizedText("title"), description: try row.localizedText("description"),
            categoryIDs: try VolunteeringTables.ids(row, "category_ids"),
            skills: try JSONColumn.decode([String].self, from: row.decode(column: "skills", as: String.self)),
            requiredTrainingIDs: try VolunteeringTables.ids(row, "training_ids"),
            languages: try JSONColumn.decode([String].self, from: row.decode(column: "languages", as: String.self))
                .compactMap(LanguageCode.init),
            placeID: try row.optionalID("place_id"), areaIDs: try VolunteeringTables.ids(row, "area_ids"),
            times: WeeklyAvailability(bits: UInt32(clamping: try row.decode(column: "times", as: Int64.self))),
            wanted: Int(try row.decode(column: "wanted", as: Int64.self)),
            status: Opportunity.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .closed,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
