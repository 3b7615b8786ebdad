import Domain

/// The bulletin board: open calls for partners (or closed ones with their outcome), filtered by area.
enum PartnerCallsIndexPage {
    struct Model {
        var city: City
        var calls: [PartnerCall]
        var areas: [Area]
        var filter: PartnerCallFilter
        var organisations: [OrganisationID: LocalizedText]
        var mayPost: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let areaNames = Dictionary(
            uniqueKeysWithValues: model.areas.map { ($0.id, Localized.string($0.name, context)) })
        let showingClosed = model.filter.status == .closed
        return Layout.page(title: t("stakeholders.calls.title"), context: context) {
            el("h1") { t("stakeholders.calls.title") }
            el("p", ["class": "lead"]) { t("stakeholders.calls.intro") }
            if model.mayPost {
                el("ul", ["class": "actions"]) {
                    el("li") { el("a", ["href": Route.newPartnerCall(city.slug).path]) { t("stakeholders.calls.new") } }
                }
            }
            el(
                "form",
                [
                    "method": "get", "action": Route.partnerCalls(city.slug).path, "class": "filters", "role": "search",
                    "aria-label": t("stakeholders.calls.filter"),
                ]
            ) {
                FormFields.select(
                    "status", label: t("stakeholders.calls.field.status"),
                    options: PartnerCall.Status.allCases.map {
                        ($0.rawValue, t("stakeholders.calls.status.\($0.rawValue)"))
                    },
                    selected: model.filter.status.rawValue, errors: .init(), t: t)
                FormFields.select(
                    "area", label: t("stakeholders.filter.area"),
                    options: [("", t("stakeholders.filter.any"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: model.areas.first { $0.id == model.filter.areaID }?.code ?? "", errors: .init(), t: t)
                el("button", ["type": "submit"]) { t("stakeholders.filter.submit") }
            }
            el("h2", ["id": "calls-heading"]) {
                t.plural(
                    showingClosed ? "stakeholders.calls.closed_count" : "stakeholders.calls.open_count",
                    count: model.calls.count)
            }
            if model.calls.isEmpty {
                el("p") { t("stakeholders.calls.none") }
            } else {
                el("ul", ["class": "card-list", "aria-labelledby": "calls-heading"]) {
                    for call in model.calls {
                        el("li", ["class": "card"]) {
                            el("h3") {
                                el("a", ["href": Route.partnerCall(city.slug, call.id).path]) {
                                    Localized.text(call.title, context)
                                }
                            }
                            el("p") {
                                model.organisations[call.organisationID].map { Localized.text($0, context) }
                                    ?? .fragment([])
                                if let deadline = call.deadline {
                                    " · "
                                    t("stakeholders.calls.deadline_on", ["date": deadline.description])
                                }
                                if let outcome = call.outcome {
                                    " "
                                    el("span", ["class": "tag"]) { t("stakeholders.calls.outcome.\(outcome.rawValue)") }
                                }
                            }
                            if !call.areaIDs.isEmpty {
                                el("p") {
                                    t(
                                        "stakeholders.index.areas",
                                        ["areas": call.areaIDs.compactMap { areaNames[$0] }.joined(separator: ", ")])
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
