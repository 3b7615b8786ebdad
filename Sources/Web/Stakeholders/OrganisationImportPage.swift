import Domain

/// The spreadsheet import: the upload step, then the review with column mapping and the dry run's findings.
enum OrganisationImportPage {
    struct Model {
        var city: City
        var csv: String
        var check: OrganisationUseCases.SpreadsheetCheck
    }

    static func renderUpload(city: City, missingFile: Bool, _ context: PageContext) -> String {
        let t = context.t
        let errors = missingFile ? ValidationErrors(["file": ["stakeholders.import.errors.no_file"]]) : .init()
        return Layout.page(title: t("stakeholders.import.title"), context: context) {
            el("h1") { t("stakeholders.import.title") }
            el("p") { t("stakeholders.import.intro") }
            el("p") {
                el("a", ["href": Route.exportOrganisations(city.slug).path]) { t("stakeholders.import.template") }
            }
            el(
                "form",
                [
                    "method": "post", "action": Route.importOrganisations(city.slug).path,
                    "enctype": "multipart/form-data", "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                FormFields.summary(errors, t: t)
                let messages = errors.messages(for: "file")
                el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
                    el("label", ["for": "field-file"]) { t("stakeholders.import.file") }
                    el("p", ["class": "hint", "id": "field-file-hint"]) { t("stakeholders.import.file_hint") }
                    FormFields.errorList(messages, id: "field-file", t: t)
                    void(
                        "input",
                        [
                            "id": "field-file", "name": "file", "type": "file", "accept": ".csv,text/csv",
                            "aria-describedby": messages.isEmpty
                                ? "field-file-hint" : "field-file-hint field-file-errors",
                            "aria-invalid": messages.isEmpty ? nil : "true",
                        ])
                }
                el("button", ["type": "submit"]) { t("stakeholders.import.upload") }
            }
        }
    }

    static func renderReview(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let plan = model.check.plan
        let firstRow = (try? CSVTable.parse(model.csv))?.rows.first?.fields ?? []
        let fieldOptions =
            [("", t("stakeholders.import.ignore"))]
            + OrganisationSpreadsheet.Field.all(languages: city.languages).map { ($0.description, label($0, t)) }
        return Layout.page(title: t("stakeholders.import.review_title"), context: context) {
            el("h1") { t("stakeholders.import.review_title") }
            if plan.problems.isEmpty {
                el("p", ["class": "flash", "role": "status"]) {
                    t("stakeholders.import.ready", ["created": "\(plan.created)", "updated": "\(plan.updated)"])
                }
            } else {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("p") { t.plural("stakeholders.import.problem_count", count: plan.problems.count) }
                }
                problemsTable(plan.problems, t: t)
            }
            if !model.check.header.isEmpty {
                el("form", ["method": "post", "action": Route.checkOrganisationImport(city.slug).path]) {
                    context.csrfField
                    void("input", ["type": "hidden", "name": "csv", "value": model.csv])
                    el(
                        "div",
                        [
                            "class": "table-scroll", "role": "region", "aria-labelledby": "mapping-caption",
                            "tabindex": "0",
                        ]
                    ) {
                        el("table") {
                            el("caption", ["id": "mapping-caption"]) { t("stakeholders.import.mapping") }
                            el("thead") {
                                el("tr") {
                                    el("th", ["scope": "col"]) { t("stakeholders.import.column") }
                                    el("th", ["scope": "col"]) { t("stakeholders.import.example") }
                                    el("th", ["scope": "col"]) { t("stakeholders.import.meaning") }
                                }
                            }
                            el("tbody") {
                                for (index, header) in model.check.header.enumerated() {
                                    el("tr") {
                                        el("th", ["scope": "row"]) { header }
                                        el("td") { String((firstRow[safe: index] ?? "").prefix(60)) }
                                        el("td") {
                                            el(
                                                "select",
                                                [
                                                    "name": "column_\(index)",
                                                    "aria-label": t(
                                                        "stakeholders.import.meaning_of", ["column": header]),
                                                ]
                                            ) {
                                                let selected = model.check.mapping.columns[index]?.description ?? ""
                                                for (value, text) in fieldOptions {
                                                    el(
                                                        "option",
                                                        [
                                                            "value": value,
                                                            "selected": value == selected ? "selected" : nil,
                                                        ]
                                                    ) { text }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    el("div", ["class": "actions"]) {
                        el("button", ["type": "submit", "class": "secondary"]) { t("stakeholders.import.check") }
                        el(
                            "button",
                            ["type": "submit", "formaction": Route.commitOrganisationImport(city.slug).path]
                        ) { t("stakeholders.import.commit") }
                    }
                }
            }
            el("p") { el("a", ["href": Route.importOrganisations(city.slug).path]) { t("stakeholders.import.again") } }
        }
    }

    static func problemsTable(_ problems: [OrganisationSpreadsheet.Problem], t: Translator) -> Node {
        el("div", ["class": "table-scroll", "role": "region", "aria-labelledby": "problems-caption", "tabindex": "0"]) {
            el("table", ["class": "problems"]) {
                el("caption", ["id": "problems-caption"]) { t("stakeholders.import.problems") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("stakeholders.import.line") }
                        el("th", ["scope": "col"]) { t("stakeholders.import.column") }
                        el("th", ["scope": "col"]) { t("stakeholders.import.problem") }
                        el("th", ["scope": "col"]) { t("stakeholders.import.value") }
                    }
                }
                el("tbody") {
                    for problem in problems.prefix(500) {
                        el("tr") {
                            el("td") { problem.line == 0 ? t("stakeholders.import.whole_file") : "\(problem.line)" }
                            el("td") { problem.column ?? "–" }
                            el("td") { t(problem.key) }
                            el("td") { problem.value ?? "" }
                        }
                    }
                }
            }
        }
    }

    static func label(_ field: OrganisationSpreadsheet.Field, _ t: Translator) -> String {
        switch field {
        case .id: return t("stakeholders.import.field.id")
        case .kind: return t("stakeholders.field.kind")
        case .name(let language): return t("stakeholders.field.name") + " (\(LanguageNames.endonym(language)))"
        case .description(let language):
            return t("stakeholders.field.description") + " (\(LanguageNames.endonym(language)))"
        case .languages: return t("stakeholders.field.languages")
        case .areas: return t("stakeholders.field.areas")
        case .website: return t("stakeholders.field.website")
        case .email: return t("stakeholders.field.email")
        case .status: return t("stakeholders.field.status")
        case .lastConfirmed: return t("stakeholders.field.last_confirmed")
        }
    }
}
