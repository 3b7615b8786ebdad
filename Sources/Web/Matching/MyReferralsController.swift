import Domain
import Foundation
import Hummingbird

/// The newcomer's own page, opened with the access code their caseworker gave them: see the referrals and
/// withdraw one. The code travels only in POST bodies, never in a link.
struct MyReferralsController {
    let services: AppServices
    let config: AppConfig
    var useCases: ReferralUseCases { services.referralUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.myReferrals, use: form)
        router.post(.myReferrals, use: show)
        router.post(.withdrawMyReferral, use: withdraw)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await page(request, context, city: city, code: "", newcomer: nil, errors: .init())
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let code = context.field("code")
        guard let newcomer = try await useCases.newcomer(city: city.id, accessCode: code) else {
            return try await page(
                request, context, city: city, code: code, newcomer: nil,
                errors: ValidationErrors(["code": ["matching.errors.code.unknown"]]), status: .unprocessableContent)
        }
        return try await page(request, context, city: city, code: code, newcomer: newcomer, errors: .init())
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let code = context.field("code")
        guard let newcomer = try await useCases.newcomer(city: city.id, accessCode: code) else {
            return try await page(
                request, context, city: city, code: code, newcomer: nil,
                errors: ValidationErrors(["code": ["matching.errors.code.unknown"]]), status: .unprocessableContent)
        }
        guard let id = ReferralID(string: context.field("referral")) else { throw NotFound() }
        var errors = ValidationErrors()
        do {
            try await useCases.withdraw(
                city: city, accessCode: code, referral: id,
                notice: ReferralsController(services: services, config: config).notice(city))
        } catch let problems as ValidationErrors {
            errors = problems
        }
        return try await page(
            request, context, city: city, code: code, newcomer: newcomer, errors: errors,
            message: errors.isEmpty ? "matching.flash.withdrawn" : nil,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, city: City, code: String, newcomer: Newcomer?,
        errors: ValidationErrors, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var referrals: [(Referral, Activity?)]?
        if let newcomer { referrals = try await useCases.referrals(of: newcomer).filter { $0.0.status != .proposed } }
        let organisations = try await services.organisationUseCases.list(city: city.id)
        let model = MyReferralsPage.Model(
            city: city, code: code, referrals: referrals,
            organisations: Dictionary(organisations.map { ($0.id, $0.name) }) { first, _ in first }, errors: errors,
            message: message)
        return Respond.html(
            MyReferralsPage.render(model, PageContext(request, context, services: services, city: city)), status: status
        )
    }
}
