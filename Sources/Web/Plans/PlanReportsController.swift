import Domain
import Foundation
import Hummingbird
import NIOCore

/// The yearly monitoring report: the page, its PDF, partners' contributions and locking.
struct PlanReportsController {
    let services: AppServices
    var useCases: PlanUseCases { services.planUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.planReport, use: report)
        router.post(.planReportContributions, use: contribute)
        router.post(.lockPlanReport, use: lock)
    }

    /// `/reports/2019` is the page, `/reports/2019.pdf` the PDF.
    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let text = context.parameters.get("year") ?? ""
        let wantsPDF = text.hasSuffix(".pdf")
        guard let year = Int(wantsPDF ? String(text.dropLast(4)) : text) else { throw NotFound() }
        let document = try await useCases.document(city: city.id, id: try PlansController.planID(context))
        guard document.plan.years.contains(year) else { throw NotFound() }
        let model = try await self.model(context, city: city, document: document, year: year)
        let page = PageContext(request, context, services: services, city: city)
        if wantsPDF {
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/pdf",
                    .contentDisposition: "inline; filename=\"report-\(year).pdf\"", .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: PlanReportPDF.render(model, page))))
        }
        return Respond.html(PlanReportPage.render(model, page))
    }

    @Sendable func contribute(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let planID = try PlansController.planID(context)
        guard let year = context.parameters.get("year").flatMap(Int.init),
            let action = PlanActionID(string: context.field("action"))
        else { throw NotFound() }
        return try await Respond.validating {
            try await useCases.contribute(
                actor: context.actor, city: city, plan: planID, year: year, action: action,
                organisation: context.field("organisation"), text: context.field("text"))
            return Respond.redirect(to: .planReport(city.slug, planID, year), flash: "plans.flash.contributed")
        } invalid: { errors in
            let document = try await useCases.document(city: city.id, id: planID)
            let model = try await self.model(context, city: city, document: document, year: year)
            var page = PageContext(request, context, services: services, city: city)
            page.flash = errors.fields.values.first?.first
            return Respond.html(PlanReportPage.render(model, page))
        }
    }

    @Sendable func lock(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let planID = try PlansController.planID(context)
        guard let year = context.parameters.get("year").flatMap(Int.init) else { throw NotFound() }
        try await useCases.lockReport(actor: context.actor, city: city, plan: planID, year: year)
        return Respond.redirect(to: .planReport(city.slug, planID, year), flash: "plans.flash.locked")
    }

    private func model(_ context: AppRequestContext, city: City, document: PlanDocument, year: Int) async throws
        -> PlanReportPage.Model
    {
        var contributing: [PlanActionID: [OrganisationID]] = [:]
        for action in document.actions {
            contributing[action.id] = useCases.reportingOrganisations(context.actor, city: city, action: action)
        }
        return PlanReportPage.Model(
            city: city, document: document, year: year,
            evaluation: try await useCases.evaluate(city: city, document: document),
            names: try await PlansController(services: services).organisationNames(city),
            mayManage: useCases.mayManage(context.actor, city: city), contributing: contributing)
    }
}
