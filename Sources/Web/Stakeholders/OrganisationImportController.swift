import Domain
import Foundation
import Hummingbird

/// The spreadsheet round trip for coordinators: upload a CSV, map its columns, see a dry run that names
/// every problem by line and column, then import all or nothing; and export the same columns.
struct OrganisationImportController {
    let services: AppServices
    var useCases: OrganisationUseCases { services.organisationUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.importOrganisations, use: uploadForm)
        router.post(.importOrganisations, use: upload)
        router.post(.checkOrganisationImport, use: check)
        router.post(.commitOrganisationImport, use: commit)
        router.get(.exportOrganisations, use: export)
    }

    @Sendable func uploadForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        return Respond.html(
            OrganisationImportPage.renderUpload(
                city: city, missingFile: false, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        guard let file = context.uploads["file"], !file.data.isEmpty else {
            return Respond.html(
                OrganisationImportPage.renderUpload(
                    city: city, missingFile: true, PageContext(request, context, services: services, city: city)),
                status: .unprocessableContent)
        }
        let result = try await useCases.checkSpreadsheet(actor: context.actor, city: city, data: file.data)
        return review(request, context, city: city, data: file.data, result: result)
    }

    @Sendable func check(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let data = Data(context.field("csv").utf8)
        let result = try await useCases.checkSpreadsheet(
            actor: context.actor, city: city, data: data, mapping: mapping(context))
        return review(request, context, city: city, data: data, result: result)
    }

    @Sendable func commit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let data = Data(context.field("csv").utf8)
        let result = try await useCases.importSpreadsheet(
            actor: context.actor, city: city, data: data, mapping: mapping(context))
        guard result.plan.problems.isEmpty, !result.plan.organisations.isEmpty else {
            return review(request, context, city: city, data: data, result: result, status: .unprocessableContent)
        }
        return Respond.redirect(to: .organisations(city.slug), flash: "stakeholders.import.flash.done")
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let text = try await useCases.exportSpreadsheet(actor: context.actor, city: city)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(city.slug)-organisations.csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + text)))
    }

    /// The mapping chosen on the review page: `column_<index>` → a field's column name, or empty to ignore.
    private func mapping(_ context: AppRequestContext) -> OrganisationSpreadsheet.Mapping? {
        let chosen = context.form.keys.filter { $0.hasPrefix("column_") }
        guard !chosen.isEmpty else { return nil }
        var columns: [Int: OrganisationSpreadsheet.Field] = [:]
        for key in chosen {
            guard let index = Int(key.dropFirst("column_".count)), (0..<1000).contains(index),
                let field = OrganisationSpreadsheet.Field(header: context.field(key))
            else { continue }
            columns[index] = field
        }
        return OrganisationSpreadsheet.Mapping(columns: columns)
    }

    private func review(
        _ request: Request,
        _ context: AppRequestContext,
        city: City,
        data: Data,
        result: OrganisationUseCases.SpreadsheetCheck,
        status: HTTPResponse.Status? = nil
    ) -> Response {
        let model = OrganisationImportPage.Model(
            city: city, csv: String(decoding: data, as: UTF8.self), check: result)
        let failed = !result.plan.problems.isEmpty
        return Respond.html(
            OrganisationImportPage.renderReview(model, PageContext(request, context, services: services, city: city)),
            status: status ?? (failed ? .unprocessableContent : .ok))
    }
}
