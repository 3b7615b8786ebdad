import Domain
import Foundation
import SQLKit

/// Cities in the `cities` table.
public struct SQLCityRepository: CityRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func find(slug: String) async throws -> City? {
        try await select().where("slug", .equal, slug).first().map(Self.city)
    }

    public func find(id: CityID) async throws -> City? {
        try await select().where("id", .equal, bind(id)).first().map(Self.city)
    }

    public func list() async throws -> [City] {
        try await select().orderBy("slug").all().map(Self.city)
    }

    public func create(_ city: City) async throws {
        let now = Date().epochSeconds
        try await database.sql.insert(into: "cities")
            .columns("id", "slug", "name", "time_zone", "default_language", "languages", "created_at", "updated_at")
            .values(
                bind(city.id), SQLBind(city.slug), SQLBind(try JSONColumn.encode(city.name)),
                SQLBind(city.timeZone), SQLBind(city.defaultLanguage.rawValue),
                SQLBind(try JSONColumn.encode(city.languages)), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select()
            .columns("id", "slug", "name", "time_zone", "default_language", "languages")
            .from("cities")
    }

    private static func city(_ row: any SQLRow) throws -> City {
        City(
            id: try row.id("id"),
            slug: try row.decode(column: "slug", as: String.self),
            name: try row.localizedText("name"),
            timeZone: try row.decode(column: "time_zone", as: String.self),
            defaultLanguage: try row.language("default_language"),
            languages: try JSONColumn.decode(
                [LanguageCode].self, from: row.decode(column: "languages", as: String.self))
        )
    }
}
