import Domain

/// The volunteer's private profile: skills, interests, languages with level, areas, free times of the week, and
/// an optional background asked only for the city's anonymous monitoring.
enum VolunteerProfileFormPage {
    struct Model {
        var city: City
        var categories: [Domain.Category]
        var areas: [Area]
        var input: VolunteerProfileInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let input = model.input
        let errors = model.errors
        return Layout.page(title: t("volunteering.profile.title"), context: context) {
            el("h1") { t("volunteering.profile.title") }
            el("p", ["class": "lead"]) { t("volunteering.profile.intro") }
            el(
                "form",
                ["method": "post", "action": Route.volunteerProfile(model.city.slug).path, "novalidate": "novalidate"]
            ) {
                context.csrfField
                FormFields.summary(errors, t: t)
                FormFields.hinted(
                    "skills", label: t("volunteering.field.skills"), hint: t("volunteering.profile.skills_hint"),
                    value: input.skills, errors: errors, t: t)
                FormFields.checkboxes(
                    "interests", legend: t("volunteering.profile.interests"),
                    options: model.categories.map { ($0.code, Localized.string($0.name, context)) },
                    checked: Set(input.interests), errors: errors, t: t)
                FormFields.hinted(
                    "languages", label: t("directory.activities.field.languages"),
                    hint: t("volunteering.profile.languages_hint"), value: input.languages, lang: "en", errors: errors,
                    t: t)
                FormFields.checkboxes(
                    "areas", legend: t("stakeholders.field.areas"),
                    options: model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    checked: Set(input.areas), errors: errors, t: t)
                FormFields.checkboxes(
                    "availability", legend: t("volunteering.profile.availability"),
                    options: ReferralText.weekTimes(t), checked: Set(input.availability), errors: errors, t: t)
                el("fieldset", ["class": "field"]) {
                    el("legend") { t("volunteering.profile.background_legend") }
                    el("p", ["class": "hint"]) {
                        t(
                            "volunteering.profile.background_text",
                            ["version": VolunteerProfile.backgroundConsentVersion])
                    }
                    FormFields.select(
                        "background", label: t("volunteering.profile.background"),
                        options: [("", t("volunteering.profile.background.none"))]
                            + VolunteerProfile.Background.allCases.map {
                                ($0.rawValue, t("volunteering.profile.background.\($0.rawValue)"))
                            }, selected: input.background, errors: errors, t: t)
                    FormFields.checkbox(
                        "background_consent", label: t("volunteering.profile.background_consent"),
                        checked: input.backgroundConsent, errors: errors, t: t)
                }
                FormFields.checkbox(
                    "share_engagement", label: t("volunteering.profile.share_engagement"),
                    checked: input.shareEngagement, errors: errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
