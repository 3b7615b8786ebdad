import Domain
import Hummingbird

/// City admins (and platform admins) grant and revoke the roles people hold in a city.
struct RolesController {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get(.cityRoles, use: index)
        router.post(.cityRoles, use: grant)
        router.post(.revokeRole, use: revoke)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = RoleGrantInput(email: "", kind: RoleKind.resident.rawValue, organisationID: "")
        return try await page(request, context, city: city, input: input, errors: .init(), status: .ok)
    }

    @Sendable func grant(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = RoleGrantInput(
            email: context.field("email"), kind: context.field("kind"), organisationID: context.field("organisation_id")
        )
        return try await Respond.validating {
            try await services.roleUseCases.grant(actor: context.actor, city: city.id, input: input)
            return Respond.redirect(to: .cityRoles(city.slug), flash: "roles.flash.granted")
        } invalid: { errors in
            try await page(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(RoleAssignmentID.init(string:)) else { throw NotFound() }
        return try await Respond.validating {
            try await services.roleUseCases.revoke(actor: context.actor, city: city.id, id: id)
            return Respond.redirect(to: .cityRoles(city.slug), flash: "roles.flash.revoked")
        } invalid: { errors in
            let input = RoleGrantInput(email: "", kind: RoleKind.resident.rawValue, organisationID: "")
            return try await page(
                request, context, city: city, input: input, errors: errors)
        }
    }

    private func page(
        _ request: Request,
        _ context: AppRequestContext,
        city: City,
        input: RoleGrantInput,
        errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = RolesPage.Model(
            city: city,
            assignments: try await services.roleUseCases.list(actor: context.actor, city: city.id),
            organisations: try await services.organisationUseCases.list(city: city.id),
            grantable: Authorization.grantableKinds(by: context.actor, in: city.id),
            input: input,
            errors: errors
        )
        return Respond.html(
            RolesPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }
}
