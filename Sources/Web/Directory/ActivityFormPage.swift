import Domain

/// Adding or describing an activity: what, who, where, when, for whom, and what it costs.
enum ActivityFormPage {
    struct Model {
        var city: City
        var editing: Activity?
        /// Organisations the actor may post for.
        var organisations: [Organisation]
        var categories: [Domain.Category]
        var areas: [Area]
        var places: [Place]
        var input: ActivityInput
        var errors: ValidationErrors
    }

    /// Languages offered in filters, beyond those an activity names: the city's most spoken.
    static let spokenLanguages = [
        "fi", "sv", "en", "ar", "ru", "so", "et", "fa", "uk", "ku", "tr", "sq", "vi", "zh", "es", "fr", "de", "ti",
    ]

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title = model.editing == nil ? t("directory.activities.new") : t("directory.activities.edit")
        let action =
            model.editing.map { Route.editActivity(city.slug, $0.id).path } ?? Route.newActivity(city.slug).path
        let organisations = model.organisations.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        let places = model.places.map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: errors, context: context) {
                FormFields.select(
                    "organisation", label: t("directory.activities.field.organisation"), options: organisations,
                    selected: input.organisation, errors: errors, t: t)
                FormFields.select(
                    "kind", label: t("directory.activities.field.kind"),
                    options: Activity.Kind.allCases.map {
                        ($0.rawValue, t("directory.activities.kind.\($0.rawValue)"))
                    }, selected: input.kind, errors: errors, t: t)
                TranslatableFields.lines(
                    "title", legend: t("directory.activities.field.title"), languages: city.languages,
                    values: input.titles, errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "description", legend: t("stakeholders.field.description"), languages: city.languages,
                    values: input.descriptions, errors: errors, t: t)
                FormFields.checkboxes(
                    "categories", legend: t("directory.activities.field.categories"),
                    options: model.categories.map { ($0.code, Localized.string($0.name, context)) },
                    checked: Set(input.categories), errors: errors, t: t)
                FormFields.checkboxes(
                    "target_groups", legend: t("directory.activities.field.target_groups"),
                    options: Activity.TargetGroup.allCases.map {
                        ($0.rawValue, t("directory.activities.group.\($0.rawValue)"))
                    }, checked: Set(input.targetGroups), errors: errors, t: t)
                FormFields.hinted(
                    "languages", label: t("directory.activities.field.languages"),
                    hint: t("directory.activities.languages_hint"), value: input.languages, errors: errors, t: t)
                FormFields.checkboxes(
                    "areas", legend: t("directory.activities.field.areas"),
                    options: model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    checked: Set(input.areas), errors: errors, t: t)
                FormFields.select(
                    "place", label: t("directory.activities.field.place"),
                    options: [("", t("directory.activities.no_place"))] + places, selected: input.place,
                    errors: errors, t: t)
                schedule(model, context)
                FormFields.text(
                    "capacity", label: t("directory.activities.field.capacity"), value: input.capacity,
                    type: "number", required: false, errors: errors, t: t)
                FormFields.hinted(
                    "fee", label: t("directory.activities.field.fee"), hint: t("directory.activities.fee_hint"),
                    value: input.fee, errors: errors, t: t)
                FormFields.checkbox(
                    "volunteer_run", label: t("directory.activities.volunteer_run"), checked: input.volunteerRun,
                    errors: errors, t: t)
                FormFields.checkbox(
                    "referral_eligible", label: t("directory.activities.field.referral_eligible"),
                    checked: input.referralEligible, errors: errors, t: t)
                FormFields.hinted(
                    "referral_fee", label: t("directory.activities.field.referral_fee"),
                    hint: t("directory.activities.fee_hint"), value: input.referralFee, errors: errors, t: t)
                FormFields.select(
                    "status", label: t("directory.activities.field.status"),
                    options: Activity.Status.allCases.map {
                        ($0.rawValue, t("directory.activities.status.\($0.rawValue)"))
                    }, selected: input.status, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }

    /// The schedule fields: first day and times, how it repeats, until when, and cancelled days.
    static func schedule(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let input = model.input.schedule
        let errors = model.errors
        return el("fieldset", ["class": "field"]) {
            el("legend") { t("directory.activities.schedule") }
            el("p", ["class": "hint"]) { t("directory.activities.schedule_hint") }
            FormFields.text(
                "first_day", label: t("directory.activities.field.first_day"), value: input.firstDay, type: "date",
                required: false, errors: errors, t: t)
            FormFields.hinted(
                "from", label: t("directory.activities.field.from"), hint: t("directory.activities.time_hint"),
                value: input.from, errors: errors, t: t)
            FormFields.hinted(
                "until", label: t("directory.activities.field.until"), hint: t("directory.activities.time_hint"),
                value: input.until, errors: errors, t: t)
            FormFields.select(
                "repeats", label: t("directory.activities.field.repeats"),
                options: ScheduleInput.Repeat.allCases.map {
                    ($0.rawValue, t("directory.activities.repeat.\($0.rawValue)"))
                }, selected: input.repeats, errors: errors, t: t)
            FormFields.checkboxes(
                "weekdays", legend: t("directory.activities.field.weekdays"),
                options: (1...7).map { (String($0), ScheduleText.weekday($0, language: context.language)) },
                checked: Set(input.weekdays), errors: errors, t: t)
            FormFields.hinted(
                "rule", label: t("directory.activities.field.rule"), hint: t("directory.activities.rule_hint"),
                value: input.rule, lang: "en", errors: errors, t: t)
            FormFields.text(
                "ends_on", label: t("directory.activities.field.ends_on"), value: input.endsOn, type: "date",
                required: false, errors: errors, t: t)
            FormFields.hinted(
                "cancelled", label: t("directory.activities.field.cancelled"),
                hint: t("directory.activities.cancelled_hint"), value: input.cancelled, errors: errors, t: t)
        }
    }
}
