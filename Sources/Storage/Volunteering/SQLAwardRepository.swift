import Domain
import Foundation
import SQLKit

/// Awards in `volunteer_awards`.
public struct SQLAwardRepository: AwardRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "person_id", "recipient_name", "title", "citation", "awarded_on", "created_at",
    ]

    public func save(_ award: Award) async throws {
        try await tables.upsert(
            "volunteer_awards", Self.columns,
            [
                bind(award.id), bind(award.cityID), bind(award.personID), SQLBind(award.recipientName),
                SQLBind(try JSONColumn.encode(award.title)), SQLBind(try JSONColumn.encode(award.citation)),
                SQLBind(Int64(award.awardedOn.ordinal)), SQLBind(award.createdAt.epochSeconds),
            ], id: award.id.description)
    }

    public func awards(city: CityID) async throws -> [Award] {
        try await tables.select(Self.columns, from: "volunteer_awards").where("city_id", .equal, bind(city))
            .orderBy("awarded_on", .descending).orderBy("id").all().map(Self.award)
    }

    static func award(_ row: any SQLRow) throws -> Award {
        Award(
            id: try row.id("id"), cityID: try row.id("city_id"), personID: try row.optionalID("person_id"),
            recipientName: try row.decode(column: "recipient_name", as: String.self),
            title: try row.localizedText("title"), citation: try row.localizedText("citation"),
            awardedOn: try VolunteeringTables.day(row, "awarded_on")!, createdAt: try row.date("created_at"))
    }
}
