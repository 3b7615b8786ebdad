import Domain
import Foundation
import SQLKit

/// Areas in `areas` and their yearly figures in `area_demographics`.
public struct SQLAreaRepository: AreaRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(city: CityID) async throws -> [Area] {
        try await select().where("city_id", .equal, bind(city)).orderBy("code").all().map(Self.area)
    }

    public func find(city: CityID, code: String) async throws -> Area? {
        try await select().where("city_id", .equal, bind(city)).where("code", .equal, code).first().map(Self.area)
    }

    public func latestDemographics(city: CityID) async throws -> [AreaID: AreaDemographics] {
        let rows = try await database.sql.select()
            .columns(
                ["area_id", "year", "population", "foreign_language_speakers", "foreign_language_share"]
                    .map { SQLColumn($0, table: "d") }
            )
            .from(SQLAlias(SQLIdentifier("area_demographics"), as: SQLIdentifier("d")))
            .join(SQLAlias(SQLIdentifier("areas"), as: SQLIdentifier("a")), on: SQLRaw("a.id = d.area_id"))
            .where(SQLColumn("city_id", table: "a"), .equal, bind(city))
            .orderBy(SQLColumn("year", table: "d"))
            .all()
        var latest: [AreaID: AreaDemographics] = [:]
        for row in rows {
            let figures = AreaDemographics(
                areaID: try row.id("area_id"),
                year: Int(try row.decode(column: "year", as: Int64.self)),
                population: Int(try row.decode(column: "population", as: Int64.self)),
                foreignLanguageSpeakers: try row.decode(column: "foreign_language_speakers", as: Int64?.self)
                    .map { Int($0) },
                foreignLanguageShare: try row.decode(column: "foreign_language_share", as: Double?.self)
            )
            latest[figures.areaID] = figures
        }
        return latest
    }

    public func importRecords(
        _ records: [AreaRecord],
        city: CityID,
        progress: @Sendable (Int) -> Void
    ) async throws -> AreaImportSummary {
        try await database.transaction { sql in
            let now = Date().epochSeconds
            let existing = try await sql.select().columns("id", "code").from("areas")
                .where("city_id", .equal, bind(city)).all()
            var ids: [String: AreaID] = [:]
            for row in existing { ids[try row.decode(column: "code", as: String.self)] = try row.id("id") }
            var summary = AreaImportSummary(created: 0, updated: 0)
            for (index, record) in records.enumerated() {
                let name = LocalizedText(
                    Dictionary(
                        uniqueKeysWithValues: record.names.map { code, text in
                            (code, LocalizedText.Translation(text: text, status: .original))
                        }))
                let areaID: AreaID
                if let known = ids[record.code] {
                    areaID = known
                    try await sql.update("areas")
                        .set("name", to: SQLBind(try JSONColumn.encode(name)))
                        .set("geometry", to: SQLBind(record.geometry))
                        .set("updated_at", to: SQLBind(now))
                        .where("id", .equal, bind(known))
                        .run()
                    summary.updated += 1
                } else {
                    areaID = AreaID()
                    try await sql.insert(into: "areas")
                        .columns(
                            "id", "city_id", "parent_id", "code", "kind", "name", "geometry", "created_at", "updated_at"
                        )
                        .values(
                            bind(areaID), bind(city), SQLBind(String?.none), SQLBind(record.code),
                            SQLBind(Area.Kind.postalArea.rawValue), SQLBind(try JSONColumn.encode(name)),
                            SQLBind(record.geometry), SQLBind(now), SQLBind(now)
                        )
                        .run()
                    ids[record.code] = areaID
                    summary.created += 1
                }
                try await sql.delete(from: "area_demographics")
                    .where("area_id", .equal, bind(areaID)).where("year", .equal, SQLBind(Int64(record.year)))
                    .run()
                try await sql.insert(into: "area_demographics")
                    .columns(
                        "area_id", "year", "population", "foreign_language_speakers", "foreign_language_share",
                        "created_at", "updated_at"
                    )
                    .values(
                        bind(areaID), SQLBind(Int64(record.year)), SQLBind(Int64(record.population)),
                        SQLBind(record.foreignLanguageSpeakers.map { Int64($0) }), SQLBind(record.foreignLanguageShare),
                        SQLBind(now), SQLBind(now)
                    )
                    .run()
                progress(index + 1)
            }
            // Parents are linked once every area of the file exists, so their order in the file does not matter.
            for record in records {
                guard let parentCode = record.parentCode, let child = ids[record.code] else { continue }
                guard let parent = ids[parentCode] else {
                    throw AreaImportError(location: "area \(record.code)", problem: "parent \(parentCode) is unknown")
                }
                try await sql.update("areas").set("parent_id", to: bind(parent)).where("id", .equal, bind(child)).run()
            }
            return summary
        }
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select()
            .columns("id", "city_id", "parent_id", "code", "kind", "name", "geometry")
            .from("areas")
    }

    private static func area(_ row: any SQLRow) throws -> Area {
        Area(
            id: try row.id("id"),
            cityID: try row.id("city_id"),
            parentID: try row.optionalID("parent_id"),
            code: try row.decode(column: "code", as: String.self),
            kind: Area.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .neighbourhood,
            name: try row.localizedText("name"),
            geometry: try row.decode(column: "geometry", as: String?.self)
        )
    }
}
