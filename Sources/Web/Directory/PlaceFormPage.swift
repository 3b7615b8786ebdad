import Domain

/// Adding or describing a place of encounter.
enum PlaceFormPage {
    struct Model {
        var city: City
        var editing: Place?
        var areas: [Area]
        /// Organisations the actor may name as owner.
        var owners: [Organisation]
        var mayLeaveOwnerless: Bool
        var input: PlaceInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title = model.editing == nil ? t("directory.places.new") : t("directory.places.edit")
        let action = model.editing.map { Route.editPlace(city.slug, $0.id).path } ?? Route.newPlace(city.slug).path
        let owners = model.owners.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: errors, context: context) {
                FormFields.select(
                    "kind", label: t("directory.places.field.kind"),
                    options: Place.Kind.allCases.map { ($0.rawValue, t("directory.places.kind.\($0.rawValue)")) },
                    selected: input.kind, errors: errors, t: t)
                TranslatableFields.lines(
                    "name", legend: t("stakeholders.field.name"), languages: city.languages, values: input.names,
                    errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "description", legend: t("stakeholders.field.description"), languages: city.languages,
                    values: input.descriptions, errors: errors, t: t)
                FormFields.select(
                    "owner", label: t("directory.places.field.owner"),
                    options: (model.mayLeaveOwnerless ? [("", t("directory.places.no_owner"))] : []) + owners,
                    selected: input.owner, errors: errors, t: t)
                FormFields.text(
                    "address", label: t("directory.places.field.address"), value: input.address,
                    autocomplete: "street-address", required: false, errors: errors, t: t)
                FormFields.select(
                    "area", label: t("directory.places.field.area"),
                    options: [("", t("directory.places.no_area"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: input.areaCode, errors: errors, t: t)
                FormFields.hinted(
                    "latitude", label: t("directory.places.field.latitude"),
                    hint: t("directory.places.coordinates_hint"),
                    value: input.latitude, errors: errors, t: t)
                FormFields.hinted(
                    "longitude", label: t("directory.places.field.longitude"),
                    hint: t("directory.places.coordinates_hint"), value: input.longitude, errors: errors, t: t)
                FormFields.text(
                    "capacity", label: t("directory.places.field.capacity"), value: input.capacity, type: "number",
                    required: false, errors: errors, t: t)
                FormFields.checkboxes(
                    "accessibility", legend: t("directory.places.field.accessibility"),
                    options: Place.Accessibility.allCases.map {
                        ($0.rawValue, t("directory.places.accessibility.\($0.rawValue)"))
                    }, checked: Set(input.accessibility), errors: errors, t: t)
                FormFields.hinted(
                    "hours", label: t("directory.places.field.hours"), hint: t("directory.places.hours_hint"),
                    value: input.hours, errors: errors, t: t)
                FormFields.hinted(
                    "exceptions", label: t("directory.places.field.exceptions"),
                    hint: t("directory.places.exceptions_hint"), value: input.exceptions, errors: errors, t: t)
                FormFields.checkbox(
                    "appointment_only", label: t("directory.places.appointment_only"), checked: input.appointmentOnly,
                    errors: errors, t: t)
                FormFields.checkbox(
                    "bookable", label: t("directory.places.field.bookable"), checked: input.bookable, errors: errors,
                    t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
