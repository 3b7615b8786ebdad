import Domain
import Foundation

/// How plan values read on a page: statuses, targets, values, organisation names, money.
enum PlanText {
    static func number(_ value: Double, language: LanguageCode) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 2
        return formatter.string(from: NSNumber(value: value)) ?? KPIInput.format(value)
    }

    /// A value with the KPI's unit; yes/no KPIs read yes or no.
    static func value(_ value: Double, kpi: KPI, t: Translator) -> String {
        if kpi.target == .yes { return value >= 1 ? t("plans.value.yes") : t("plans.value.no") }
        let number = number(value, language: t.language)
        return kpi.unit.isEmpty ? number : number + " " + kpi.unit
    }

    /// "at least 60 participants", "at most 1 500 €", "done".
    static func target(_ kpi: KPI, t: Translator) -> String {
        switch kpi.target {
        case .yes: return t("plans.target.yes")
        case .number(let goal):
            return t("plans.target.\(kpi.direction.rawValue)", ["value": value(goal, kpi: kpi, t: t)])
        }
    }

    static func status(_ status: KPIStatus, t: Translator) -> Node {
        el("span", ["class": "tag status-\(status.rawValue)"]) { t("plans.kpi_status.\(status.rawValue)") }
    }

    static func actionStatus(_ status: PlanAction.Status, t: Translator) -> Node {
        el("span", ["class": "tag action-\(status.rawValue)"]) { t("plans.action_status.\(status.rawValue)") }
    }

    static func organisations(
        _ ids: [OrganisationID], names: [OrganisationID: LocalizedText], city: City, context: PageContext
    ) -> Node {
        el("span") {
            for (index, id) in ids.enumerated() {
                if index > 0 { ", " }
                if let name = names[id] {
                    el("a", ["href": Route.organisation(city.slug, id).path]) { Localized.text(name, context) }
                } else {
                    context.t("plans.organisation.unknown")
                }
            }
        }
    }

    /// Lead agencies year by year, folding years with the same leads: "2018: A · 2019: B, C".
    static func leads(
        _ action: PlanAction, names: [OrganisationID: LocalizedText], city: City, context: PageContext
    ) -> Node {
        el("span") {
            for (index, year) in action.leads.keys.sorted().enumerated() {
                if index > 0 { " · " }
                "\(year): "
                organisations(action.leads[year] ?? [], names: names, city: city, context: context)
            }
        }
    }

    static func euros(_ cents: Int, language: LanguageCode) -> String {
        number(Double(cents) / 100, language: language) + " €"
    }

    static func years(_ first: Int, _ last: Int) -> String {
        first == last ? String(first) : "\(first)–\(last)"
    }

    /// The option lists of a select of the city's organisations, with an empty choice first.
    static func organisationOptions(
        _ organisations: [Organisation], context: PageContext, empty: String
    ) -> [(value: String, label: String)] {
        [("", empty)]
            + organisations.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedCompare($1.1) == .orderedAscending }
    }

    /// A select that takes several values, labelled and tied to its errors.
    static func multiSelect(
        _ name: String, label: String, hint: String?, options: [(value: String, label: String)],
        selected: Set<String>, errors: ValidationErrors, t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        let id = "field-" + name
        let described = ([hint == nil ? nil : id + "-hint", messages.isEmpty ? nil : id + "-errors"] as [String?])
            .compactMap { $0 }.joined(separator: " ")
        return el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
            el("label", ["for": id]) { label }
            if let hint { el("p", ["class": "hint", "id": id + "-hint"]) { hint } }
            FormFields.errorList(messages, id: id, t: t)
            el(
                "select",
                [
                    "id": id, "name": name, "multiple": "multiple", "size": "5",
                    "aria-invalid": messages.isEmpty ? nil : "true",
                    "aria-describedby": described.isEmpty ? nil : described,
                ]
            ) {
                for option in options where !option.value.isEmpty {
                    el(
                        "option",
                        ["value": option.value, "selected": selected.contains(option.value) ? "selected" : nil]
                    ) {
                        option.label
                    }
                }
            }
        }
    }
}
