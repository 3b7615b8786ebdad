import Domain

/// Who holds which role in a city, with a form to grant one and a button to revoke each.
enum RolesPage {
    struct Model {
        var city: City
        var assignments: [(RoleAssignment, Person)]
        var organisations: [Organisation]
        var grantable: [RoleKind]
        var input: RoleGrantInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let organisationNames = Dictionary(
            uniqueKeysWithValues: model.organisations.map {
                ($0.id, $0.name.text(in: context.language, fallback: city.defaultLanguage))
            })
        return Layout.page(title: t("roles.title"), context: context) {
            el("h1") { t("roles.title") }
            if !model.errors.messages(for: "role").isEmpty {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    for key in model.errors.messages(for: "role") { el("p") { t(key) } }
                }
            }
            el("div", ["class": "table-scroll", "role": "region", "aria-labelledby": "roles-caption", "tabindex": "0"])
            {
                el("table") {
                    el("caption", ["id": "roles-caption"]) { t("roles.table.caption") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { t("roles.table.person") }
                            el("th", ["scope": "col"]) { t("roles.table.role") }
                            el("th", ["scope": "col"]) { t("roles.table.organisation") }
                            el("th", ["scope": "col"]) { t("roles.table.actions") }
                        }
                    }
                    el("tbody") {
                        for (assignment, person) in model.assignments {
                            el("tr") {
                                el("th", ["scope": "row"]) {
                                    el("bdi") { person.displayName }
                                    " "
                                    el("bdi", ["dir": "ltr"]) { "<\(person.email)>" }
                                }
                                el("td", ["data-role": assignment.kind.rawValue]) {
                                    t("roles.kind.\(assignment.kind.rawValue)")
                                }
                                el("td") { assignment.organisationID.flatMap { organisationNames[$0] } ?? "–" }
                                el("td") {
                                    el(
                                        "form",
                                        ["method": "post", "action": Route.revokeRole(city.slug, assignment.id).path]
                                    ) {
                                        context.csrfField
                                        el(
                                            "button",
                                            [
                                                "type": "submit", "class": "secondary",
                                                "aria-label": t(
                                                    "roles.revoke_label",
                                                    [
                                                        "role": t("roles.kind.\(assignment.kind.rawValue)"),
                                                        "person": person.displayName,
                                                    ]),
                                            ]
                                        ) { t("roles.revoke") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2", ["id": "grant-heading"]) { t("roles.grant.title") }
            el(
                "form",
                [
                    "method": "post", "action": Route.cityRoles(city.slug).path, "aria-labelledby": "grant-heading",
                    "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                FormFields.summary(
                    model.errors.fields.filter { $0.key != "role" }.isEmpty ? .init() : model.errors, t: t)
                FormFields.text(
                    "email", label: t("roles.grant.email"), value: model.input.email, type: "email",
                    errors: model.errors, t: t)
                FormFields.select(
                    "kind", label: t("roles.grant.kind"),
                    options: model.grantable.map { ($0.rawValue, t("roles.kind.\($0.rawValue)")) },
                    selected: model.input.kind, errors: model.errors, t: t)
                FormFields.select(
                    "organisation_id", label: t("roles.grant.organisation"),
                    options: [("", t("roles.grant.no_organisation"))]
                        + model.organisations.map { ($0.id.description, organisationNames[$0.id] ?? "") }
                        .sorted { $0.1 < $1.1 },
                    selected: model.input.organisationID, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("roles.grant.submit") }
            }
        }
    }
}
