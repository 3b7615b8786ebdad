import Domain
import Foundation
import SQLKit

/// Organisations in `organisations`.
public struct SQLOrganisationRepository: OrganisationRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func find(id: OrganisationID) async throws -> Organisation? {
        try await select().where("id", .equal, bind(id)).first().map(Self.organisation)
    }

    public func list(city: CityID) async throws -> [Organisation] {
        try await select().where("city_id", .equal, bind(city)).all().map(Self.organisation)
    }

    public func create(_ organisation: Organisation) async throws {
        let now = Date().epochSeconds
        try await database.sql.insert(into: "organisations")
            .columns("id", "city_id", "kind", "name", "website", "created_at", "updated_at")
            .values(
                bind(organisation.id), bind(organisation.cityID), SQLBind(organisation.kind.rawValue),
                SQLBind(try JSONColumn.encode(organisation.name)), SQLBind(organisation.website),
                SQLBind(organisation.createdAt.epochSeconds), SQLBind(now)
            )
            .run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns("id", "city_id", "kind", "name", "website", "created_at").from("organisations")
    }

    private static func organisation(_ row: any SQLRow) throws -> Organisation {
        Organisation(
            id: try row.id("id"),
            cityID: try row.id("city_id"),
            kind: Organisation.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .ngo,
            name: try row.localizedText("name"),
            website: try row.decode(column: "website", as: String?.self),
            createdAt: try row.date("created_at")
        )
    }
}
