import Domain

/// Organising an event: what, who leads and who joins, where, when, registration and what it costs.
enum EventFormPage {
    struct Model {
        var city: City
        var editing: Event?
        /// Organisations the actor acts for: one of them leads.
        var acting: [Organisation]
        /// Every active organisation, as co-organisers.
        var organisations: [Organisation]
        var networks: [Network]
        var places: [Place]
        var areas: [Area]
        var input: EventInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title = model.editing == nil ? t("directory.events.new") : t("directory.events.edit")
        let action = model.editing.map { Route.editEvent(city.slug, $0.id).path } ?? Route.newEvent(city.slug).path
        func sorted(_ items: [(String, String)]) -> [(String, String)] {
            items.sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        }
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: errors, context: context) {
                FormFields.select(
                    "kind", label: t("directory.events.field.kind"),
                    options: Event.Kind.allCases.map { ($0.rawValue, t("directory.events.kind.\($0.rawValue)")) },
                    selected: input.kind, errors: errors, t: t)
                TranslatableFields.lines(
                    "title", legend: t("directory.activities.field.title"), languages: city.languages,
                    values: input.titles, errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "description", legend: t("stakeholders.field.description"), languages: city.languages,
                    values: input.descriptions, errors: errors, t: t)
                FormFields.select(
                    "lead", label: t("directory.events.field.lead"),
                    options: sorted(model.acting.map { ($0.id.description, Localized.string($0.name, context)) }),
                    selected: input.organisers.first ?? "", errors: errors, t: t)
                FormFields.checkboxes(
                    "organisers", legend: t("directory.events.field.co_organisers"),
                    options: sorted(
                        model.organisations.map { ($0.id.description, Localized.string($0.name, context)) }),
                    checked: Set(input.organisers.dropFirst()), errors: errors, t: t)
                FormFields.select(
                    "network", label: t("directory.events.field.network"),
                    options: [("", t("directory.events.no_network"))]
                        + sorted(model.networks.map { ($0.id.description, Localized.string($0.name, context)) }),
                    selected: input.network, errors: errors, t: t)
                FormFields.select(
                    "place", label: t("directory.activities.field.place"),
                    options: [("", t("directory.activities.no_place"))]
                        + sorted(model.places.map { ($0.id.description, Localized.string($0.name, context)) }),
                    selected: input.place, errors: errors, t: t)
                FormFields.select(
                    "area", label: t("directory.places.field.area"),
                    options: [("", t("directory.places.no_area"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: input.areaCode, errors: errors, t: t)
                FormFields.text(
                    "day", label: t("directory.events.field.day"), value: input.day, type: "date", errors: errors,
                    t: t)
                FormFields.hinted(
                    "from", label: t("directory.activities.field.from"), hint: t("directory.activities.time_hint"),
                    value: input.from, errors: errors, t: t)
                FormFields.hinted(
                    "until", label: t("directory.activities.field.until"), hint: t("directory.activities.time_hint"),
                    value: input.until, errors: errors, t: t)
                FormFields.checkbox(
                    "registration", label: t("directory.events.field.registration"), checked: input.registration,
                    errors: errors, t: t)
                FormFields.text(
                    "capacity", label: t("directory.activities.field.capacity"), value: input.capacity, type: "number",
                    required: false, errors: errors, t: t)
                FormFields.hinted(
                    "fee", label: t("directory.activities.field.fee"), hint: t("directory.activities.fee_hint"),
                    value: input.fee, errors: errors, t: t)
                FormFields.hinted(
                    "cost", label: t("directory.events.field.cost"), hint: t("directory.events.cost_hint"),
                    value: input.cost, errors: errors, t: t)
                FormFields.select(
                    "status", label: t("directory.activities.field.status"),
                    options: Event.Status.allCases.map { ($0.rawValue, t("directory.events.status.\($0.rawValue)")) },
                    selected: input.status, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
