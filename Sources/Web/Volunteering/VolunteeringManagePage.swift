import Domain

/// The organisation's volunteering desk: its opportunities, applications to decide, hours to approve (and their
/// CSV), and volunteers' feedback.
enum VolunteeringManagePage {
    struct Model {
        var city: City
        var opportunities: [Opportunity]
        var applications: [(VolunteerApplication, Opportunity?)]
        var pendingHours: [HoursEntry]
        var approvedMinutes: Int
        var names: [PersonID: String]
        var feedback: [VolunteerFeedback]
        var organisations: [OrganisationID: LocalizedText]
        var errors: ValidationErrors
        /// The id of the application or hours entry a refused action was about, or `csv`.
        var failed: String?
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("volunteering.manage.title"), context: context) {
            el("h1") { t("volunteering.manage.title") }
            el("ul", ["class": "actions"]) {
                el("li") { el("a", ["href": Route.newOpportunity(city.slug).path]) { t("volunteering.new") } }
                el("li") { el("a", ["href": Route.trainings(city.slug).path]) { t("volunteering.trainings.title") } }
                el("li") { el("a", ["href": Route.volunteering(city.slug).path]) { t("volunteering.all") } }
                if Authorization.allows(context.actor, .coordinate(city.id)) {
                    el("li") {
                        el("a", ["href": Route.volunteeringMonitoring(city.slug).path]) {
                            t("volunteering.monitoring.title")
                        }
                    }
                }
            }
            opportunities(model, context)
            applications(model, context)
            hours(model, context)
            feedback(model, context)
        }
    }

    static func opportunities(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let holding = Dictionary(grouping: model.applications.map(\.0).filter(\.status.holdsPlace), by: \.opportunityID)
        return el("section", ["aria-labelledby": "opportunities-heading"]) {
            el("h2", ["id": "opportunities-heading"]) { t("volunteering.manage.opportunities") }
            if model.opportunities.isEmpty { el("p") { t("volunteering.none") } }
            el("ul") {
                for opportunity in model.opportunities {
                    el("li") {
                        el("a", ["href": Route.opportunity(model.city.slug, opportunity.id).path]) {
                            Localized.text(opportunity.title, context)
                        }
                        " · "
                            + t(
                                "volunteering.manage.places",
                                [
                                    "held": String(holding[opportunity.id]?.count ?? 0),
                                    "wanted": String(opportunity.wanted),
                                ])
                        " · " + t("volunteering.opportunity_status.\(opportunity.status.rawValue)")
                    }
                }
            }
        }
    }

    static func applications(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let open = model.applications.filter { !$0.0.status.organisationMoves.isEmpty }
        return el("section", ["aria-labelledby": "applications-heading"]) {
            el("h2", ["id": "applications-heading"]) { t("volunteering.manage.applications") }
            if open.isEmpty { el("p") { t("volunteering.manage.no_applications") } }
            el("ul", ["class": "card-list"]) {
                for (application, opportunity) in open {
                    el("li", ["class": "card", "id": "application-\(application.id)"]) {
                        applicationCard(application, opportunity, model, context)
                    }
                }
            }
        }
    }

    static func applicationCard(
        _ application: VolunteerApplication, _ opportunity: Opportunity?, _ model: Model, _ context: PageContext
    ) -> Node {
        let t = context.t
        let city = model.city
        let errors = model.failed == application.id.description ? model.errors : ValidationErrors()
        let name = model.names[application.personID] ?? ""
        let prefix = "d\(application.id.description.prefix(8))"
        return .fragment([
            el("h3") {
                el("a", ["href": Route.volunteer(city.slug, application.personID).path]) { name }
            },
            el("p") {
                if let opportunity { Localized.text(opportunity.title, context) }
                " · "
                el("span", ["class": "tag"]) { VolunteeringText.status(application.status, t: t) }
            },
            application.message.isEmpty ? .fragment([]) : el("blockquote") { application.message },
            FormFields.errorList(errors.messages(for: "application"), id: "\(prefix)-application", t: t),
            el("div", ["class": "actions"]) {
                for to in VolunteerApplication.Status.allCases where application.status.organisationMoves.contains(to) {
                    el(
                        "form",
                        [
                            "method": "post", "action": Route.decideApplication(city.slug, application.id).path,
                            "novalidate": "novalidate",
                        ]
                    ) {
                        context.csrfField
                        void("input", ["type": "hidden", "name": "to", "value": to.rawValue])
                        if to == .declined || to == .suspended {
                            let messages = errors.messages(for: "reason")
                            el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
                                el("label", ["for": "\(prefix)-\(to.rawValue)-reason"]) {
                                    t("volunteering.manage.reason")
                                }
                                FormFields.errorList(messages, id: "\(prefix)-\(to.rawValue)-reason", t: t)
                                void(
                                    "input",
                                    [
                                        "id": "\(prefix)-\(to.rawValue)-reason", "name": "reason", "type": "text",
                                        "aria-invalid": messages.isEmpty ? nil : "true",
                                        "aria-describedby": messages.isEmpty
                                            ? nil : "\(prefix)-\(to.rawValue)-reason-errors",
                                    ])
                            }
                        }
                        el(
                            "button",
                            [
                                "type": "submit", "class": to == .declined || to == .suspended ? "secondary" : nil,
                                "aria-label": t("volunteering.manage.move.\(to.rawValue)_for", ["name": name]),
                            ]
                        ) { t("volunteering.manage.move.\(to.rawValue)") }
                    }
                }
            },
        ])
    }

    static func hours(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let csvErrors = model.failed == "csv" ? model.errors : ValidationErrors()
        return el("section", ["aria-labelledby": "hours-heading"]) {
            el("h2", ["id": "hours-heading"]) {
                t("volunteering.manage.hours", ["hours": HoursInput.text(model.approvedMinutes)])
            }
            if model.pendingHours.isEmpty { el("p") { t("volunteering.manage.no_hours") } }
            el("ul", ["class": "card-list"]) {
                for entry in model.pendingHours {
                    el("li", ["class": "card"]) { hoursCard(entry, model, context) }
                }
            }
            el(
                "form",
                ["method": "get", "action": Route.volunteerHoursCSV(city.slug).path, "novalidate": "novalidate"]
            ) {
                FormFields.summary(csvErrors, t: t)
                FormFields.text(
                    "from", label: t("directory.activities.filter.from"), value: "", type: "date", required: false,
                    errors: csvErrors, t: t)
                FormFields.text(
                    "through", label: t("directory.activities.filter.through"), value: "", type: "date",
                    required: false, errors: csvErrors, t: t)
                el("button", ["type": "submit"]) { t("volunteering.manage.csv") }
            }
        }
    }

    static func hoursCard(_ entry: HoursEntry, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.failed == entry.id.description ? model.errors : ValidationErrors()
        let name = model.names[entry.personID] ?? ""
        let id = "hours-\(entry.id.description.prefix(8))"
        let messages = errors.messages(for: "hours")
        return .fragment([
            el("p") {
                el("strong") { name }
                " · " + ScheduleText.day(entry.day, language: context.language) + " · "
                    + VolunteeringText.hours(entry.minutes, t: t)
            },
            entry.note.isEmpty ? .fragment([]) : el("p") { entry.note },
            el(
                "form",
                [
                    "method": "post", "action": Route.decideHours(model.city.slug, entry.id).path,
                    "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
                    el("label", ["for": id]) { t("volunteering.manage.corrected") }
                    FormFields.errorList(messages, id: id, t: t)
                    void(
                        "input",
                        [
                            "id": id, "name": "hours", "type": "text", "value": "",
                            "aria-invalid": messages.isEmpty ? nil : "true",
                            "aria-describedby": messages.isEmpty ? nil : id + "-errors",
                        ])
                }
                el(
                    "button",
                    [
                        "type": "submit", "name": "decision", "value": "approve",
                        "aria-label": t("volunteering.manage.approve_for", ["name": name]),
                    ]
                ) { t("volunteering.manage.approve") }
                " "
                el(
                    "button",
                    [
                        "type": "submit", "name": "decision", "value": "reject", "class": "secondary",
                        "aria-label": t("volunteering.manage.reject_for", ["name": name]),
                    ]
                ) { t("volunteering.manage.reject") }
            },
        ])
    }

    static func feedback(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "feedback-heading"]) {
            el("h2", ["id": "feedback-heading"]) { t("volunteering.manage.feedback") }
            if model.feedback.isEmpty { el("p") { t("volunteering.manage.no_feedback") } }
            el("ul", ["class": "card-list"]) {
                for item in model.feedback {
                    el("li", ["class": "card"]) {
                        el("p") {
                            el("strong") {
                                item.personID.flatMap { model.names[$0] } ?? t("volunteering.feedback.anonymous_name")
                            }
                            " · " + t("volunteering.feedback.rating.\(item.rating)") + " · "
                                + t("volunteering.feedback.skills_fit.\(item.skillsFit.rawValue)")
                        }
                        if !item.change.isEmpty {
                            el("p") { t("volunteering.feedback.change") + ": " + item.change }
                        }
                        if !item.comments.isEmpty { el("p") { item.comments } }
                    }
                }
            }
        }
    }
}
