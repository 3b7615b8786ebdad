import Domain

/// Ideas for new volunteering: a form for anyone, and for coordinators the ideas with their assessment.
enum VolunteeringIdeasPage {
    struct Model {
        var city: City
        var areas: [Area]
        var text: String
        var area: String
        /// `nil` for those who do not assess ideas.
        var ideas: [VolunteeringIdea]?
        var errors: ValidationErrors
        var failed: VolunteeringIdeaID?
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let formErrors = model.failed == nil ? model.errors : ValidationErrors()
        return Layout.page(title: t("volunteering.ideas.title"), context: context) {
            el("h1") { t("volunteering.ideas.title") }
            el("p", ["class": "lead"]) { t("volunteering.ideas.intro") }
            el(
                "form",
                ["method": "post", "action": Route.volunteeringIdeas(city.slug).path, "novalidate": "novalidate"]
            ) {
                context.csrfField
                FormFields.summary(formErrors, t: t)
                FormFields.textarea(
                    "text", label: t("volunteering.ideas.field.text"), value: model.text, errors: formErrors, t: t)
                FormFields.select(
                    "area", label: t("stakeholders.filter.area"),
                    options: [("", t("directory.places.no_area"))]
                        + model.areas.map { ($0.code, "\($0.code) \(Localized.string($0.name, context))") },
                    selected: model.area, errors: formErrors, t: t)
                el("button", ["type": "submit"]) { t("volunteering.ideas.submit") }
            }
            if let ideas = model.ideas {
                el("section", ["aria-labelledby": "ideas-heading"]) {
                    el("h2", ["id": "ideas-heading"]) { t("volunteering.ideas.received") }
                    if ideas.isEmpty { el("p") { t("volunteering.ideas.none") } }
                    el("ul", ["class": "card-list"]) {
                        for idea in ideas { el("li", ["class": "card"]) { card(idea, model, context) } }
                    }
                }
            }
        }
    }

    static func card(_ idea: VolunteeringIdea, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.failed == idea.id ? model.errors : ValidationErrors()
        let prefix = "idea-\(idea.id)"
        return .fragment([
            el("p") { idea.text },
            el("p") {
                el("span", ["class": "tag"]) { t("volunteering.ideas.status.\(idea.status.rawValue)") }
                if let area = model.areas.first(where: { $0.id == idea.areaID }) {
                    " " + Localized.string(area.name, context)
                }
            },
            el(
                "form",
                [
                    "method": "post", "action": Route.assessIdea(model.city.slug, idea.id).path,
                    "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                el("div", ["class": "field"]) {
                    el("label", ["for": "\(prefix)-status"]) { t("volunteering.ideas.field.status") }
                    el("select", ["id": "\(prefix)-status", "name": "status"]) {
                        for status in VolunteeringIdea.Status.allCases {
                            el(
                                "option",
                                ["value": status.rawValue, "selected": status == idea.status ? "selected" : nil]
                            ) {
                                t("volunteering.ideas.status.\(status.rawValue)")
                            }
                        }
                    }
                }
                el("div", ["class": errors.isEmpty ? "field" : "field field-invalid"]) {
                    el("label", ["for": "\(prefix)-assessment"]) { t("volunteering.ideas.field.assessment") }
                    FormFields.errorList(errors.messages(for: "assessment"), id: "\(prefix)-assessment", t: t)
                    el(
                        "textarea",
                        [
                            "id": "\(prefix)-assessment", "name": "assessment", "rows": "3",
                            "aria-invalid": errors.isEmpty ? nil : "true",
                            "aria-describedby": errors.isEmpty ? nil : "\(prefix)-assessment-errors",
                        ]
                    ) { idea.assessment }
                }
                el("button", ["type": "submit", "class": "secondary"]) { t("volunteering.ideas.assess") }
            },
        ])
    }
}
