import Domain

/// Posting or changing a volunteer opportunity, in the city's languages.
enum OpportunityFormPage {
    struct Model {
        var city: City
        var editing: Opportunity?
        var organisations: [Organisation]
        var categories: [Domain.Category]
        var areas: [Area]
        var places: [Place]
        var trainings: [Training]
        var input: OpportunityInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let input = model.input
        let errors = model.errors
        let title = model.editing == nil ? t("volunteering.new") : t("volunteering.edit")
        let action =
            model.editing.map { Route.editOpportunity(city.slug, $0.id).path } ?? Route.newOpportunity(city.slug).path
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: errors, context: context) {
                FormFields.select(
                    "organisation", label: t("directory.activities.field.organisation"),
                    options: model.organisations.map { ($0.id.description, Localized.string($0.name, context)) },
                    selected: input.organisation, errors: errors, t: t)
                TranslatableFields.lines(
                    "title", legend: t("volunteering.field.role"), languages: city.languages, values: input.titles,
                    errors: errors, t: t)
                TranslatableFields.paragraphs(
                    "description", legend: t("stakeholders.field.description"), languages: city.languages,
                    values: input.descriptions, errors: errors, t: t)
                FormFields.checkboxes(
                    "categories", legend: t("directory.activities.field.categories"),
                    options: model.categories.map { ($0.code, Localized.string($0.name, context)) },
                    checked: Set(input.categories), errors: errors, t: t)
                FormFields.hinted(
                    "skills", label: t("volunteering.field.skills"), hint: t("volunteering.profile.skills_hint"),
                    value: input.skills, errors: errors, t: t)
                FormFields.checkboxes(
                    "trainings", legend: t("volunteering.trainings.required"),
                    options: model.trainings.map { ($0.id.description, Localized.string($0.title, context)) },
                    checked: Set(input.trainings), errors: errors, t: t)
                FormFields.hinted(
                    "languages", label: t("directory.activities.field.languages"),
                    hint: t("matching.newcomers.languages_hint"), value: input.languages, lang: "en", errors: errors,
                    t: t)
                FormFields.select(
                    "place", label: t("directory.activities.field.place"),
                    options: [("", t("directory.activities.no_place"))]
                        + model.places.map { ($0.id.description, Localized.string($0.name, context)) },
                    selected: input.place, errors: errors, t: t)
                FormFields.checkboxes(
                    "areas", legend: t("stakeholders.field.areas"),
                    options: model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    checked: Set(input.areas), errors: errors, t: t)
                FormFields.checkboxes(
                    "times", legend: t("volunteering.field.times"),
                    options: ReferralText.weekTimes(t), checked: Set(input.times), errors: errors, t: t)
                FormFields.text(
                    "wanted", label: t("volunteering.field.wanted"), value: input.wanted, type: "number",
                    errors: errors, t: t)
                FormFields.select(
                    "status", label: t("stakeholders.field.status"),
                    options: Opportunity.Status.allCases.map {
                        ($0.rawValue, t("volunteering.opportunity_status.\($0.rawValue)"))
                    }, selected: input.status, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
