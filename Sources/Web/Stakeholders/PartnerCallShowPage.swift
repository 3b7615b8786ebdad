import Domain
import Foundation

/// One partner call: what is needed and offered; the answers the reader may see; answering; closing.
enum PartnerCallShowPage {
    struct Model {
        var city: City
        var call: PartnerCall
        var areas: [Area]
        var organisations: [OrganisationID: LocalizedText]
        var answers: [PartnerCallAnswer]
        /// Organisations the reader may answer for (not the poster).
        var answeringFor: [Organisation]
        var partnerOptions: [Organisation]
        var mayManage: Bool
        var answerInput: (organisation: String, message: String)
        var closing: PartnerCallClosing
        var answerErrors: ValidationErrors
        var closeErrors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let call = model.call
        let areaNames = Dictionary(
            uniqueKeysWithValues: model.areas.map { ($0.id, Localized.string($0.name, context)) })
        return Layout.page(title: Localized.string(call.title, context), context: context) {
            el("h1") { Localized.text(call.title, context) }
            el("p") {
                el("a", ["href": Route.organisation(city.slug, call.organisationID).path]) {
                    model.organisations[call.organisationID].map { Localized.text($0, context) } ?? .fragment([])
                }
                " "
                el("span", ["class": "tag"]) { t("stakeholders.calls.status.\(call.status.rawValue)") }
            }
            if model.mayManage && call.status == .open {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editPartnerCall(city.slug, call.id).path]) {
                            t("stakeholders.calls.edit")
                        }
                    }
                }
            }
            el("h2") { t("stakeholders.calls.field.needs") }
            Localized.text(call.needs, context, tag: "p")
            if !call.offers.isEmpty {
                el("h2") { t("stakeholders.calls.field.offers") }
                Localized.text(call.offers, context, tag: "p")
            }
            el("dl", ["class": "facts"]) {
                el("dt") { t("stakeholders.field.areas") }
                el("dd") {
                    call.areaIDs.isEmpty
                        ? t("stakeholders.calls.whole_city")
                        : call.areaIDs.compactMap { areaNames[$0] }.joined(separator: ", ")
                }
                el("dt") { t("stakeholders.calls.field.deadline") }
                el("dd") { call.deadline?.description ?? t("stakeholders.calls.no_deadline") }
                if let outcome = call.outcome {
                    el("dt") { t("stakeholders.calls.field.outcome") }
                    el("dd") { t("stakeholders.calls.outcome.\(outcome.rawValue)") }
                }
                if let partner = call.partnerID, let name = model.organisations[partner] {
                    el("dt") { t("stakeholders.calls.field.partner") }
                    el("dd") {
                        el("a", ["href": Route.organisation(city.slug, partner).path]) { Localized.text(name, context) }
                    }
                }
                if !call.outcomeNote.isEmpty {
                    el("dt") { t("stakeholders.calls.field.note") }
                    el("dd") { call.outcomeNote }
                }
            }
            if !model.answers.isEmpty {
                el("section", ["aria-labelledby": "answers-heading"]) {
                    el("h2", ["id": "answers-heading"]) {
                        t.plural("stakeholders.calls.answer_count", count: model.answers.count)
                    }
                    el("ul", ["class": "card-list"]) {
                        for answer in model.answers {
                            el("li", ["class": "card"]) {
                                el("h3") {
                                    el("a", ["href": Route.organisation(city.slug, answer.organisationID).path]) {
                                        model.organisations[answer.organisationID].map { Localized.text($0, context) }
                                            ?? .fragment([])
                                    }
                                }
                                el("p", ["class": "hint"]) { CalendarDay(answer.createdAt).description }
                                el("p") { answer.message }
                            }
                        }
                    }
                }
            }
            if call.status == .open && !model.answeringFor.isEmpty { answerForm(model, context) }
            if call.status == .open && model.mayManage { closeForm(model, context) }
        }
    }

    static func answerForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.answerErrors
        return el("section", ["aria-labelledby": "answer-heading"]) {
            el("h2", ["id": "answer-heading"]) { t("stakeholders.calls.answer") }
            el("p", ["class": "hint"]) { t("stakeholders.calls.answer_hint") }
            FormFields.post(
                to: Route.answerPartnerCall(model.city.slug, model.call.id).path, errors: errors, context: context
            ) {
                FormFields.select(
                    "organisation", label: t("stakeholders.calls.field.answering_for"),
                    options: model.answeringFor.map { ($0.id.description, Localized.string($0.name, context)) },
                    selected: model.answerInput.organisation, errors: errors, t: t)
                FormFields.textarea(
                    "message", label: t("stakeholders.calls.field.message"), value: model.answerInput.message,
                    errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.calls.send_answer") }
            }
        }
    }

    static func closeForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.closeErrors
        let partners = model.partnerOptions.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        return el("section", ["aria-labelledby": "close-heading"]) {
            el("h2", ["id": "close-heading"]) { t("stakeholders.calls.close") }
            FormFields.post(
                to: Route.closePartnerCall(model.city.slug, model.call.id).path, errors: errors, context: context
            ) {
                FormFields.select(
                    "outcome", label: t("stakeholders.calls.field.outcome"),
                    options: PartnerCall.Outcome.allCases.map {
                        ($0.rawValue, t("stakeholders.calls.outcome.\($0.rawValue)"))
                    }, selected: model.closing.outcome, errors: errors, t: t)
                FormFields.select(
                    "partner", label: t("stakeholders.calls.field.partner"),
                    options: [("", t("stakeholders.calls.partner_none"))] + partners,
                    selected: model.closing.partner, errors: errors, t: t)
                FormFields.textarea(
                    "note", label: t("stakeholders.calls.field.note"), value: model.closing.note, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.calls.close") }
            }
        }
    }
}
