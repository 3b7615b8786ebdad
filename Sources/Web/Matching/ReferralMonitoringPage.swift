import Domain

/// How many newcomers were referred, matched and took part, in total, by area and by language. Counts under ten
/// are shown as a dash, and so is one more where a total would give a hidden count away.
enum ReferralMonitoringPage {
    struct Model {
        var city: City
        var monitoring: ReferralMonitoring
        var areas: [String: Area]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("matching.monitoring.title"), context: context) {
            el("h1") { t("matching.monitoring.title") }
            el("p", ["class": "lead"]) { t("matching.monitoring.intro") }
            table(
                id: "total", caption: t("matching.monitoring.total"), rows: [model.monitoring.total],
                label: { _ in t("matching.monitoring.all") }, context)
            table(
                id: "areas", caption: t("matching.monitoring.by_area"), rows: model.monitoring.byArea,
                label: { key in
                    key.flatMap { model.areas[$0] }.map { "\($0.code) " + Localized.string($0.name, context) }
                        ?? t("matching.monitoring.unknown_area")
                }, context)
            table(
                id: "languages", caption: t("matching.monitoring.by_language"), rows: model.monitoring.byLanguage,
                label: { key in key.flatMap(LanguageCode.init).map(LanguageNames.endonym) ?? "" }, context)
            el("p") { t("matching.monitoring.languages_overlap") }
        }
    }

    static func table(
        id: String, caption: String, rows: [ReferralMonitoring.Row], label: (String?) -> String,
        _ context: PageContext
    ) -> Node {
        let t = context.t
        return countsTable(
            id: id, caption: caption,
            columns: [
                t("matching.monitoring.referred"), t("matching.monitoring.matched"),
                t("matching.monitoring.participating"),
            ], rows: rows.map { (label($0.key), [$0.referred, $0.matched, $0.participating]) }, context)
    }

    /// A table of counts about people, one labelled row per group; a hidden count reads as a dash with its reason
    /// for screen readers. It scrolls inside its own region on a narrow screen.
    static func countsTable(
        id: String, caption: String, columns: [String], rows: [(label: String, counts: [Int?])], _ context: PageContext
    ) -> Node {
        let t = context.t
        return el(
            "div", ["class": "table-scroll", "role": "region", "aria-labelledby": "\(id)-caption", "tabindex": "0"]
        ) {
            el("table") {
                el("caption", ["id": "\(id)-caption"]) { caption }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("matching.monitoring.group") }
                        for column in columns { el("th", ["scope": "col"]) { column } }
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            el("th", ["scope": "row"]) { row.label }
                            for count in row.counts { el("td") { ReferralText.count(count, t: t) } }
                        }
                    }
                }
            }
        }
    }
}
