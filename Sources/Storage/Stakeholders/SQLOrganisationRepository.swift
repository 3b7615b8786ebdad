import Domain
import Foundation
import SQLKit

/// Organisations in `organisations`. Languages and areas served are JSON lists; names are also kept
/// folded in `search_names` so a part of a name in any language finds the organisation on both engines.
public struct SQLOrganisationRepository: OrganisationRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "city_id", "kind", "name", "description", "languages", "area_ids", "website", "email", "status",
        "last_confirmed_at", "created_at",
    ]

    public func find(id: OrganisationID) async throws -> Organisation? {
        try await select().where("id", .equal, bind(id)).first().map(Self.organisation)
    }

    public func find(ids: Set<OrganisationID>) async throws -> [Organisation] {
        guard !ids.isEmpty else { return [] }
        return try await select().where("id", .in, ids.map(\.description).sorted()).all().map(Self.organisation)
    }

    public func list(city: CityID) async throws -> [Organisation] {
        try await list(city: city, filter: OrganisationFilter(includeArchived: true))
    }

    public func list(city: CityID, filter: OrganisationFilter) async throws -> [Organisation] {
        var query = select().where("city_id", .equal, bind(city))
        if !filter.includeArchived {
            query = query.where("status", .notEqual, SQLBind(Organisation.Status.archived.rawValue))
        }
        if let kind = filter.kind { query = query.where("kind", .equal, SQLBind(kind.rawValue)) }
        if filter.migrantLedOnly {
            query = query.where("kind", .equal, SQLBind(Organisation.Kind.migrantLedNGO.rawValue))
        }
        if let language = filter.language {
            query = query.where("languages", .like, SQLBind("%\"\(language.rawValue)\"%"))
        }
        if let area = filter.areaID {
            query = query.where("area_ids", .like, SQLBind("%\"\(area.description)\"%"))
        }
        let words = filter.query.lowercased().split(whereSeparator: \.isWhitespace).prefix(8)
        for word in words {
            query = query.where("search_names", .like, SQLBind("%" + Self.escapeLike(String(word)) + "%"))
        }
        let organisations = try await query.all().map(Self.organisation)
        return organisations.sorted {
            $0.name.text(in: .finnish).localizedLowercase < $1.name.text(in: .finnish).localizedLowercase
        }
    }

    public func create(_ organisation: Organisation) async throws {
        try await insert(organisation, on: database.sql)
    }

    public func update(_ organisation: Organisation) async throws {
        try await update(organisation, on: database.sql)
    }

    public func save(_ organisations: [Organisation], progress: @Sendable (Int) -> Void) async throws {
        try await database.transaction { sql in
            let existing = Set(
                try await sql.select().column("id").from("organisations").all()
                    .map { try $0.decode(column: "id", as: String.self) })
            for (index, organisation) in organisations.enumerated() {
                if existing.contains(organisation.id.description) {
                    try await update(organisation, on: sql)
                } else {
                    try await insert(organisation, on: sql)
                }
                if (index + 1) % 100 == 0 || index + 1 == organisations.count { progress(index + 1) }
            }
        }
    }

    public func markConfirmed(_ id: OrganisationID, at date: Date) async throws {
        try await database.sql.update("organisations")
            .set("last_confirmed_at", to: SQLBind(date.epochSeconds))
            .set("updated_at", to: SQLBind(Date().epochSeconds))
            .where("id", .equal, bind(id))
            .run()
    }

    private func insert(_ organisation: Organisation, on sql: any SQLDatabase) async throws {
        let now = Date().epochSeconds
        try await sql.insert(into: "organisations")
            .columns(Self.columns + ["search_names", "updated_at"])
            .values(try Self.values(organisation) + [SQLBind(Self.searchNames(organisation.name)), SQLBind(now)])
            .run()
    }

    func update(_ organisation: Organisation, on sql: any SQLDatabase) async throws {
        var query = sql.update("organisations")
        for (column, value) in zip(Self.columns, try Self.values(organisation)).dropFirst(2)
        where column != "created_at" {
            query = query.set(SQLIdentifier(column), to: value)
        }
        try await query
            .set("search_names", to: SQLBind(Self.searchNames(organisation.name)))
            .set("updated_at", to: SQLBind(Date().epochSeconds))
            .where("id", .equal, bind(organisation.id))
            .run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("organisations")
    }

    static func values(_ organisation: Organisation) throws -> [SQLBind] {
        [
            bind(organisation.id), bind(organisation.cityID), SQLBind(organisation.kind.rawValue),
            SQLBind(try JSONColumn.encode(organisation.name)), SQLBind(try JSONColumn.encode(organisation.description)),
            SQLBind(try JSONColumn.encode(organisation.languages)),
            SQLBind(try JSONColumn.encode(organisation.areaIDs.map(\.description))),
            SQLBind(organisation.website), SQLBind(organisation.email), SQLBind(organisation.status.rawValue),
            SQLBind(organisation.lastConfirmedAt?.epochSeconds), SQLBind(organisation.createdAt.epochSeconds),
        ]
    }

    /// Every name lower-cased, one per line, for `LIKE` search.
    static func searchNames(_ name: LocalizedText) -> String {
        name.translations.sorted { $0.key < $1.key }.map { $0.value.text.lowercased() }.joined(separator: "\n")
    }

    /// `%` and `_` typed by a person are literal characters, not patterns.
    static func escapeLike(_ text: String) -> String {
        text.filter { $0 != "%" && $0 != "_" && $0 != "\\" }
    }

    static func organisation(_ row: any SQLRow) throws -> Organisation {
        Organisation(
            id: try row.id("id"),
            cityID: try row.id("city_id"),
            kind: Organisation.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .ngo,
            name: try row.localizedText("name"),
            description: try row.localizedText("description"),
            languages: try JSONColumn.decode(
                [LanguageCode].self, from: row.decode(column: "languages", as: String.self)),
            areaIDs: try JSONColumn.decode([String].self, from: row.decode(column: "area_ids", as: String.self))
                .compactMap(AreaID.init(string:)),
            website: try row.decode(column: "website", as: String?.self),
            email: try row.decode(column: "email", as: String?.self),
            status: Organisation.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .active,
            lastConfirmedAt: try row.optionalDate("last_confirmed_at"),
            createdAt: try row.date("created_at")
        )
    }
}
