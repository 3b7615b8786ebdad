import Domain

/// The volunteer's short structured feedback on an engagement, anonymous if they choose.
enum FeedbackFormPage {
    struct Model {
        var city: City
        var application: VolunteerApplication
        var opportunity: Opportunity?
        var input: FeedbackInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let input = model.input
        let errors = model.errors
        return Layout.page(title: t("volunteering.feedback.title"), context: context) {
            el("h1") { t("volunteering.feedback.title") }
            if let opportunity = model.opportunity {
                el("p", ["class": "lead"]) { Localized.text(opportunity.title, context) }
            }
            FormFields.post(
                to: Route.applicationFeedback(model.city.slug, model.application.id).path, errors: errors,
                context: context
            ) {
                FormFields.errorList(errors.messages(for: "application"), id: "field-application", t: t)
                FormFields.select(
                    "rating", label: t("volunteering.feedback.rating"),
                    options: [("", "")]
                        + (1...5).reversed().map { (String($0), t("volunteering.feedback.rating.\($0)")) },
                    selected: input.rating, errors: errors, t: t)
                FormFields.select(
                    "skills_fit", label: t("volunteering.feedback.skills_fit"),
                    options: [("", "")]
                        + VolunteerFeedback.SkillsFit.allCases.map {
                            ($0.rawValue, t("volunteering.feedback.skills_fit.\($0.rawValue)"))
                        }, selected: input.skillsFit, errors: errors, t: t)
                FormFields.textarea(
                    "change", label: t("volunteering.feedback.change"), value: input.change, errors: errors, t: t)
                FormFields.textarea(
                    "comments", label: t("volunteering.feedback.comments"), value: input.comments, errors: errors, t: t)
                FormFields.checkbox(
                    "anonymous", label: t("volunteering.feedback.anonymous"), checked: input.anonymous, errors: errors,
                    t: t)
                el("button", ["type": "submit"]) { t("volunteering.feedback.submit") }
            }
        }
    }
}
