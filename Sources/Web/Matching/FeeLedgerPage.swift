import Domain

/// The fee ledger for a period: one line per referred newcomer's first participation in a paid activity, with
/// totals per organisation, and the same as CSV for payment.
enum FeeLedgerPage {
    struct Model {
        var city: City
        var organisations: [Organisation]
        var organisation: String
        var from: String
        var through: String
        var entries: [FeeLedgerEntry]
        var activities: [ActivityID: LocalizedText]
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let names = Dictionary(model.organisations.map { ($0.id, $0.name) }) { first, _ in first }
        let query = "?organisation=\(model.organisation)&from=\(model.from)&through=\(model.through)"
        return Layout.page(title: t("matching.ledger.title"), context: context) {
            el("h1") { t("matching.ledger.title") }
            el("p", ["class": "lead"]) { t("matching.ledger.intro") }
            el("form", ["method": "get", "action": Route.feeLedger(city.slug).path]) {
                FormFields.summary(model.errors, t: t)
                FormFields.select(
                    "organisation", label: t("matching.ledger.organisation"),
                    options: [("", t("matching.ledger.all_organisations"))]
                        + model.organisations.map { ($0.id.description, Localized.string($0.name, context)) },
                    selected: model.organisation, errors: model.errors, t: t)
                ReferralText.period(from: model.from, through: model.through, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("matching.ledger.show") }
            }
            if model.errors.isEmpty {
                el("p") { el("a", ["href": Route.feeLedgerCSV(city.slug).path + query]) { t("matching.ledger.csv") } }
                totals(model, names, context)
                entries(model, names, context)
            }
        }
    }

    static func totals(_ model: Model, _ names: [OrganisationID: LocalizedText], _ context: PageContext) -> Node {
        let t = context.t
        let sums = Dictionary(grouping: model.entries, by: \.organisationID).mapValues {
            (count: $0.count, cents: $0.map(\.amountCents).reduce(0, +))
        }
        return el("section", ["aria-labelledby": "totals-heading"]) {
            el("h2", ["id": "totals-heading"]) { t("matching.ledger.totals") }
            if sums.isEmpty {
                el("p") { t("matching.ledger.none") }
            } else {
                el("div", ["class": "table-scroll"]) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("matching.ledger.organisation") }
                                el("th", ["scope": "col"]) { t("matching.ledger.participants") }
                                el("th", ["scope": "col"]) { t("matching.ledger.amount") }
                            }
                        }
                        el("tbody") {
                            for (id, sum) in sums.sorted(by: { $0.key.description < $1.key.description }) {
                                el("tr") {
                                    el("th", ["scope": "row"]) {
                                        names[id].map { Localized.text($0, context) } ?? .text(id.description)
                                    }
                                    el("td") { String(sum.count) }
                                    el("td") { ReferralText.euros(sum.cents, language: context.language) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func entries(_ model: Model, _ names: [OrganisationID: LocalizedText], _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "entries-heading"]) {
            el("h2", ["id": "entries-heading"]) { t("matching.ledger.entries") }
            if !model.entries.isEmpty {
                el("div", ["class": "table-scroll"]) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("matching.ledger.day") }
                                el("th", ["scope": "col"]) { t("matching.ledger.organisation") }
                                el("th", ["scope": "col"]) { t("matching.ledger.activity") }
                                el("th", ["scope": "col"]) { t("matching.ledger.newcomer") }
                                el("th", ["scope": "col"]) { t("matching.ledger.amount") }
                            }
                        }
                        el("tbody") {
                            for entry in model.entries {
                                el("tr") {
                                    el("td") { entry.day.description }
                                    el("td") {
                                        names[entry.organisationID].map { Localized.text($0, context) } ?? .fragment([])
                                    }
                                    el("td") {
                                        model.activities[entry.activityID].map { Localized.text($0, context) }
                                            ?? .fragment([])
                                    }
                                    el("td") { ReferralText.pseudonym(entry.pseudonym) }
                                    el("td") { ReferralText.euros(entry.amountCents, language: context.language) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
