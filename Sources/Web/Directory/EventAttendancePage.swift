import Domain

/// For organisers: who registered (names and addresses, kept for this event only) and who came, by sector
/// and by name.
enum EventAttendancePage {
    struct Model {
        var city: City
        var event: Event
        var registrations: [Registration]
        /// Sector code → the number as typed.
        var counts: [String: String]
        var started: Bool
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let title = t("directory.events.attendance")
        let active = model.registrations.filter { $0.status != .cancelled }
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            el("p") {
                el("a", ["href": Route.event(city.slug, model.event.id).path]) {
                    Localized.text(model.event.title, context)
                }
                ", " + EventText.when(model.event, city: city, language: context.language)
            }
            el("form", ["method": "post", "action": Route.eventAttendance(city.slug, model.event.id).path]) {
                context.csrfField
                FormFields.summary(model.errors, t: t)
                FormFields.errorList(model.errors.messages(for: "attendance"), id: "field-attendance", t: t)
                if !model.started { el("p") { t("directory.events.attendance_later") } }
                el("fieldset", ["class": "field"]) {
                    el("legend") { t("directory.events.by_sector") }
                    for sector in Attendance.Sector.allCases {
                        FormFields.text(
                            "count_\(sector.rawValue)", label: t("directory.events.sector.\(sector.rawValue)"),
                            value: model.counts[sector.rawValue] ?? "", type: "number", required: false,
                            errors: model.errors, t: t)
                    }
                }
                el("h2", ["id": "registrations-heading"]) {
                    t.plural("directory.events.registrations", count: active.count)
                }
                if active.isEmpty {
                    el("p") { t("directory.events.no_registrations") }
                } else {
                    FormFields.checkboxes(
                        "attended", legend: t("directory.events.attended"),
                        options: active.map {
                            (
                                $0.id.description,
                                "\($0.name) <\($0.email)>"
                                    + ($0.status == .waitlisted ? " – " + t("directory.events.waitlisted") : "")
                            )
                        }, checked: Set(active.filter(\.attended).map(\.id.description)), errors: model.errors, t: t)
                }
                el("button", ["type": "submit"]) { t("directory.events.save_attendance") }
            }
        }
    }
}

/// A registration as its holder sees it, behind the link in their email: the event, whether they have a place
/// or wait, and a button to cancel.
enum RegistrationPage {
    struct Model {
        var city: City
        var event: Event
        var registration: Registration
        var token: String
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let title = t("directory.events.your_registration")
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            el("p") {
                el("a", ["href": Route.event(model.city.slug, model.event.id).path]) {
                    Localized.text(model.event.title, context)
                }
                ", " + EventText.when(model.event, city: model.city, language: context.language)
            }
            el("p") { t("directory.events.registration_status.\(model.registration.status.rawValue)") }
            if model.registration.status != .cancelled {
                el("form", ["method": "post", "action": Route.cancelRegistration(model.city.slug, model.token).path]) {
                    context.csrfField
                    el("button", ["type": "submit"]) { t("directory.events.cancel_registration") }
                }
            }
        }
    }
}
