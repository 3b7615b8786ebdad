import Domain

/// Volunteering in the city: open opportunities found by words and filters, and the ways in for volunteers,
/// organisations and anyone with an idea.
enum OpportunitiesIndexPage {
    struct Model {
        var city: City
        var opportunities: [Opportunity]
        var filter: OpportunitySearchInput
        var errors: ValidationErrors
        var categories: [Domain.Category]
        var areas: [Area]
        var organisations: [OrganisationID: LocalizedText]
        var signedIn: Bool
        var manages: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("volunteering.title"), context: context) {
            el("h1") { t("volunteering.title") }
            el("p", ["class": "lead"]) { t("volunteering.intro") }
            el("nav", ["aria-label": t("volunteering.nav")]) {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.myVolunteering(city.slug).path]) {
                            model.signedIn ? t("volunteering.mine.title") : t("volunteering.become")
                        }
                    }
                    if model.manages {
                        el("li") { el("a", ["href": Route.newOpportunity(city.slug).path]) { t("volunteering.new") } }
                        el("li") {
                            el("a", ["href": Route.manageVolunteering(city.slug).path]) {
                                t("volunteering.manage.title")
                            }
                        }
                    }
                    el("li") {
                        el("a", ["href": Route.trainings(city.slug).path]) { t("volunteering.trainings.title") }
                    }
                    el("li") {
                        el("a", ["href": Route.recognition(city.slug).path]) { t("volunteering.recognition.title") }
                    }
                    el("li") {
                        el("a", ["href": Route.volunteeringIdeas(city.slug).path]) { t("volunteering.ideas.title") }
                    }
                    el("li") {
                        el("a", ["href": Route.certificates(city.slug).path]) { t("volunteering.certificates.verify") }
                    }
                }
            }
            filters(model, context)
            el("section", ["aria-labelledby": "opportunities-heading"]) {
                el("h2", ["id": "opportunities-heading"]) {
                    t.plural("volunteering.count", count: model.opportunities.count)
                }
                if model.opportunities.isEmpty {
                    el("p") { t("volunteering.none") }
                } else {
                    el("ul", ["class": "card-list", "aria-labelledby": "opportunities-heading"]) {
                        for opportunity in model.opportunities {
                            el("li", ["class": "card"]) {
                                card(
                                    opportunity, organisation: model.organisations[opportunity.organisationID], city,
                                    context)
                            }
                        }
                    }
                }
            }
        }
    }

    /// An opportunity in a list: title, organisation, languages, times and whether training is needed.
    static func card(_ opportunity: Opportunity, organisation: LocalizedText?, _ city: City, _ context: PageContext)
        -> Node
    {
        let t = context.t
        return .fragment([
            el("h3") {
                el("a", ["href": Route.opportunity(city.slug, opportunity.id).path]) {
                    Localized.text(opportunity.title, context)
                }
            },
            el("p") {
                if let organisation { Localized.text(organisation, context) }
                " · "
                t.plural("volunteering.wanted", count: opportunity.wanted)
            },
            el("p") {
                for language in opportunity.languages {
                    el(
                        "span",
                        ["class": "tag", "lang": language.rawValue, "dir": language.isRightToLeft ? "rtl" : nil]
                    ) {
                        LanguageNames.endonym(language)
                    }
                    " "
                }
                if !opportunity.requiredTrainingIDs.isEmpty {
                    el("span", ["class": "tag"]) { t("volunteering.training_required") }
                }
            },
            el("p") { VolunteeringText.times(opportunity.times, t: t) },
        ])
    }

    static func filters(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let filter = model.filter
        let errors = model.errors
        let any = ("", t("stakeholders.filter.any"))
        return el(
            "form",
            [
                "method": "get", "action": Route.volunteering(model.city.slug).path, "class": "filters",
                "role": "search", "aria-label": t("volunteering.filter"),
            ]
        ) {
            FormFields.summary(errors, t: t)
            FormFields.text(
                "q", label: t("volunteering.search"), value: filter.text, type: "search", required: false,
                errors: errors, t: t)
            FormFields.select(
                "category", label: t("directory.activities.field.categories"),
                options: [any] + model.categories.map { ($0.code, Localized.string($0.name, context)) },
                selected: filter.category, errors: errors, t: t)
            FormFields.select(
                "area", label: t("stakeholders.filter.area"),
                options: [any] + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                selected: filter.area, errors: errors, t: t)
            FormFields.select(
                "language", label: t("directory.activities.field.languages"),
                options: [any]
                    + ActivityFormPage.spokenLanguages.map { ($0, LanguageNames.endonym(LanguageCode($0)!)) },
                selected: filter.language, errors: errors, t: t)
            FormFields.checkbox(
                "without_training", label: t("volunteering.filter.without_training"),
                checked: filter.withoutTraining, errors: errors, t: t)
            el("button", ["type": "submit"]) { t("stakeholders.filter.submit") }
        }
    }
}
