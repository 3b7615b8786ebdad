import Domain
import SQLKit

/// Listing and searching activities.
///
/// A listing without words reads `activities`, in the order of the `activities_listing` index. A search reads
/// `activity_search`: a row per language an activity is written in, carrying its folded title and description
/// and the listing's filter and sort columns, so matches are filtered and ranked without reading their
/// activities; only the activities on the page are read. The engines differ only in how rows are matched:
/// SQLite's FTS5 table `activity_search_text` indexes trigrams of the texts; PostgreSQL's `LIKE '%…%'` uses a
/// trigram index. Both find a part of a compound word.
///
/// Ranking: a row whose title holds every word comes before one that needs the description; a row in the
/// reader's language before another language; then by title. An activity takes its best row.
extension SQLActivityRepository {
    public func search(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [Activity] {
        guard query.terms.isEmpty else {
            return try await find(ids: try await searchIDs(query, offset: offset, limit: limit))
        }
        return try await listing(query, offset: offset, limit: limit, columns: Self.columns).map(Self.activity)
    }

    public func searchIDs(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [ActivityID] {
        // Bounded well below overflow of the sums and products below, and far above any real page.
        let (offset, limit) = (min(max(0, offset), 1 << 30), min(max(0, limit), 1 << 30))
        guard let matches = matches(query, ranked: true) else {
            return try await listing(query, offset: offset, limit: limit, columns: ["id"]).map { try $0.id("id") }
        }
        return try await rankedIDs(matches, query, through: offset + limit).dropFirst(offset)
            .compactMap(ActivityID.init(string:))
    }

    public func find(ids: [ActivityID]) async throws -> [Activity] {
        guard !ids.isEmpty else { return [] }
        let found = try await database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("activities")
            .where("id", .in, ids.map(\.description)).all().map(Self.activity)
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// A listing without words, in title order.
    private func listing(_ query: ActivityQuery, offset: Int, limit: Int, columns: [String]) async throws
        -> [any SQLRow]
    {
        let (offset, limit) = (min(max(0, offset), 1 << 30), min(max(0, limit), 1 << 30))
        let columns = SQLQueryString(columns.map { "a.\($0)" }.joined(separator: ", "))
        return try await database.sql.raw(
            """
            SELECT \(columns) FROM activities a WHERE \(conditions(query, on: .activities)) \
            ORDER BY a.sort_title, a.id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        ).all()
    }

    public func count(_ query: ActivityQuery) async throws -> Int {
        let row: (any SQLRow)?
        if let matches = matches(query, ranked: false) {
            row = try await database.sql.raw(
                """
                SELECT COUNT(DISTINCT e.activity_id) AS n FROM \(matches.rows) \
                AND \(conditions(query, on: .searchRows))
                """
            ).first()
        } else {
            row = try await database.sql.raw(
                "SELECT COUNT(*) AS n FROM activities a WHERE \(conditions(query, on: .activities))"
            ).first()
        }
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// The ids of the best `count` activities of a search, in order. Rows are translations, so one activity may
    /// come more than once: the rows are read best first, `LIMIT`ed so the engine keeps only the best, and read
    /// again with a larger limit while repeats leave too few activities.
    private func rankedIDs(_ matches: Matches, _ query: ActivityQuery, through count: Int) async throws -> [String] {
        guard count > 0 else { return [] }
        let reader = query.readerLanguage.rawValue
        var rows = max(count * 2, 20)
        while true {
            let found = try await database.sql.raw(
                """
                SELECT e.activity_id, \(matches.tier) * 2 + CASE WHEN e.language = \(bind: reader) THEN 0 ELSE 1 END \
                AS rank FROM \(matches.rows) AND \(conditions(query, on: .searchRows)) \
                ORDER BY rank, e.sort_title, e.activity_id LIMIT \(bind: rows)
                """
            ).all().map { try $0.decode(column: "activity_id", as: String.self) }
            var seen = Set<String>()
            let ids = found.filter { seen.insert($0).inserted }
            if ids.count >= count || found.count < rows { return Array(ids.prefix(count)) }
            rows *= 4
        }
    }

    /// How a search's rows are found: `rows` names `activity_search e` (continuing with a condition, to be
    /// followed by `AND`), and `tier` is 0 for a row whose title holds every word, else 1. `nil` without words.
    struct Matches {
        var rows: SQLQueryString
        var tier: SQLQueryString
    }

    private func matches(_ query: ActivityQuery, ranked: Bool) -> Matches? {
        let terms = query.terms.prefix(8)
        guard !terms.isEmpty else { return nil }
        switch database.engine {
        case .sqlite:
            // Two FTS5 queries, one for titles holding every word and one for the other matches, so the tier
            // comes from the index instead of from reading each text. Counting needs no tier.
            let all = "(" + terms.map { "\"\($0)\"" }.joined(separator: " AND ") + ")"
            let found: SQLQueryString =
                ranked
                ? """
                SELECT rowid AS id, 0 AS tier FROM activity_search_text \
                WHERE activity_search_text MATCH \(bind: "{title} : " + all) UNION ALL \
                SELECT rowid AS id, 1 AS tier FROM activity_search_text \
                WHERE activity_search_text MATCH \(bind: all + " NOT {title} : " + all)
                """
                : "SELECT rowid AS id, 1 AS tier FROM activity_search_text WHERE activity_search_text MATCH \(bind: all)"
            // `CROSS JOIN` keeps the matches as the outer loop: SQLite would otherwise scan the city's rows.
            return Matches(rows: "(\(found)) m CROSS JOIN activity_search e WHERE e.id = m.id", tier: "m.tier")
        case .postgres:
            func like(_ column: SQLQueryString) -> SQLQueryString {
                terms.map { "\(column) LIKE \(bind: "%" + Self.escapeLike($0) + "%") ESCAPE '\\'" }
                    .joined(separator: " AND ")
            }
            return Matches(
                rows: "activity_search e WHERE \(like("(e.title || ' ' || e.body)"))",
                tier: "CASE WHEN \(like("e.title")) THEN 0 ELSE 1 END")
        }
    }

    /// The table a listing's filters apply to: `activities a`, or the search rows `activity_search e`, which
    /// carry the same columns and name their activity `activity_id`.
    enum Filtered {
        case activities
        case searchRows
    }

    /// The filters every listing applies.
    private func conditions(_ query: ActivityQuery, on table: Filtered) -> SQLQueryString {
        let (t, id): (SQLQueryString, SQLQueryString) = table == .activities ? ("a", "a.id") : ("e", "e.activity_id")
        var parts: [SQLQueryString] = [
            "\(t).city_id = \(bind: query.city.description)",
            "\(t).status IN (\(binds: query.statuses.map(\.rawValue).sorted()))",
        ]
        if let kind = query.kind { parts.append("\(t).kind = \(bind: kind.rawValue)") }
        if let organisation = query.organisationID {
            parts.append("\(t).organisation_id = \(bind: organisation.description)")
        }
        if let category = query.categoryID {
            parts.append(
                """
                EXISTS (SELECT 1 FROM activity_categories c WHERE c.activity_id = \(id) \
                AND c.category_id = \(bind: category.description))
                """)
        }
        if let area = query.areaID {
            parts.append(
                """
                EXISTS (SELECT 1 FROM activity_areas r WHERE r.activity_id = \(id) \
                AND r.area_id = \(bind: area.description))
                """)
        }
        if let language = query.language {
            parts.append(
                """
                EXISTS (SELECT 1 FROM activity_languages l WHERE l.activity_id = \(id) \
                AND l.language = \(bind: language.rawValue))
                """)
        }
        if let group = query.targetGroup {
            parts.append("\(t).target_groups LIKE \(bind: "%\"\(group.rawValue)\"%")")
        }
        if query.freeOnly { parts.append("\(t).fee_cents = 0") }
        if query.referralEligibleOnly { parts.append("\(t).referral_eligible = 1") }
        if query.accessibleOnly {
            parts.append(
                """
                EXISTS (SELECT 1 FROM places p WHERE p.id = \(t).place_id \
                AND p.accessibility LIKE \(bind: "%\"step_free\"%"))
                """)
        }
        if let day = query.notEndedBefore ?? query.from {
            parts.append("(\(t).last_day IS NULL OR \(t).last_day >= \(bind: day.ordinal))")
        }
        if let day = query.through { parts.append("\(t).first_day <= \(bind: day.ordinal)") }
        if query.from != nil || query.through != nil { parts.append("\(t).first_day IS NOT NULL") }
        return parts.joined(separator: " AND ")
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
