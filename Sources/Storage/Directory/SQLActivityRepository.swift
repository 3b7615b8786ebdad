import Domain
import Foundation
import SQLKit

/// Activities in `activities`, with their categories, areas and languages in link tables (so filters use
/// indexes) and their texts in `activity_search`; categories in `categories`.
///
/// Search is the one place the engines differ: SQLite matches trigrams in an FTS5 table and ranks by BM25;
/// PostgreSQL matches substrings and ranks by `ts_rank` over a `tsvector`. Both index text folded by
/// `SearchText.fold`, both find a part of a compound word, and both rank a match in the reader's language first.
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

    public func search(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [Activity] {
        let columns = SQLQueryString(Self.columns.map { "a.\($0)" }.joined(separator: ", "))
        let page: SQLQueryString = " LIMIT \(bind: max(0, limit)) OFFSET \(bind: max(0, offset))"
        guard let ranked = ranking(query) else {
            return try await database.sql.raw(
                "SELECT \(columns) FROM activities a WHERE \(conditions(query)) ORDER BY a.sort_title, a.id" + page
            ).all().map(Self.activity)
        }
        let order: SQLQueryString = database.engine == .sqlite ? "s.rank" : "s.rank DESC"
        return try await database.sql.raw(
            "SELECT \(columns) FROM \(Self.rankedFirst(ranked)) AND \(conditions(query))"
                + " ORDER BY \(order), a.sort_title, a.id" + page
        ).all().map(Self.activity)
    }

    public func count(_ query: ActivityQuery) async throws -> Int {
        let from: SQLQueryString =
            ranking(query).map { Self.rankedFirst($0) + " AND" } ?? "activities a WHERE"
        let row = try await database.sql.raw("SELECT COUNT(*) AS n FROM \(from) \(conditions(query))").first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// The matches first, then their activities: `CROSS JOIN` keeps SQLite from scanning every activity of the
    /// city and looking each up among the matches (it chose that plan, 240 ms at 100,000 activities even for a
    /// word nothing contains). PostgreSQL plans the same text as an ordinary join. Continues with a `WHERE`.
    static func rankedFirst(_ ranked: SQLQueryString) -> SQLQueryString {
        "(\(ranked)) s CROSS JOIN activities a WHERE a.id = s.activity_id"
    }

    /// The filters every listing applies, on `activities a`.
    private func conditions(_ query: ActivityQuery) -> SQLQueryString {
        var parts: [SQLQueryString] = [
            "a.city_id = \(bind: query.city.description)",
            "a.status IN (\(binds: query.statuses.map(\.rawValue).sorted()))",
        ]
        if let kind = query.kind { parts.append("a.kind = \(bind: kind.rawValue)") }
        if let id = query.organisationID { parts.append("a.organisation_id = \(bind: id.description)") }
        if let id = query.categoryID {
            parts.append(
                "EXISTS (SELECT 1 FROM activity_categories c WHERE c.activity_id = a.id AND c.category_id = \(bind: id.description))"
            )
        }
        if let id = query.areaID {
            parts.append(
                "EXISTS (SELECT 1 FROM activity_areas r WHERE r.activity_id = a.id AND r.area_id = \(bind: id.description))"
            )
        }
        if let language = query.language {
            parts.append(
                "EXISTS (SELECT 1 FROM activity_languages l WHERE l.activity_id = a.id AND l.language = \(bind: language.rawValue))"
            )
        }
        if let group = query.targetGroup { parts.append("a.target_groups LIKE \(bind: "%\"\(group.rawValue)\"%")") }
        if query.freeOnly { parts.append("a.fee_cents = 0") }
        if query.referralEligibleOnly { parts.append("a.referral_eligible = 1") }
        if query.accessibleOnly {
            parts.append(
                "EXISTS (SELECT 1 FROM places p WHERE p.id = a.place_id AND p.accessibility LIKE \(bind: "%\"step_free\"%"))"
            )
        }
        if let day = query.notEndedBefore ?? query.from {
            parts.append("(a.last_day IS NULL OR a.last_day >= \(bind: day.ordinal))")
        }
        if let day = query.through { parts.append("a.first_day <= \(bind: day.ordinal)") }
        if query.from != nil || query.through != nil { parts.append("a.first_day IS NOT NULL") }
        return parts.joined(separator: " AND ")
    }

    /// A subquery giving `activity_id` and `rank` for every activity with a translation containing every term;
    /// `nil` when the query has no terms.
    private func ranking(_ query: ActivityQuery) -> SQLQueryString? {
        let terms = query.terms.prefix(8)
        guard !terms.isEmpty else { return nil }
        let reader = query.readerLanguage.rawValue
        switch database.engine {
        case .sqlite:
            // BM25 is negative, lower is better: a match in the reader's language is made more negative. The inner
            // LIMIT keeps SQLite from flattening BM25 into the aggregate, where FTS5 cannot compute it.
            let match = terms.map { "\"\($0)\"" }.joined(separator: " AND ")
            return """
                SELECT activity_id, MIN(score * CASE WHEN language = \(bind: reader) THEN 2.0 ELSE 1.0 END) AS rank \
                FROM (SELECT activity_id, language, bm25(activity_search, 0, 0, 4.0, 1.0) AS score \
                FROM activity_search WHERE activity_search MATCH \(bind: match) LIMIT -1) GROUP BY activity_id
                """
        case .postgres:
            let like = terms.map { term -> SQLQueryString in
                "(title || ' ' || body) LIKE \(bind: "%" + Self.escapeLike(term) + "%") ESCAPE '\\'"
            }
            let titleLike = terms.map { term -> SQLQueryString in
                "title LIKE \(bind: "%" + Self.escapeLike(term) + "%") ESCAPE '\\'"
            }
            let prefixes = terms.map { $0 + ":*" }.joined(separator: " & ")
            return """
                SELECT activity_id, MAX((ts_rank(document, to_tsquery('simple', \(bind: prefixes))) \
                + CASE WHEN \(titleLike.joined(separator: " AND ")) THEN 1.0 ELSE 0.0 END) \
                * CASE WHEN language = \(bind: reader) THEN 2.0 ELSE 1.0 END) AS rank \
                FROM activity_search WHERE \(like.joined(separator: " AND ")) GROUP BY activity_id
                """
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
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
            for (language, title, body) in Self.searchTexts(activity) {
                try await sql.insert(into: "activity_search").columns("activity_id", "language", "title", "body")
                    .values(bind(activity.id), SQLBind(language.rawValue), SQLBind(title), SQLBind(body)).run()
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
                for activity in activities[range] {
                    for id in Set(activity.categoryIDs.map(\.description)).sorted() {
                        links.append(("activity_categories", "category_id", [bind(activity.id), SQLBind(id)]))
                    }
                    for id in Set(activity.areaIDs.map(\.description)).sorted() {
                        links.append(("activity_areas", "area_id", [bind(activity.id), SQLBind(id)]))
                    }
                    for code in Set(activity.languages.map(\.rawValue)).sorted() {
                        links.append(("activity_languages", "language", [bind(activity.id), SQLBind(code)]))
                    }
                    for (language, title, body) in Self.searchTexts(activity) {
                        texts.append([bind(activity.id), SQLBind(language.rawValue), SQLBind(title), SQLBind(body)])
                    }
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
                if !texts.isEmpty {
                    var insert = sql.insert(into: "activity_search").columns("activity_id", "language", "title", "body")
                    for row in texts { insert = insert.values(row) }
                    try await insert.run()
                }
            }
        }
    }

    /// One row per language the title or description is written in, folded for matching.
    static func searchTexts(_ activity: Activity) -> [(LanguageCode, String, String)] {
        let languages = Set(activity.title.languages + activity.description.languages).sorted()
        return languages.map { language in
            (
                language, SearchText.fold(activity.title.translations[language]?.text ?? ""),
                SearchText.fold(activity.description.translations[language]?.text ?? "")
            )
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
