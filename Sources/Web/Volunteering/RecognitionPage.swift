import Domain

/// The city's public recognition of volunteers: its awards, newest first, and for coordinators a form to add one.
enum RecognitionPage {
    struct Model {
        var city: City
        var awards: [Award]
        var mayAward: Bool
        var input: AwardInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("volunteering.recognition.title"), context: context) {
            el("h1") { t("volunteering.recognition.title") }
            el("p", ["class": "lead"]) { t("volunteering.recognition.intro") }
            if model.awards.isEmpty {
                el("p") { t("volunteering.recognition.none") }
            } else {
                el("ul", ["class": "card-list"]) {
                    for award in model.awards {
                        el("li", ["class": "card"]) {
                            el("h2") { Localized.text(award.title, context) }
                            el("p") {
                                el("strong") { award.recipientName }
                                " · " + ScheduleText.day(award.awardedOn, language: context.language)
                            }
                            if !award.citation.isEmpty { el("p") { Localized.text(award.citation, context) } }
                        }
                    }
                }
            }
            if model.mayAward {
                el("section", ["aria-labelledby": "award-heading"]) {
                    el("h2", ["id": "award-heading"]) { t("volunteering.recognition.new") }
                    el(
                        "form",
                        ["method": "post", "action": Route.newAward(city.slug).path, "novalidate": "novalidate"]
                    ) {
                        context.csrfField
                        FormFields.summary(model.errors, t: t)
                        FormFields.text(
                            "recipient_name", label: t("volunteering.recognition.field.name"),
                            value: model.input.recipientName, autocomplete: "off", errors: model.errors, t: t)
                        FormFields.text(
                            "recipient_email", label: t("volunteering.recognition.field.email"),
                            value: model.input.recipientEmail, type: "email", autocomplete: "off", required: false,
                            errors: model.errors, t: t)
                        TranslatableFields.lines(
                            "title", legend: t("volunteering.recognition.field.title"), languages: city.languages,
                            values: model.input.titles, errors: model.errors, t: t)
                        TranslatableFields.paragraphs(
                            "citation", legend: t("volunteering.recognition.field.citation"),
                            languages: city.languages, values: model.input.citations, errors: model.errors, t: t)
                        FormFields.text(
                            "awarded_on", label: t("volunteering.recognition.field.day"),
                            value: model.input.awardedOn, type: "date", errors: model.errors, t: t)
                        FormFields.checkbox(
                            "consent", label: t("volunteering.recognition.field.consent"),
                            checked: model.input.consent, errors: model.errors, t: t)
                        el("button", ["type": "submit"]) { t("volunteering.recognition.submit") }
                    }
                }
            }
        }
    }
}
