import Domain
import Foundation
import Hummingbird
import NIOCore

/// A plan out and in: the whole plan as JSON, its actions and KPIs as CSV, and importing a JSON export as a new plan.
struct PlanExchangeController {
    let services: AppServices
    var useCases: PlanUseCases { services.planUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.importPlan, use: importForm)
        router.post(.importPlan, use: importPlan)
        router.get(.planExport, use: exportJSON)
        router.get(.planActionsCSV, use: actionsCSV)
        router.get(.planKPIsCSV, use: kpisCSV)
        router.get(.importPlanSpreadsheets, use: spreadsheetsForm)
        router.post(.importPlanSpreadsheets, use: importSpreadsheets)
    }

    @Sendable func exportJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        return file(try PlanDTO.encoder.encode(PlanDTO(document)), type: "application/json", name: "plan.json")
    }

    @Sendable func actionsCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        let names = try await services.organisationUseCases.list(city: city.id).map {
            ($0.id, $0.name.text(in: city.defaultLanguage))
        }
        let csv = PlanSpreadsheet.actions(
            document, languages: city.languages, names: Dictionary(names, uniquingKeysWith: { first, _ in first }))
        return file(Data(csv.utf8), type: "text/csv; charset=utf-8", name: "plan-actions.csv")
    }

    @Sendable func kpisCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        let evaluation = try await useCases.evaluate(city: city, document: document)
        let csv = PlanSpreadsheet.kpis(document, languages: city.languages, evaluation: evaluation)
        return file(Data(csv.utf8), type: "text/csv; charset=utf-8", name: "plan-kpis.csv")
    }

    @Sendable func importForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        return page(request, context, city: city, errors: .init())
    }

    @Sendable func importPlan(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let data = context.uploads["file"]?.data ?? Data(context.field("json").utf8)
        return try await Respond.validating {
            let dto: PlanDTO
            do {
                dto = try PlanDTO.decoder.decode(PlanDTO.self, from: data)
            } catch let error as DecodingError {
                throw ValidationErrors([Self.path(of: error): ["plans.errors.import.format"]])
            }
            let imported = try await useCases.importPlan(
                actor: context.actor, city: city, document: try dto.document(city: city.id))
            return Respond.redirect(to: .plan(city.slug, imported.plan.id), flash: "plans.flash.imported")
        } invalid: { errors in
            page(request, context, city: city, errors: errors)
        }
    }

    @Sendable func spreadsheetsForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        return spreadsheetsPage(request, context, city: city, plan: document.plan, errors: .init())
    }

    @Sendable func importSpreadsheets(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard useCases.mayManage(context.actor, city: city) else { throw NotPermitted() }
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        return try await Respond.validating {
            var texts: [String: String] = [:]
            var errors = ValidationErrors()
            for name in ["actions", "kpis"] {
                guard let data = context.uploads[name]?.data, !data.isEmpty else { continue }
                guard let text = OrganisationSpreadsheet.text(of: data) else {
                    errors.add("stakeholders.import.not_utf8", to: name + ".csv")
                    continue
                }
                texts[name] = text
            }
            try errors.throwIfAny()
            try await useCases.importSpreadsheets(
                actor: context.actor, city: city, plan: document.plan.id, actions: texts["actions"],
                kpis: texts["kpis"])
            return Respond.redirect(to: .plan(city.slug, document.plan.id), flash: "plans.flash.spreadsheets_imported")
        } invalid: { errors in
            spreadsheetsPage(
                request, context, city: city, plan: document.plan, errors: errors)
        }
    }

    /// Where in the file decoding failed, as `actions[2].status`.
    static func path(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        guard !path.isEmpty else { return "file" }
        return path.reduce("") { result, key in
            if let index = key.intValue { return result + "[\(index)]" }
            return result.isEmpty ? key.stringValue : result + "." + key.stringValue
        }
    }

    private func file(_ data: Data, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    private func spreadsheetsPage(
        _ request: Request, _ context: AppRequestContext, city: City, plan: ActionPlan, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        Respond.html(
            PlanSpreadsheetImportPage.render(
                .init(city: city, plan: plan, errors: errors),
                PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, city: City, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        Respond.html(
            PlanImportPage.render(
                .init(city: city, errors: errors), PageContext(request, context, services: services, city: city)),
            status: status)
    }
}

/// Importing a plan exported from Arrival (JSON): a file or pasted text; problems are listed by their place in the
/// file and nothing is written.
enum PlanImportPage {
    struct Model {
        var city: City
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("plans.import.title"), context: context) {
            el("h1") { t("plans.import.title") }
            el("p", ["class": "lead"]) { t("plans.import.intro") }
            problems(model.errors, t: t)
            el(
                "form",
                [
                    "method": "post", "action": Route.importPlan(model.city.slug).path,
                    "enctype": "multipart/form-data", "novalidate": "novalidate",
                ]
            ) {
                context.csrfField
                el("div", ["class": "field"]) {
                    el("label", ["for": "field-file"]) { t("plans.import.file") }
                    void(
                        "input",
                        ["id": "field-file", "name": "file", "type": "file", "accept": "application/json,.json"])
                }
                el("button", ["type": "submit"]) { t("plans.import.submit") }
            }
        }
    }

    /// Every problem with its place in the file, in the order of the file.
    static func problems(_ errors: ValidationErrors, t: Translator) -> Node {
        if errors.isEmpty { return .fragment([]) }
        return el("div", ["class": "error-summary", "role": "alert", "tabindex": "-1"]) {
            el("h2") { t("plans.import.problems") }
            el("ul") {
                for (field, keys) in errors.fields.sorted(by: {
                    $0.key.localizedStandardCompare($1.key) == .orderedAscending
                }) {
                    for key in keys {
                        el("li") {
                            el("code") { field }
                            ": " + t(key)
                        }
                    }
                }
            }
        }
    }
}
