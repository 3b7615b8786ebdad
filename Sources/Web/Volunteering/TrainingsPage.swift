import Domain

/// The trainings given to volunteers in the city, with their next sessions, and a form for those who give them.
enum TrainingsPage {
    struct Model {
        var city: City
        var trainings: [Training]
        var organisations: [Organisation]
        var managed: Set<OrganisationID>
        var cityAllowed: Bool
        var input: TrainingInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let names = Dictionary(model.organisations.map { ($0.id, $0.name) }) { first, _ in first }
        return Layout.page(title: t("volunteering.trainings.title"), context: context) {
            el("h1") { t("volunteering.trainings.title") }
            el("p", ["class": "lead"]) { t("volunteering.trainings.intro") }
            if model.trainings.isEmpty { el("p") { t("volunteering.trainings.none") } }
            el("ul", ["class": "card-list"]) {
                for training in model.trainings {
                    el("li", ["class": "card"]) {
                        el("h2") {
                            el("a", ["href": Route.training(city.slug, training.id).path]) {
                                Localized.text(training.title, context)
                            }
                        }
                        el("p") {
                            if let organisation = training.organisationID.flatMap({ names[$0] }) {
                                Localized.text(organisation, context)
                            } else {
                                city.displayName(in: context.language)
                            }
                            " · "
                                + (training.nextSession.map {
                                    t(
                                        "volunteering.trainings.next",
                                        ["day": ScheduleText.day($0, language: context.language)])
                                } ?? t("volunteering.trainings.no_session"))
                        }
                    }
                }
            }
            if model.cityAllowed || !model.managed.isEmpty {
                el("section", ["aria-labelledby": "new-training-heading"]) {
                    el("h2", ["id": "new-training-heading"]) { t("volunteering.trainings.new") }
                    el(
                        "form",
                        ["method": "post", "action": Route.trainings(city.slug).path, "novalidate": "novalidate"]
                    ) {
                        context.csrfField
                        fields(
                            model.input, errors: model.errors, organisations: model.organisations,
                            managed: model.managed, cityAllowed: model.cityAllowed, city: city, context)
                        el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
                    }
                }
            }
        }
    }

    /// The training's fields, shared by the new and the edit form.
    static func fields(
        _ input: TrainingInput, errors: ValidationErrors, organisations: [Organisation], managed: Set<OrganisationID>,
        cityAllowed: Bool, city: City, _ context: PageContext
    ) -> Node {
        let t = context.t
        let givers =
            (cityAllowed ? [("", city.displayName(in: context.language))] : [])
            + organisations.filter { managed.contains($0.id) }.map {
                ($0.id.description, Localized.string($0.name, context))
            }
        return .fragment([
            FormFields.summary(errors, t: t),
            FormFields.select(
                "organisation", label: t("volunteering.trainings.given_by"), options: givers,
                selected: input.organisation, errors: errors, t: t),
            TranslatableFields.lines(
                "title", legend: t("directory.activities.field.title"), languages: city.languages, values: input.titles,
                errors: errors, t: t),
            TranslatableFields.paragraphs(
                "description", legend: t("stakeholders.field.description"), languages: city.languages,
                values: input.descriptions, errors: errors, t: t),
            FormFields.hinted(
                "validity_months", label: t("volunteering.trainings.validity"),
                hint: t("volunteering.trainings.validity_hint"), value: input.validityMonths, type: "number",
                errors: errors, t: t),
            FormFields.text(
                "next_session", label: t("volunteering.trainings.next_session"), value: input.nextSession,
                type: "date", required: false, errors: errors, t: t),
        ])
    }
}
