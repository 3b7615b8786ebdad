import Domain

/// The city's anonymous monitoring of volunteering: volunteers and those engaged, by the background they chose
/// to give, by language and by training held. Counts under ten are shown as a dash.
enum VolunteeringMonitoringPage {
    struct Model {
        var city: City
        var monitoring: VolunteeringMonitoring
        var trainings: [Training]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let titles = Dictionary(model.trainings.map { ($0.id.description, $0.title) }) { first, _ in first }
        return Layout.page(title: t("volunteering.monitoring.title"), context: context) {
            el("h1") { t("volunteering.monitoring.title") }
            el("p", ["class": "lead"]) { t("volunteering.monitoring.intro") }
            table(
                id: "total", caption: t("matching.monitoring.total"), rows: [model.monitoring.total],
                label: { _ in t("matching.monitoring.all") }, context)
            table(
                id: "backgrounds", caption: t("volunteering.monitoring.by_background"),
                rows: model.monitoring.byBackground,
                label: { key in
                    key.map { t("volunteering.profile.background.\($0)") } ?? t("volunteering.monitoring.not_given")
                }, context)
            table(
                id: "languages", caption: t("matching.monitoring.by_language"), rows: model.monitoring.byLanguage,
                label: { key in key.flatMap(LanguageCode.init).map(LanguageNames.endonym) ?? "" }, context)
            el("p") { t("matching.monitoring.languages_overlap") }
            table(
                id: "trainings", caption: t("volunteering.monitoring.by_training"), rows: model.monitoring.trainings,
                label: { key in key.flatMap { titles[$0] }.map { Localized.string($0, context) } ?? "" }, context)
        }
    }

    static func table(
        id: String, caption: String, rows: [VolunteeringMonitoring.Row], label: (String?) -> String,
        _ context: PageContext
    ) -> Node {
        let t = context.t
        return ReferralMonitoringPage.countsTable(
            id: id, caption: caption,
            columns: [t("volunteering.monitoring.volunteers"), t("volunteering.monitoring.engaged")],
            rows: rows.map { (label($0.key), [$0.volunteers, $0.engaged]) }, context)
    }
}
