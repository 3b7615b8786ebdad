import Domain
import Foundation
import Hummingbird

/// The "What's on" filters as they arrive in a query string, shared by the page, the API and the calendar feed.
struct ActivityFilter: Hashable, Sendable {
    var text = ""
    var kind = ""
    var category = ""
    var area = ""
    var language = ""
    var group = ""
    var from = ""
    var through = ""
    var free = false
    var accessible = false
    /// 1-based, for pages.
    var page = 1

    static let pageSize = 20

    init() {}

    init(_ request: Request) {
        let query = request.uri.queryParameters
        func value(_ name: String) -> String {
            String(query.get(name)?.trimmingCharacters(in: .whitespaces).prefix(100) ?? "")
        }
        text = value("q")
        kind = value("kind")
        category = value("category")
        area = value("area")
        language = value("language")
        group = value("group")
        from = value("from")
        through = value("through")
        free = value("free") == "yes"
        accessible = value("accessible") == "yes"
        page = Int(value("page")).map { max(1, min($0, 10_000)) } ?? 1
    }

    /// The query the filters ask for, or the fields that are wrong. Unknown codes are errors too, so a
    /// mistyped link does not silently list everything.
    func query(
        city: City, reader: LanguageCode, categories: [Domain.Category], areas: [Area]
    ) -> (ActivityQuery, ValidationErrors) {
        var errors = ValidationErrors()
        var query = ActivityQuery(city: city.id, text: text, readerLanguage: reader)
        query.kind = errors.lookup(kind, field: "kind", "directory.errors.activity_kind.invalid") {
            Activity.Kind(rawValue: $0)
        }
        query.categoryID = errors.lookup(category, field: "category", "directory.errors.category.unknown") { code in
            categories.first { $0.code == code }?.id
        }
        query.areaID = errors.lookup(area, field: "area", "stakeholders.errors.areas.unknown") { code in
            areas.first { $0.code == code }?.id
        }
        query.language = errors.lookup(language, field: "language", "stakeholders.errors.languages.invalid") {
            LanguageCode($0)
        }
        query.targetGroup = errors.lookup(group, field: "group", "directory.errors.target_group.invalid") {
            Activity.TargetGroup(rawValue: $0)
        }
        if !from.isEmpty {
            query.from = CalendarDay(from)
            errors.require(query.from != nil, "stakeholders.errors.date.invalid", field: "from")
        }
        if !through.isEmpty {
            query.through = CalendarDay(through)
            errors.require(query.through != nil, "stakeholders.errors.date.invalid", field: "through")
        }
        if let from = query.from, let through = query.through {
            errors.require(from <= through, "stakeholders.errors.period.reversed", field: "through")
        }
        query.freeOnly = free
        query.accessibleOnly = accessible
        return (query, errors)
    }

    /// The query string that gives these filters (and another page).
    func queryString(page: Int? = nil) -> String {
        var items: [(String, String)] = [
            ("q", text), ("kind", kind), ("category", category), ("area", area), ("language", language),
            ("group", group), ("from", from), ("through", through), ("free", free ? "yes" : ""),
            ("accessible", accessible ? "yes" : ""),
        ]
        if let page, page > 1 { items.append(("page", String(page))) }
        let encoded = items.filter { !$0.1.isEmpty }.map { "\($0.0)=\(Self.encode($0.1))" }
        return encoded.isEmpty ? "" : "?" + encoded.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
