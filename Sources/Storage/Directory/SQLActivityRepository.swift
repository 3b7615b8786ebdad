import Domain
import Foundation
import SQLKit

/// Activities in `activities`, with their categories, areas and languages in link tables (so filters use
/// indexes) and their folded texts in `activity_search` (see `SQLActivitySearch.swift`); categories in
/// `categories`.
public struct SQLActivityRepository: ActivityRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "city_id", "organisation_id", "kind", "title", "description", "category_ids", "target_groups",
        "languages", "area_ids", "place_id", "schedule", "first_day", "last_day", "capacity", "fee_cents",
        "volunteer_run", "referral_eligible", "referral_fee_cents", "status", "sort_title", "created_at",
        "updated_at",
    ]

    public func find(id: ActivityID) async throws -> Activity? {
        try await database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("activities")
            .where("id", .equal, bind(id)).first().map(Self.activity)
    }

    public func save(_ activity: Activity) async throws {
        let values = try Self.values(activity)
        try await database.transaction { sql in
            try await sql.delete(from: "activity_search").where("activity_id", .equal, bind(activity.id)).run()
            for table in ["activity_categories", "activity_areas", "activity_languages"] {
                try await sql.delete(from: table).where("activity_id", .equal, bind(activity.id)).run()
            }
            if try await sql.select().column("id").from("activities").where("id", .equal, bind(activity.id)).first()
                != nil
            {
                var update = sql.update("activities")
                for (column, value) in zip(Self.columns, values).dropFirst(2) where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                try await update.where("id", .equal, bind(activity.id)).run()
            } else {
                try await sql.insert(into: "activities").columns(Self.columns).values(values).run()
            }
            for (table, column, keys) in [
                ("activity_categories", "category_id", activity.categoryIDs.map(\.description)),
                ("activity_areas", "area_id", activity.areaIDs.map(\.description)),
                ("activity_languages", "language", activity.languages.map(\.rawValue)),
            ] where !keys.isEmpty {
                var insert = sql.insert(into: table).columns("activity_id", column)
                for key in Set(keys).sorted() { insert = insert.values(bind(activity.id), SQLBind(key)) }
                try await insert.run()
            }
            let rows = Self.searchRows(activity, values: values)
            if !rows.isEmpty {
                var insert = sql.insert(into: "activity_search").columns(Self.searchColumns)
                for row in rows { insert = insert.values(row) }
                try await insert.run()
            }
        }
    }

    public func insert(_ activities: [Activity]) async throws {
        let rows = try activities.map { try Self.values($0) }
        try await database.transaction { sql in
            // Multi-row inserts, a few hundred rows each, keep both engines under their limits on parameters.
            for chunk in stride(from: 0, to: activities.count, by: 200) {
                let range = chunk..<min(chunk + 200, activities.count)
                var insert = sql.insert(into: "activities").columns(Self.columns)
                for row in rows[range] { insert = insert.values(row) }
                try await insert.run()
                var links: [(String, String, [SQLBind])] = []
                var texts: [[SQLBind]] = []
                for (activity, values) in zip(activities[range], rows[range]) {
                    for id in Set(activity.categoryIDs.map(\.description)).sorted() {
                        links.append(("activity_categories", "category_id", [bind(activity.id), SQLBind(id)]))
                    }
                    for id in Set(activity.areaIDs.map(\.description)).sorted() {
                        links.append(("activity_areas", "area_id", [bind(activity.id), SQLBind(id)]))
                    }
                    for code in Set(activity.languages.map(\.rawValue)).sorted() {
                        links.append(("activity_languages", "language", [bind(activity.id), SQLBind(code)]))
                    }
                    texts += Self.searchRows(activity, values: values)
                }
                for (table, column) in [
                    ("activity_categories", "category_id"), ("activity_areas", "area_id"),
                    ("activity_languages", "language"),
                ] {
                    let rows = links.filter { $0.0 == table }.map(\.2)
                    guard !rows.isEmpty else { continue }
                    var insert = sql.insert(into: table).columns("activity_id", column)
                    for row in rows { insert = insert.values(row) }
                    try await insert.run()
                }
                // Search rows have more columns: a smaller batch each.
                for start in stride(from: 0, to: texts.count, by: 100) {
                    var insert = sql.insert(into: "activity_search").columns(Self.searchColumns)
                    for row in texts[start..<min(start + 100, texts.count)] { insert = insert.values(row) }
                    try await insert.run()
                }
            }
        }
    }

    /// The columns of `activity_search`: the activity, a language, the listing's filter and sort columns (as
    /// `activities` has them), and the folded title and description in that language.
    static let searchColumns =
        ["activity_id", "language"] + listingColumns + ["title", "body"]

    static let listingColumns = [
        "city_id", "status", "kind", "organisation_id", "place_id", "target_groups", "fee_cents",
        "referral_eligible", "first_day", "last_day", "sort_title",
    ]

    /// Where the listing's columns are in an activity's row.
    static let listingIndices = listingColumns.map { columns.firstIndex(of: $0)! }

    /// One search row per language the title or description is written in; `values` are the activity's row.
    static func searchRows(_ activity: Activity, values: [SQLBind]) -> [[SQLBind]] {
        let listing = listingIndices.map { values[$0] }
        let languages = Set(activity.title.languages + activity.description.languages).sorted()
        return languages.map { language in
            [bind(activity.id), SQLBind(language.rawValue)] + listing + [
                SQLBind(SearchText.fold(activity.title.translations[language]?.text ?? "")),
                SQLBind(SearchText.fold(activity.description.translations[language]?.text ?? "")),
            ]
        }
    }

    static func values(_ activity: Activity) throws -> [SQLBind] {
        // Listings sort by the title in its original language: the one every reader's fallback reaches.
        let original =
            activity.title.translations.first { $0.value.status == .original }?.key ?? activity.title.languages.first
        let sortTitle = original.flatMap { activity.title.resolve($0) }.map { SearchText.fold($0.text) } ?? ""
        return [
            bind(activity.id), bind(activity.cityID), bind(activity.organisationID), SQLBind(activity.kind.rawValue),
            SQLBind(try JSONColumn.encode(activity.title)), SQLBind(try JSONColumn.encode(activity.description)),
            SQLBind(try JSONColumn.encode(activity.categoryIDs.map(\.description))),
            SQLBind(try JSONColumn.encode(activity.targetGroups.map(\.rawValue))),
            SQLBind(try JSONColumn.encode(activity.languages.map(\.rawValue))),
            SQLBind(try JSONColumn.encode(activity.areaIDs.map(\.description))), bind(activity.placeID),
            SQLBind(try activity.schedule.map { try JSONColumn.encode($0) }),
            SQLBind(activity.schedule.map { Int64($0.firstDay.ordinal) }),
            SQLBind(activity.schedule.flatMap(\.lastDay).map { Int64($0.ordinal) }),
            SQLBind(activity.capacity.map(Int64.init)), SQLBind(Int64(activity.feeCents)),
            SQLBind(Int64(activity.volunteerRun ? 1 : 0)), SQLBind(Int64(activity.referralEligible ? 1 : 0)),
            SQLBind(Int64(activity.referralFeeCents)), SQLBind(activity.status.rawValue), SQLBind(sortTitle),
            SQLBind(activity.createdAt.epochSeconds), SQLBind(activity.updatedAt.epochSeconds),
        ]
    }

    static func activity(_ row: any SQLRow) throws -> Activity {
        func list(_ column: String) throws -> [String] {
            try JSONColumn.decode([String].self, from: row.decode(column: column, as: String.self))
        }
        return Activity(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.id("organisation_id"),
            kind: Activity.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            title: try row.localizedText("title"), description: try row.localizedText("description"),
            categoryIDs: try list("category_ids").compactMap(CategoryID.init(string:)),
            targetGroups: try list("target_groups").compactMap(Activity.TargetGroup.init(rawValue:)),
            languages: try list("languages").compactMap(LanguageCode.init),
            areaIDs: try list("area_ids").compactMap(AreaID.init(string:)), placeID: try row.optionalID("place_id"),
            schedule: try row.decode(column: "schedule", as: String?.self).map {
                try JSONColumn.decode(Schedule.self, from: $0)
            },
            capacity: try row.decode(column: "capacity", as: Int64?.self).map { Int($0) },
            feeCents: Int(try row.decode(column: "fee_cents", as: Int64.self)),
            volunteerRun: try row.decode(column: "volunteer_run", as: Int64.self) != 0,
            referralEligible: try row.decode(column: "referral_eligible", as: Int64.self) != 0,
            referralFeeCents: Int(try row.decode(column: "referral_fee_cents", as: Int64.self)),
            status: Activity.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    public func categories(city: CityID) async throws -> [Domain.Category] {
        try await database.sql.select().columns("id", "city_id", "code", "name", "position").from("categories")
            .where("city_id", .equal, bind(city)).orderBy("position").orderBy("code").all()
            .map { row in
                Domain.Category(
                    id: try row.id("id"), cityID: try row.id("city_id"),
                    code: try row.decode(column: "code", as: String.self), name: try row.localizedText("name"),
                    position: Int(try row.decode(column: "position", as: Int64.self)))
            }
    }

    public func save(_ category: Domain.Category) async throws {
        let now = SQLBind(Date().epochSeconds)
        let name = SQLBind(try JSONColumn.encode(category.name))
        try await database.transaction { sql in
            if try await sql.select().column("id").from("categories").where("id", .equal, bind(category.id)).first()
                != nil
            {
                try await sql.update("categories").set("code", to: SQLBind(category.code)).set("name", to: name)
                    .set("position", to: SQLBind(Int64(category.position))).set("updated_at", to: now)
                    .where("id", .equal, bind(category.id)).run()
            } else {
                try await sql.insert(into: "categories")
                    .columns("id", "city_id", "code", "name", "position", "created_at", "updated_at")
                    .values(
                        bind(category.id), bind(category.cityID), SQLBind(category.code), name,
                        SQLBind(Int64(category.position)), now, now
                    ).run()
            }
        }
    }
}
