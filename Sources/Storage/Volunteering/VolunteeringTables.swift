import Domain
import Foundation
import SQLKit

/// The volunteering tables (see `CreateVolunteering`) over one database: what every volunteering repository reads
/// and writes them with.
struct VolunteeringTables: Sendable {
    let database: Database

    func select(_ columns: [String], from table: String) -> SQLSelectBuilder {
        database.sql.select().columns(columns.map { SQLIdentifier($0) }).from(table)
    }

    /// Inserts the row, or updates every column but the id and `created_at` when the id exists.
    func upsert(_ table: String, _ columns: [String], _ values: [SQLBind], id: String) async throws {
        try await database.transaction { sql in
            if try await sql.select().column("id").from(table).where("id", .equal, SQLBind(id)).first() != nil {
                var update = sql.update(table)
                for (column, value) in zip(columns, values).dropFirst() where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                try await update.where("id", .equal, SQLBind(id)).run()
            } else {
                try await sql.insert(into: table).columns(columns).values(values).run()
            }
        }
    }

    /// The ids a JSON array column holds.
    static func ids<Tag>(_ row: any SQLRow, _ column: String) throws -> [Identifier<Tag>] {
        try JSONColumn.decode([String].self, from: row.decode(column: column, as: String.self))
            .compactMap(Identifier<Tag>.init(string:))
    }

    /// The day a column holds as its ordinal.
    static func day(_ row: any SQLRow, _ column: String) throws -> CalendarDay? {
        try row.decode(column: column, as: Int64?.self).map { CalendarDay(ordinal: Int($0)) }
    }
}
