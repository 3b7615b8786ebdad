import Foundation
import SQLKit

/// Organisations gain what the registry needs: description, languages, areas served, a general address,
/// a status, when they last confirmed their details, and their names folded for search.
struct ExtendOrganisations: Migration {
    let name = "0008_ExtendOrganisations"

    func prepare(on database: any SQLDatabase, engine: Database.Engine) async throws {
        // One column per statement: SQLite adds columns one at a time.
        for column in [
            "description TEXT NOT NULL DEFAULT '{}'",
            "languages TEXT NOT NULL DEFAULT '[]'",
            "area_ids TEXT NOT NULL DEFAULT '[]'",
            "email TEXT",
            "status TEXT NOT NULL DEFAULT 'active'",
            "last_confirmed_at BIGINT",
            "search_names TEXT NOT NULL DEFAULT ''",
        ] {
            try await database.raw("ALTER TABLE organisations ADD COLUMN \(unsafeRaw: column)").run()
        }
        let rows = try await database.select().columns("id", "name").from("organisations").all()
        for row in rows {
            let name = try row.localizedText("name")
            try await database.update("organisations")
                .set("search_names", to: SQLBind(SQLOrganisationRepository.searchNames(name)))
                .where("id", .equal, SQLBind(try row.decode(column: "id", as: String.self)))
                .run()
        }
        try await database.create(index: "organisations_city_status").on("organisations")
            .column("city_id").column("status").run()
    }
}
