import Domain
import Foundation

/// One event: when and where, who organises it, places left, the registration form while it is open, and how
/// many came once it is over.
enum EventShowPage {
    struct Model {
        var city: City
        var event: Event
        var organisations: [OrganisationID: LocalizedText]
        var place: Place?
        var network: Network?
        var registered: Int
        var attendance: Int
        var now: Date
        var mayOrganise: Bool
        var input: RegistrationInput
        var errors: ValidationErrors
    }

    /// Below this, how many came is not shown publicly: a handful of people could be told apart.
    static let smallestShownAttendance = 10

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let event = model.event
        return Layout.page(title: Localized.string(event.title, context), context: context) {
            el("h1") { Localized.text(event.title, context) }
            el("p") {
                el("span", ["class": "tag"]) { t("directory.events.kind.\(event.kind.rawValue)") }
                if event.status != .published {
                    " "
                    el("span", ["class": "tag"]) { t("directory.events.status.\(event.status.rawValue)") }
                }
            }
            if model.mayOrganise {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editEvent(city.slug, event.id).path]) { t("directory.events.edit") }
                    }
                    el("li") {
                        el("a", ["href": Route.eventAttendance(city.slug, event.id).path]) {
                            t("directory.events.attendance")
                        }
                    }
                }
            }
            if !event.description.isEmpty { Localized.text(event.description, context, tag: "p") }
            facts(model, context)
            if EventText.registrationOpen(event, now: model.now) { registrationForm(model, context) }
        }
    }

    static func facts(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let event = model.event
        return el("dl", ["class": "facts"]) {
            el("dt") { t("directory.events.when") }
            el("dd") { EventText.when(event, city: city, language: context.language) }
            if let place = model.place {
                el("dt") { t("directory.activities.field.place") }
                el("dd") {
                    el("a", ["href": Route.place(city.slug, place.id).path]) { Localized.text(place.name, context) }
                    if !place.address.isEmpty { ", " + place.address }
                }
            }
            el("dt") { t("directory.events.field.organisers") }
            el("dd") {
                for (index, id) in event.organiserIDs.enumerated() {
                    if index > 0 { ", " }
                    if let name = model.organisations[id] {
                        el("a", ["href": Route.organisation(city.slug, id).path]) { Localized.text(name, context) }
                    }
                }
            }
            if let network = model.network {
                el("dt") { t("directory.events.field.network") }
                el("dd") {
                    el("a", ["href": Route.network(city.slug, network.id).path]) {
                        Localized.text(network.name, context)
                    }
                }
            }
            el("dt") { t("directory.activities.field.fee") }
            el("dd") {
                event.feeCents == 0
                    ? t("directory.activities.free")
                    : t("directory.activities.fee", ["amount": ActivityInput.euros(event.feeCents)])
            }
            if let capacity = event.capacity, event.registration {
                el("dt") { t("directory.events.places_left") }
                el("dd") {
                    model.registered >= capacity
                        ? t("directory.events.full") : String(capacity - model.registered)
                }
            }
            if event.end <= model.now && model.attendance >= smallestShownAttendance {
                el("dt") { t("directory.events.came") }
                el("dd") { t.plural("directory.places.people", count: model.attendance) }
            }
        }
    }

    static func registrationForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.errors
        return el("section", ["aria-labelledby": "register-heading"]) {
            el("h2", ["id": "register-heading"]) { t("directory.events.register") }
            if let capacity = model.event.capacity, model.registered >= capacity {
                el("p") { t("directory.events.waitlist_note") }
            }
            FormFields.post(
                to: Route.registerForEvent(model.city.slug, model.event.id).path, errors: errors, context: context
            ) {
                FormFields.errorList(errors.messages(for: "registration"), id: "field-registration", t: t)
                FormFields.text(
                    "name", label: t("directory.events.field.name"),
                    value: model.input.name.isEmpty ? context.actor?.person.displayName ?? "" : model.input.name,
                    autocomplete: "name", errors: errors, t: t)
                FormFields.text(
                    "email", label: t("directory.events.field.email"),
                    value: model.input.email.isEmpty ? context.actor?.person.email ?? "" : model.input.email,
                    type: "email", autocomplete: "email", errors: errors, t: t)
                FormFields.checkbox(
                    "consent", label: t("directory.events.consent"), checked: model.input.consent, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("directory.events.register_button") }
            }
        }
    }
}
