import Domain
import Foundation

/// One place: what it is, how to get in, when it is open, its coming bookings, how much it is used, and a
/// booking request form for those who book for an organisation.
enum PlaceShowPage {
    struct Model {
        var city: City
        var place: Place
        var areas: [Area]
        var names: [OrganisationID: LocalizedText]
        var upcoming: [Booking]
        var usage: [PlaceUsage.Month]
        var bookingFor: [Organisation]
        var mayDecide: Bool
        var mayEdit: Bool
        var input: BookingInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let place = model.place
        return Layout.page(title: Localized.string(place.name, context), context: context) {
            el("h1") { Localized.text(place.name, context) }
            el("p") { el("span", ["class": "tag"]) { t("directory.places.kind.\(place.kind.rawValue)") } }
            if model.mayEdit {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editPlace(city.slug, place.id).path]) { t("directory.places.edit") }
                    }
                }
            }
            if !place.description.isEmpty { Localized.text(place.description, context, tag: "p") }
            facts(model, context)
            hours(place.hours, context)
            bookings(model, context)
            usage(model, context)
            if place.bookable && !model.bookingFor.isEmpty { requestForm(model, context) }
        }
    }

    static func facts(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let place = model.place
        return el("dl", ["class": "facts"]) {
            if !place.address.isEmpty {
                el("dt") { t("directory.places.field.address") }
                el("dd") { place.address }
            }
            if let area = model.areas.first(where: { $0.id == place.areaID }) {
                el("dt") { t("directory.places.field.area") }
                el("dd") { Localized.text(area.name, context) }
            }
            if let capacity = place.capacity {
                el("dt") { t("directory.places.field.capacity") }
                el("dd") { t.plural("directory.places.people", count: capacity) }
            }
            if let owner = place.ownerID, let name = model.names[owner] {
                el("dt") { t("directory.places.field.owner") }
                el("dd") {
                    el("a", ["href": Route.organisation(model.city.slug, owner).path]) { Localized.text(name, context) }
                }
            }
            el("dt") { t("directory.places.field.accessibility") }
            el("dd") {
                place.accessibility.isEmpty
                    ? t("directory.places.accessibility.unknown")
                    : place.accessibility.map { t("directory.places.accessibility.\($0.rawValue)") }.joined(
                        separator: ", ")
            }
            if let latitude = place.latitude, let longitude = place.longitude {
                el("dt") { t("directory.places.field.location") }
                el("dd") {
                    el(
                        "a",
                        [
                            "href":
                                "https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=17/\(latitude)/\(longitude)"
                        ]
                    ) { t("directory.places.on_map") }
                }
            }
        }
    }

    static func hours(_ hours: OpeningHours, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "hours-heading"]) {
            el("h2", ["id": "hours-heading"]) { t("directory.places.field.hours") }
            if hours.appointmentOnly {
                el("p") { t("directory.places.appointment_only") }
            } else if hours.weekly.isEmpty {
                el("p") { t("directory.places.hours_unknown") }
            } else {
                el("table") {
                    el("tbody") {
                        for day in 1...7 {
                            el("tr") {
                                el("th", ["scope": "row"]) { t("directory.weekday.\(day)") }
                                el("td") {
                                    (hours.weekly[day] ?? []).isEmpty
                                        ? t("directory.places.closed")
                                        : (hours.weekly[day] ?? []).map(\.description).joined(separator: ", ")
                                }
                            }
                        }
                    }
                }
            }
            if !hours.exceptions.isEmpty {
                el("h3") { t("directory.places.field.exceptions") }
                el("ul") {
                    for (day, spans) in hours.exceptions.sorted(by: { $0.key < $1.key }) {
                        el("li") {
                            day.description + " "
                                + (spans.isEmpty
                                    ? t("directory.places.closed") : spans.map(\.description).joined(separator: ", "))
                        }
                    }
                }
            }
        }
    }

    static func bookings(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let zone = TimeZone(identifier: model.city.timeZone) ?? .current
        let visible = model.upcoming.filter { booking in
            booking.status == .confirmed
                || ((booking.status == .requested)
                    && (model.mayDecide || model.bookingFor.contains { $0.id == booking.organisationID }))
        }
        return el("section", ["aria-labelledby": "bookings-heading"]) {
            el("h2", ["id": "bookings-heading"]) { t("directory.bookings.heading") }
            FormFields.errorList(model.errors.messages(for: "booking"), id: "field-booking", t: t)
            if visible.isEmpty {
                el("p") { t("directory.bookings.none") }
            } else {
                el("div", ["class": "table-scroll"]) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("directory.bookings.when") }
                                el("th", ["scope": "col"]) { t("directory.bookings.who") }
                                el("th", ["scope": "col"]) { t("directory.bookings.status") }
                            }
                        }
                        el("tbody") {
                            for booking in visible {
                                el("tr") {
                                    el("td") { period(booking, zone) }
                                    el("td") {
                                        model.names[booking.organisationID].map { Localized.text($0, context) }
                                            ?? .fragment([])
                                    }
                                    el("td") {
                                        t("directory.bookings.status.\(booking.status.rawValue)")
                                        actions(booking, model, context)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The decisions the reader may take on a booking: confirm or decline a request (the place's deciders),
    /// cancel one's own.
    @NodeBuilder
    static func actions(_ booking: Booking, _ model: Model, _ context: PageContext) -> [Node] {
        let t = context.t
        let slug = model.city.slug
        if model.mayDecide && booking.status == .requested {
            el("form", ["method": "post", "action": Route.confirmBooking(slug, booking.id).path, "class": "inline"]) {
                context.csrfField
                " "
                el("button", ["type": "submit", "class": "link-button"]) { t("directory.bookings.confirm") }
            }
            el("form", ["method": "post", "action": Route.declineBooking(slug, booking.id).path]) {
                context.csrfField
                el("label", ["for": "reason-\(booking.id)"]) { t("directory.bookings.reason") }
                void("input", ["id": "reason-\(booking.id)", "name": "reason", "type": "text"])
                el("button", ["type": "submit"]) { t("directory.bookings.decline") }
            }
        }
        if model.bookingFor.contains(where: { $0.id == booking.organisationID })
            && (booking.status == .requested || booking.status == .confirmed)
        {
            el("form", ["method": "post", "action": Route.cancelBooking(slug, booking.id).path, "class": "inline"]) {
                context.csrfField
                " "
                el("button", ["type": "submit", "class": "link-button"]) { t("directory.bookings.cancel") }
            }
        }
    }

    static func period(_ booking: Booking, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let clock = DateFormatter()
        clock.locale = formatter.locale
        clock.timeZone = zone
        clock.dateFormat = "HH:mm"
        return formatter.string(from: booking.start) + "–" + clock.string(from: booking.end)
    }

    static func usage(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let used = model.usage.filter { $0.bookings > 0 }
        return el("section", ["aria-labelledby": "usage-heading"]) {
            el("h2", ["id": "usage-heading"]) { t("directory.places.usage") }
            if used.isEmpty {
                el("p") { t("directory.places.usage_none") }
            } else {
                el("table") {
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { t("directory.places.month") }
                            el("th", ["scope": "col", "class": "number"]) { t("directory.places.bookings") }
                            el("th", ["scope": "col", "class": "number"]) { t("directory.places.hours") }
                        }
                    }
                    el("tbody") {
                        for month in used {
                            el("tr") {
                                el("th", ["scope": "row"]) { t("directory.month.\(month.month)") }
                                el("td", ["class": "number"]) { String(month.bookings) }
                                el("td", ["class": "number"]) { String(format: "%.1f", month.hours) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func requestForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.errors
        let input = model.input
        return el("section", ["aria-labelledby": "request-heading"]) {
            el("h2", ["id": "request-heading"]) { t("directory.bookings.request") }
            FormFields.post(
                to: Route.requestBooking(model.city.slug, model.place.id).path, errors: errors, context: context
            ) {
                FormFields.select(
                    "organisation", label: t("directory.bookings.for"),
                    options: model.bookingFor.map { ($0.id.description, Localized.string($0.name, context)) },
                    selected: input.organisation, errors: errors, t: t)
                FormFields.text(
                    "day", label: t("directory.bookings.day"), value: input.day, type: "date", errors: errors, t: t)
                FormFields.text(
                    "from", label: t("directory.bookings.from"), value: input.from, type: "time", errors: errors, t: t)
                FormFields.text(
                    "until", label: t("directory.bookings.until"), value: input.until, type: "time", errors: errors,
                    t: t)
                FormFields.text(
                    "purpose", label: t("directory.bookings.purpose"), value: input.purpose, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("directory.bookings.send") }
            }
        }
    }
}
