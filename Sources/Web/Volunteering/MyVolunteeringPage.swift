import Domain

/// The volunteer's page: profile, suggestions ranked for them with the reasons, their engagements with hours and
/// feedback, trainings, certificates, and their data.
enum MyVolunteeringPage {
    struct Model {
        var city: City
        var profile: VolunteerProfile?
        var suggestions: [OpportunitySuggestion]
        var applications: [(VolunteerApplication, Opportunity?)]
        var hours: [HoursEntry]
        var certificates: [Certificate]
        var feedbackGiven: Set<VolunteerApplicationID>
        var completions: [TrainingCompletion]
        var trainings: [TrainingID: Training]
        var organisations: [OrganisationID: LocalizedText]
        var categories: [String: LocalizedText]
        var areas: [AreaID: Area]
        var errors: ValidationErrors
        /// The application a refused action was about.
        var failed: VolunteerApplicationID?
        var hoursInput: HoursInput
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("volunteering.mine.title"), context: context) {
            el("h1") { t("volunteering.mine.title") }
            if model.failed == nil { FormFields.summary(model.errors, t: t) }
            FormFields.errorList(model.errors.messages(for: "certificate"), id: "field-certificate", t: t)
            if model.profile == nil {
                el("p", ["class": "lead"]) { t("volunteering.mine.no_profile") }
                el("p") {
                    el("a", ["href": Route.volunteerProfile(city.slug).path, "class": "button"]) {
                        t("volunteering.profile.create")
                    }
                }
            } else {
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("a", ["href": Route.volunteerProfile(city.slug).path]) { t("volunteering.profile.edit") }
                    }
                    el("li") { el("a", ["href": Route.volunteering(city.slug).path]) { t("volunteering.all") } }
                }
                suggestions(model, context)
            }
            engagements(model, context)
            if !model.hours.isEmpty { hours(model, context) }
            trainingsAndCertificates(model, context)
            if model.profile != nil || !model.applications.isEmpty { yourData(model, context) }
        }
    }

    /// For someone not signed in: what volunteering here offers, and the way in.
    static func signedOut(_ city: City, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("volunteering.mine.title"), context: context) {
            el("h1") { t("volunteering.mine.title") }
            el("p", ["class": "lead"]) { t("volunteering.mine.signed_out") }
            el("ul", ["class": "actions"]) {
                el("li") { el("a", ["href": Route.signUp.path]) { t("nav.sign_up") } }
                el("li") {
                    el("a", ["href": Route.signIn.path + "?next=" + Route.myVolunteering(city.slug).path]) {
                        t("nav.sign_in")
                    }
                }
                el("li") { el("a", ["href": Route.volunteering(city.slug).path]) { t("volunteering.all") } }
            }
        }
    }

    static func suggestions(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "suggestions-heading"]) {
            el("h2", ["id": "suggestions-heading"]) { t("volunteering.suggestions.title") }
            if model.suggestions.isEmpty {
                el("p") { t("volunteering.suggestions.none") }
            } else {
                el("ol", ["class": "card-list"]) {
                    for suggestion in model.suggestions {
                        el("li", ["class": "card"]) {
                            OpportunitiesIndexPage.card(
                                suggestion.opportunity,
                                organisation: model.organisations[suggestion.opportunity.organisationID], model.city,
                                context)
                            el("p") {
                                el("strong") { t("volunteering.suggestions.why") }
                                " "
                                    + VolunteeringText.reasons(
                                        suggestion.reasons, categories: model.categories, areas: model.areas, context)
                            }
                            if !suggestion.canApply {
                                el("p") {
                                    t("volunteering.suggestions.needs")
                                    " "
                                        + suggestion.missingTrainings.compactMap { model.trainings[$0] }
                                        .map { Localized.string($0.title, context) }.joined(separator: ", ")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func engagements(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", ["aria-labelledby": "engagements-heading"]) {
            el("h2", ["id": "engagements-heading"]) { t("volunteering.mine.engagements") }
            if model.applications.isEmpty {
                el("p") { t("volunteering.mine.no_engagements") }
            } else {
                el("ul", ["class": "card-list"]) {
                    for (application, opportunity) in model.applications {
                        el("li", ["class": "card", "id": "application-\(application.id)"]) {
                            engagement(application, opportunity, model, context)
                        }
                    }
                }
            }
        }
    }

    static func engagement(
        _ application: VolunteerApplication, _ opportunity: Opportunity?, _ model: Model, _ context: PageContext
    ) -> Node {
        let t = context.t
        let city = model.city
        let errors = model.failed == application.id ? model.errors : ValidationErrors()
        let title = opportunity.map { Localized.string($0.title, context) } ?? ""
        let prefix = "a\(application.id.description.prefix(8))"
        return .fragment([
            el("h3") {
                if let opportunity {
                    el("a", ["href": Route.opportunity(city.slug, opportunity.id).path]) {
                        Localized.text(opportunity.title, context)
                    }
                }
            },
            el("p") {
                if let name = model.organisations[application.organisationID] { Localized.text(name, context) }
                " · "
                el("span", ["class": "tag"]) { VolunteeringText.status(application.status, t: t) }
            },
            application.reason.isEmpty
                ? .fragment([]) : el("p") { t("volunteering.mine.reason", ["reason": application.reason]) },
            FormFields.summary(errors, t: t),
            FormFields.errorList(errors.messages(for: "application"), id: "\(prefix)-application", t: t),
            application.status.takesHours
                ? hoursForm(application, title: title, errors: errors, model, context) : .fragment([]),
            (application.status == .completed || application.status == .active)
                && !model.feedbackGiven.contains(application.id)
                ? el("p") {
                    el("a", ["href": Route.applicationFeedback(city.slug, application.id).path]) {
                        t("volunteering.feedback.give")
                    }
                } : .fragment([]),
            application.status.isOpen
                ? el("form", ["method": "post", "action": Route.withdrawApplication(city.slug, application.id).path]) {
                    context.csrfField
                    el(
                        "button",
                        [
                            "type": "submit", "class": "secondary",
                            "aria-label": t("volunteering.mine.withdraw_from", ["opportunity": title]),
                        ]
                    ) { t("volunteering.mine.withdraw") }
                } : .fragment([]),
        ])
    }

    static func hoursForm(
        _ application: VolunteerApplication, title: String, errors: ValidationErrors, _ model: Model,
        _ context: PageContext
    ) -> Node {
        let t = context.t
        let prefix = "h\(application.id.description.prefix(8))"
        let input = model.failed == application.id ? model.hoursInput : HoursInput()
        func field(_ name: String, _ label: String, _ value: String, type: String) -> Node {
            let messages = errors.messages(for: name)
            return el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
                el("label", ["for": "\(prefix)-\(name)"]) { label }
                FormFields.errorList(messages, id: "\(prefix)-\(name)", t: t)
                void(
                    "input",
                    [
                        "id": "\(prefix)-\(name)", "name": name, "type": type, "value": value,
                        "aria-invalid": messages.isEmpty ? nil : "true",
                        "aria-describedby": messages.isEmpty ? nil : "\(prefix)-\(name)-errors",
                    ])
            }
        }
        return el(
            "form",
            [
                "method": "post", "action": Route.logHours(model.city.slug, application.id).path,
                "class": "inline-form",
                "novalidate": "novalidate", "aria-label": t("volunteering.hours.log_for", ["opportunity": title]),
            ]
        ) {
            context.csrfField
            field("day", t("volunteering.hours.day"), input.day, type: "date")
            field("hours", t("volunteering.hours.hours"), input.hours, type: "text")
            field("note", t("volunteering.hours.note"), input.note, type: "text")
            el("button", ["type": "submit"]) { t("volunteering.hours.log") }
        }
    }

    static func hours(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let titles = Dictionary(model.applications.compactMap { pair in pair.1.map { (pair.0.id, $0.title) } }) {
            first, _ in first
        }
        return el("section", ["aria-labelledby": "hours-heading"]) {
            el("h2", ["id": "hours-heading"]) {
                t(
                    "volunteering.hours.title",
                    ["hours": HoursInput.text(model.hours.reduce(0) { $0 + $1.countedMinutes })])
            }
            el(
                "div",
                ["class": "table-scroll", "role": "region", "aria-labelledby": "hours-heading", "tabindex": "0"]
            ) {
                el("table") {
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { t("volunteering.hours.day") }
                            el("th", ["scope": "col"]) { t("volunteering.certificates.role") }
                            el("th", ["scope": "col"]) { t("volunteering.hours.hours") }
                            el("th", ["scope": "col"]) { t("volunteering.hours.status") }
                        }
                    }
                    el("tbody") {
                        for entry in model.hours {
                            el("tr") {
                                el("td") { ScheduleText.day(entry.day, language: context.language) }
                                el("td") {
                                    titles[entry.applicationID].map { Localized.text($0, context) } ?? .text("")
                                }
                                el("td") { HoursInput.text(entry.approvedMinutes ?? entry.minutes) }
                                el("td") { t("volunteering.hours.status.\(entry.status.rawValue)") }
                            }
                        }
                    }
                }
            }
        }
    }

    static func trainingsAndCertificates(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        return el("section", ["aria-labelledby": "recognition-heading"]) {
            el("h2", ["id": "recognition-heading"]) { t("volunteering.mine.recognition") }
            if !model.completions.isEmpty {
                el("h3") { t("volunteering.certificates.trainings") }
                el("ul") {
                    for completion in model.completions {
                        el("li") {
                            if let training = model.trainings[completion.trainingID] {
                                Localized.text(training.title, context)
                            }
                            " – " + ScheduleText.day(completion.completedOn, language: context.language)
                            if let expiry = completion.expiresOn {
                                " "
                                    + t(
                                        "volunteering.trainings.valid_until",
                                        ["day": ScheduleText.day(expiry, language: context.language)])
                            }
                        }
                    }
                }
            }
            el("h3") { t("volunteering.certificates.title") }
            el("p") { t("volunteering.certificates.intro") }
            el("form", ["method": "post", "action": Route.issueCertificate(city.slug).path]) {
                context.csrfField
                el("button", ["type": "submit"]) { t("volunteering.certificates.issue") }
            }
            if !model.certificates.isEmpty {
                el("ul") {
                    for certificate in model.certificates {
                        el("li") {
                            ScheduleText.day(certificate.issuedOn, language: context.language) + " "
                            el("code", ["class": "access-code"]) { certificate.code }
                            " "
                            if certificate.revokedAt == nil {
                                el("a", ["href": Route.certificate(city.slug, certificate.code).path]) {
                                    t("volunteering.certificates.open")
                                }
                                el(
                                    "form",
                                    [
                                        "method": "post", "class": "inline",
                                        "action": Route.revokeCertificate(city.slug, certificate.id).path,
                                    ]
                                ) {
                                    context.csrfField
                                    el(
                                        "button",
                                        [
                                            "type": "submit", "class": "link-button",
                                            "aria-label": t(
                                                "volunteering.certificates.revoke_code", ["code": certificate.code]),
                                        ]
                                    ) { t("volunteering.certificates.revoke") }
                                }
                            } else {
                                t("volunteering.certificates.revoked")
                            }
                        }
                    }
                }
            }
        }
    }

    static func yourData(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        return el("section", ["aria-labelledby": "data-heading"]) {
            el("h2", ["id": "data-heading"]) { t("volunteering.data.title") }
            el("p") {
                el("a", ["href": Route.volunteerExport(city.slug).path]) { t("volunteering.data.export") }
            }
            el(
                "form",
                ["method": "post", "action": Route.eraseVolunteering(city.slug).path, "novalidate": "novalidate"]
            ) {
                context.csrfField
                FormFields.checkbox(
                    "confirm", label: t("volunteering.data.erase_confirm"), checked: false, errors: model.errors, t: t)
                el("button", ["type": "submit", "class": "secondary"]) { t("volunteering.data.erase") }
            }
        }
    }
}
