import Domain

/// One opportunity: what it is, what it asks for, where and when; applying, or why one cannot yet.
enum OpportunityShowPage {
    struct Model {
        var city: City
        var opportunity: Opportunity
        var organisation: Organisation?
        var place: Place?
        var areas: [Area]
        var categories: [String: LocalizedText]
        var trainings: [Training]
        var trainingsHeld: Set<TrainingID>
        var signedIn: Bool
        var hasProfile: Bool
        var applied: VolunteerApplication?
        var mayEdit: Bool
        var message: String
        var errors: ValidationErrors
        /// Trainings the volunteer still needs, when applying was just refused for them.
        var missing: [Training]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let opportunity = model.opportunity
        let title = Localized.string(opportunity.title, context)
        return Layout.page(title: title, context: context) {
            el("h1") { Localized.text(opportunity.title, context, tag: "span") }
            if let organisation = model.organisation {
                el("p", ["class": "lead"]) {
                    el("a", ["href": Route.organisation(city.slug, organisation.id).path]) {
                        Localized.text(organisation.name, context)
                    }
                }
            }
            if model.mayEdit {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.editOpportunity(city.slug, opportunity.id).path]) {
                            t("volunteering.edit")
                        }
                    }
                }
            }
            if opportunity.status == .closed { el("p", ["class": "flash"]) { t("volunteering.closed") } }
            if !opportunity.description.isEmpty {
                el("div", ["class": "prose"]) { Localized.text(opportunity.description, context, tag: "p") }
            }
            el("dl", ["class": "facts"]) {
                el("dt") { t("volunteering.field.wanted") }
                el("dd") { t.plural("volunteering.wanted", count: opportunity.wanted) }
                el("dt") { t("directory.activities.field.languages") }
                el("dd") { opportunity.languages.map(LanguageNames.endonym).joined(separator: ", ") }
                el("dt") { t("volunteering.field.times") }
                el("dd") { VolunteeringText.times(opportunity.times, t: t) }
                if !opportunity.categoryIDs.isEmpty {
                    el("dt") { t("directory.activities.field.categories") }
                    el("dd") {
                        opportunity.categoryIDs.compactMap { model.categories[$0.description] }
                            .map { Localized.string($0, context) }.joined(separator: ", ")
                    }
                }
                if !opportunity.skills.isEmpty {
                    el("dt") { t("volunteering.field.skills") }
                    el("dd") { opportunity.skills.joined(separator: ", ") }
                }
                if let place = model.place {
                    el("dt") { t("directory.activities.field.place") }
                    el("dd") {
                        el("a", ["href": Route.place(city.slug, place.id).path]) { Localized.text(place.name, context) }
                    }
                }
                let areas = model.areas.filter { opportunity.areaIDs.contains($0.id) }
                if !areas.isEmpty {
                    el("dt") { t("stakeholders.field.areas") }
                    el("dd") { areas.map { Localized.string($0.name, context) }.joined(separator: ", ") }
                }
            }
            if !model.trainings.isEmpty {
                el("section", ["aria-labelledby": "trainings-heading"]) {
                    el("h2", ["id": "trainings-heading"]) { t("volunteering.trainings.required") }
                    el("ul") {
                        for training in model.trainings {
                            el("li") {
                                trainingLine(training, held: model.trainingsHeld.contains(training.id), city, context)
                            }
                        }
                    }
                }
            }
            applySection(model, context)
        }
    }

    static func trainingLine(_ training: Training, held: Bool, _ city: City, _ context: PageContext) -> Node {
        let t = context.t
        return .fragment([
            el("a", ["href": Route.training(city.slug, training.id).path]) { Localized.text(training.title, context) },
            .text(" – "),
            .text(
                held
                    ? t("volunteering.trainings.held")
                    : training.nextSession.map {
                        t("volunteering.trainings.next", ["day": ScheduleText.day($0, language: context.language)])
                    } ?? t("volunteering.trainings.no_session")),
        ])
    }

    static func applySection(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        return el("section", ["aria-labelledby": "apply-heading"]) {
            el("h2", ["id": "apply-heading"]) { t("volunteering.apply.title") }
            FormFields.errorList(model.errors.messages(for: "opportunity"), id: "field-opportunity", t: t)
            if let applied = model.applied {
                el("p") {
                    t("volunteering.apply.already", ["status": VolunteeringText.status(applied.status, t: t)])
                    " "
                    el("a", ["href": Route.myVolunteering(city.slug).path]) { t("volunteering.mine.title") }
                }
            } else if model.opportunity.status == .closed {
                el("p") { t("volunteering.closed") }
            } else if !model.signedIn {
                el("p") {
                    el("a", ["href": Route.signIn.path]) { t("nav.sign_in") }
                    " · "
                    el("a", ["href": Route.signUp.path]) { t("nav.sign_up") }
                }
            } else if !model.hasProfile {
                el("p") {
                    t("volunteering.apply.profile_first")
                    " "
                    el("a", ["href": Route.volunteerProfile(city.slug).path]) { t("volunteering.profile.title") }
                }
            } else {
                if !model.missing.isEmpty {
                    el("div", ["class": "error-summary", "role": "alert", "id": "field-trainings"]) {
                        el("p") { t("volunteering.errors.training.missing") }
                        el("ul") {
                            for training in model.missing {
                                el("li") { trainingLine(training, held: false, city, context) }
                            }
                        }
                    }
                }
                FormFields.post(
                    to: Route.applyToOpportunity(city.slug, model.opportunity.id).path, errors: model.errors,
                    context: context
                ) {
                    FormFields.textarea(
                        "message", label: t("volunteering.apply.message"), value: model.message,
                        hint: t("volunteering.apply.message_hint"), errors: model.errors, t: t)
                    el("button", ["type": "submit"]) { t("volunteering.apply.submit") }
                }
            }
        }
    }
}
