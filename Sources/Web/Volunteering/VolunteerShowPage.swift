import Domain

/// A volunteer as an organisation they applied to sees them: name and email to reach them, skills, interests,
/// languages, areas, free times, trainings, and their applications to the reader's organisations. Never their
/// background, which is only for the city's anonymous monitoring.
enum VolunteerShowPage {
    struct Model {
        var city: City
        var person: Person
        var profile: VolunteerProfile?
        var applications: [(VolunteerApplication, Opportunity?)]
        var completions: [TrainingCompletion]
        var trainings: [TrainingID: Training]
        var categories: [String: LocalizedText]
        var areas: [Area]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: model.person.displayName, context: context) {
            el("h1") { model.person.displayName }
            el("p", ["class": "lead"]) { el("a", ["href": "mailto:\(model.person.email)"]) { model.person.email } }
            if let profile = model.profile {
                el("dl", ["class": "facts"]) {
                    el("dt") { t("volunteering.field.skills") }
                    el("dd") { profile.skills.joined(separator: ", ") }
                    el("dt") { t("volunteering.profile.interests") }
                    el("dd") {
                        profile.interests.compactMap { model.categories[$0.description] }
                            .map { Localized.string($0, context) }.joined(separator: ", ")
                    }
                    el("dt") { t("directory.activities.field.languages") }
                    el("dd") {
                        profile.languages.map {
                            "\(LanguageNames.endonym($0.language)) (\(t("volunteering.level.\($0.level.rawValue)")))"
                        }.joined(separator: ", ")
                    }
                    el("dt") { t("stakeholders.field.areas") }
                    el("dd") {
                        model.areas.filter { profile.areaIDs.contains($0.id) }.map {
                            Localized.string($0.name, context)
                        }
                        .joined(separator: ", ")
                    }
                    el("dt") { t("volunteering.profile.availability") }
                    el("dd") { VolunteeringText.times(profile.availability, t: t) }
                }
            }
            el("h2") { t("volunteering.certificates.trainings") }
            if model.completions.isEmpty { el("p") { t("volunteering.trainings.none_held") } }
            el("ul") {
                for completion in model.completions {
                    el("li") {
                        if let training = model.trainings[completion.trainingID] {
                            Localized.text(training.title, context)
                        }
                        " – " + ScheduleText.day(completion.completedOn, language: context.language)
                    }
                }
            }
            el("h2") { t("volunteering.manage.applications") }
            el("ul") {
                for (application, opportunity) in model.applications {
                    el("li") {
                        if let opportunity { Localized.text(opportunity.title, context) }
                        " · " + VolunteeringText.status(application.status, t: t)
                    }
                }
            }
        }
    }
}
