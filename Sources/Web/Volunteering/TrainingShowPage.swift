import Domain

/// One training: what it is and when it is next given; for its trainers, the form to change it and the record of
/// who completed it.
enum TrainingShowPage {
    struct Model {
        var city: City
        var training: Training
        var organisation: Organisation?
        var mayManage: Bool
        var organisations: [Organisation]
        var managed: Set<OrganisationID>
        var cityAllowed: Bool
        var input: TrainingInput
        var errors: ValidationErrors
        var completions: [(TrainingCompletion, String)]
        var completionErrors: ValidationErrors
        var email: String
        var day: String
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let training = model.training
        return Layout.page(title: Localized.string(training.title, context), context: context) {
            el("h1") { Localized.text(training.title, context, tag: "span") }
            el("p", ["class": "lead"]) {
                model.organisation.map { Localized.string($0.name, context) } ?? city.displayName(in: context.language)
            }
            if !training.description.isEmpty { el("p") { Localized.text(training.description, context) } }
            el("dl", ["class": "facts"]) {
                el("dt") { t("volunteering.trainings.next_session") }
                el("dd") {
                    training.nextSession.map { ScheduleText.day($0, language: context.language) }
                        ?? t("volunteering.trainings.no_session")
                }
                el("dt") { t("volunteering.trainings.validity") }
                el("dd") {
                    training.validityMonths.map { t.plural("volunteering.trainings.months", count: $0) }
                        ?? t("volunteering.trainings.forever")
                }
            }
            if model.mayManage {
                el("section", ["aria-labelledby": "completions-heading"]) {
                    el("h2", ["id": "completions-heading"]) { t("volunteering.trainings.completions") }
                    el("ul") {
                        for (completion, name) in model.completions {
                            el("li") {
                                name + " – " + ScheduleText.day(completion.completedOn, language: context.language)
                            }
                        }
                    }
                    FormFields.post(
                        to: Route.trainingCompletions(city.slug, training.id).path, errors: model.completionErrors,
                        context: context
                    ) {
                        FormFields.text(
                            "email", label: t("volunteering.trainings.person_email"), value: model.email, type: "email",
                            autocomplete: "off", errors: model.completionErrors, t: t)
                        FormFields.text(
                            "day", label: t("volunteering.trainings.completed_on"), value: model.day, type: "date",
                            errors: model.completionErrors, t: t)
                        el("button", ["type": "submit"]) { t("volunteering.trainings.record") }
                    }
                }
                el("section", ["aria-labelledby": "edit-training-heading"]) {
                    el("h2", ["id": "edit-training-heading"]) { t("volunteering.trainings.edit") }
                    el(
                        "form",
                        [
                            "method": "post", "action": Route.training(city.slug, training.id).path,
                            "novalidate": "novalidate",
                        ]
                    ) {
                        context.csrfField
                        TrainingsPage.fields(
                            model.input, errors: model.errors, organisations: model.organisations,
                            managed: model.managed, cityAllowed: model.cityAllowed, city: city, context)
                        el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
                    }
                }
            }
        }
    }
}
