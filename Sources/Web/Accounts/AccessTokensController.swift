import Domain
import Foundation
import Hummingbird

/// A signed-in person's personal access tokens for the API: making one, seeing them, revoking one.
struct AccessTokensController {
    let services: AppServices
    var useCases: AccessTokenUseCases { services.accessTokens }

    func register(on router: Router<AppRequestContext>) {
        router.get(.accessTokens, use: index)
        router.post(.accessTokens, use: create)
        router.post(.revokeAccessToken, use: revoke)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page(request, context, input: .init(), errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = AccessTokenInput(
            name: context.field("name"), scope: context.field("scope"), days: context.field("days"))
        return try await Respond.validating {
            let created = try await useCases.create(actor: context.actor, input: input)
            // The secret is on this answer only: never kept by a cache, never shown again.
            return try await page(request, context, input: .init(), errors: .init(), created: created)
        } invalid: { errors in
            try await page(request, context, input: input, errors: errors)
        }
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(AccessTokenID.init(string:)) else { throw NotFound() }
        try await useCases.revoke(actor: context.actor, id: id)
        return Respond.redirect(to: .accessTokens, flash: "accounts.tokens.flash.revoked")
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, input: AccessTokenInput, errors: ValidationErrors,
        created: (AccessToken, secret: String)? = nil
    ) async throws -> Response {
        guard let actor = context.actor else { throw NotPermitted() }
        let model = AccessTokensPage.Model(
            tokens: try await useCases.mine(actor: actor),
            created: created.map { (token: $0.0, secret: $0.secret) },
            mayWrite: !AccessToken.roles(from: actor.roles).isEmpty, input: input, errors: errors,
            now: services.accounts.now())
        return Respond.html(AccessTokensPage.render(model, PageContext(request, context, services: services)))
    }
}
