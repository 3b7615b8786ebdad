import Domain
import Foundation
import Hummingbird

/// Keeping the registry current. The coordinator's dashboard shows the staleness list and runs confirmation
/// rounds; each organisation answers its one-time link at `/{city}/confirm/{token}` without an account.
struct ConfirmationsController {
    let services: AppServices
    let config: AppConfig
    var useCases: ConfirmationUseCases { services.confirmationUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.dashboard, use: dashboard)
        router.post(.openConfirmationRound, use: openRound)
        router.post(.closeConfirmationRound, use: closeRound)
        router.post(.markConfirmationBounced, use: markBounced)
        router.get(.confirmation, use: confirmationForm)
        router.post(.confirmation, use: answer)
    }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await dashboardPage(request, context, city: city, errors: .init())
    }

    @Sendable func openRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let t = services.translator(city.defaultLanguage)
        let baseURL = config.publicURL
        return try await Respond.validating {
            try await useCases.openRound(actor: context.actor, city: city) {
                organisation, token, until in
                let name = organisation.name.text(in: city.defaultLanguage)
                return (
                    t("stakeholders.confirm.email.subject", ["name": name]),
                    t(
                        "stakeholders.confirm.email.body",
                        [
                            "name": name, "link": baseURL + Route.confirmation(city.slug, token).path,
                            "date": until.description,
                        ])
                )
            }
            return Respond.redirect(to: .dashboard(city.slug), flash: "stakeholders.confirm.flash.opened")
        } invalid: { errors in
            try await dashboardPage(request, context, city: city, errors: errors)
        }
    }

    @Sendable func closeRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(ConfirmationRoundID.init(string:)) else {
            throw NotFound()
        }
        try await useCases.closeRound(actor: context.actor, city: city, id: id)
        return Respond.redirect(to: .dashboard(city.slug), flash: "stakeholders.confirm.flash.closed")
    }

    @Sendable func markBounced(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(ConfirmationRequestID.init(string:)) else {
            throw NotFound()
        }
        try await useCases.markBounced(actor: context.actor, city: city, request: id)
        return Respond.redirect(to: .dashboard(city.slug), flash: "stakeholders.confirm.flash.bounced")
    }

    @Sendable func confirmationForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let token = context.parameters.get("token") ?? ""
        do {
            let organisation = try await useCases.organisation(city: city, token: token)
            let codes = OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id))
            return try await confirmationPage(
                request, context, city: city, token: token, organisation: organisation,
                input: OrganisationInput(organisation, areaCodes: codes), errors: .init())
        } catch let problem as ConfirmationUseCases.LinkProblem {
            return linkProblem(problem, request, context, city: city)
        }
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let token = context.parameters.get("token") ?? ""
        let pageContext = PageContext(request, context, services: services, city: city)
        do {
            if context.field("decision") == "confirm" {
                try await useCases.confirm(city: city, token: token)
            } else {
                let input = OrganisationForm.input(from: context, city: city)
                do {
                    try await useCases.correct(city: city, token: token, input: input)
                } catch let errors as ValidationErrors {
                    let organisation = try await useCases.organisation(city: city, token: token)
                    return try await confirmationPage(
                        request, context, city: city, token: token, organisation: organisation, input: input,
                        errors: errors, status: .unprocessableContent)
                }
            }
            return Self.private(Respond.html(ConfirmationPages.thanks(pageContext)))
        } catch let problem as ConfirmationUseCases.LinkProblem {
            return linkProblem(problem, request, context, city: city)
        }
    }

    private func linkProblem(
        _ problem: ConfirmationUseCases.LinkProblem, _ request: Request, _ context: AppRequestContext, city: City
    ) -> Response {
        Self.private(
            Respond.html(
                ConfirmationPages.problem(problem, PageContext(request, context, services: services, city: city)),
                status: .gone))
    }

    /// The link is a secret: no referrer leaves the page, and no cache keeps it.
    static func `private`(_ response: Response) -> Response {
        var response = response
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func confirmationPage(
        _ request: Request, _ context: AppRequestContext, city: City, token: String, organisation: Organisation,
        input: OrganisationInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = ConfirmationPages.Model(
            city: city, token: token, organisation: organisation,
            areas: try await services.cityUseCases.areas(city: city.id), input: input, errors: errors)
        return Self.private(
            Respond.html(
                ConfirmationPages.form(model, PageContext(request, context, services: services, city: city)),
                status: status))
    }

    private func dashboardPage(
        _ request: Request, _ context: AppRequestContext, city: City, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let overview = try await useCases.overview(actor: context.actor, city: city)
        let organisations = try await services.organisationUseCases.list(city: city.id)
        let model = DashboardPage.Model(
            city: city, overview: overview,
            names: Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) }),
            openCalls: try await services.partnerCallUseCases.board(city: city, filter: .init()).count,
            plans: try await services.planUseCases.dashboards(city: city),
            errors: errors)
        return Respond.html(
            DashboardPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }
}
