import Domain
import Hummingbird

/// The public directory of organisations, each organisation's page, and the forms to register and edit one.
struct OrganisationsController {
    let services: AppServices
    var useCases: OrganisationUseCases { services.organisationUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.organisations, use: index)
        router.get(.newOrganisation, use: new)
        router.post(.newOrganisation, use: create)
        router.get(.organisation, use: show)
        router.get(.editOrganisation, use: edit)
        router.post(.editOrganisation, use: update)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let areas = try await services.cityUseCases.areas(city: city.id)
        let filter = OrganisationForm.filter(request, areas: areas)
        let model = OrganisationsIndexPage.Model(
            city: city, organisations: try await useCases.directory(city: city.id, filter: filter), areas: areas,
            filter: filter)
        return Respond.html(
            OrganisationsIndexPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await useCases.show(actor: context.actor, city: city, id: try id(context))
        let model = OrganisationShowPage.Model(
            city: city, organisation: organisation, areas: try await services.cityUseCases.areas(city: city.id),
            contacts: try await services.contactUseCases.visible(
                actor: context.actor, city: city, organisation: organisation.id),
            partnerships: try await services.networkUseCases.partnerships(organisation: organisation.id),
            networks: try await memberships(of: organisation.id),
            names: Dictionary(
                uniqueKeysWithValues: try await services.organisationUseCases.list(city: city.id).map {
                    ($0.id, $0.name.text(in: context.language, fallback: city.defaultLanguage))
                }))
        return Respond.html(
            OrganisationShowPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        let input = OrganisationInput(kind: Organisation.Kind.ngo.rawValue)
        return try await form(request, context, city: city, editing: nil, input: input, errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = OrganisationForm.input(from: context, city: city)
        return try await Respond.validating {
            let organisation = try await useCases.create(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .organisation(city.slug, organisation.id), flash: "stakeholders.flash.created")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await useCases.show(actor: context.actor, city: city, id: try id(context))
        guard Authorization.allows(context.actor, .editOrganisation(city.id, organisation.id)) else {
            throw NotPermitted()
        }
        let codes = Dictionary(
            uniqueKeysWithValues: try await services.cityUseCases.areas(city: city.id).map { ($0.id, $0.code) })
        return try await form(
            request, context, city: city, editing: organisation,
            input: OrganisationInput(organisation, areaCodes: codes),
            errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try id(context)
        let input = OrganisationForm.input(from: context, city: city)
        return try await Respond.validating {
            try await useCases.update(actor: context.actor, city: city, id: id, input: input)
            return Respond.redirect(to: .organisation(city.slug, id), flash: "stakeholders.flash.updated")
        } invalid: { errors in
            let organisation = try await useCases.show(actor: context.actor, city: city, id: id)
            return try await form(
                request, context, city: city, editing: organisation, input: input, errors: errors)
        }
    }

    private func memberships(of organisation: OrganisationID) async throws -> [(Network, NetworkMembership)] {
        var result: [(Network, NetworkMembership)] = []
        for membership in try await services.networkUseCases.memberships(of: organisation) {
            if let network = try await services.networkUseCases.network(id: membership.networkID) {
                result.append((network, membership))
            }
        }
        return result
    }

    private func id(_ context: AppRequestContext) throws -> OrganisationID {
        guard let id = context.parameters.get("id").flatMap(OrganisationID.init(string:)) else { throw NotFound() }
        return id
    }

    private func form(
        _ request: Request,
        _ context: AppRequestContext,
        city: City,
        editing: Organisation?,
        input: OrganisationInput,
        errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = OrganisationFormPage.Model(
            city: city, editing: editing, areas: try await services.cityUseCases.areas(city: city.id), input: input,
            errors: errors, mayArchive: Authorization.allows(context.actor, .coordinate(city.id)))
        return Respond.html(
            OrganisationFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
