import Domain
import Foundation
import Hummingbird

/// Networks of organisations (public pages; coordinators manage them) and partnerships between organisations
/// (recorded by coordinators or an editor of either organisation).
struct NetworksController {
    let services: AppServices
    var useCases: NetworkUseCases { services.networkUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.networks, use: index)
        router.get(.newNetwork, use: newForm)
        router.post(.newNetwork, use: create)
        router.get(.network, use: show)
        router.post(.networkMembers, use: addMember)
        router.post(.removeNetworkMember, use: removeMember)
        router.get(.newPartnership, use: newPartnership)
        router.post(.newPartnership, use: createPartnership)
        router.post(.removePartnership, use: removePartnership)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let networks = try await useCases.list(city: city.id)
        var counts: [NetworkID: Int] = [:]
        let today = CalendarDay(Date())
        for network in networks {
            counts[network.id] = try await useCases.members(of: network.id).filter { $0.isActive(on: today) }
                .count
        }
        return Respond.html(
            NetworksIndexPage.render(
                .init(city: city, networks: networks, memberCounts: counts),
                PageContext(request, context, services: services, city: city)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await showPage(request, context, city: city, errors: .init())
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        return networkForm(request, context, city: city, input: .init(), errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = NetworkInput(
            kind: context.field("kind"),
            names: TranslatableFields.read("name", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context))
        return try await Respond.validating {
            let network = try await useCases.save(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .network(city.slug, network.id), flash: "stakeholders.networks.flash.created")
        } invalid: { errors in
            networkForm(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func addMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context, NetworkID.self)
        return try await Respond.validating {
            try await useCases.saveMember(
                actor: context.actor, city: city, network: id, organisation: context.field("organisation"),
                role: context.field("role"), since: context.field("since"), until: context.field("until"))
            return Respond.redirect(to: .network(city.slug, id), flash: "stakeholders.networks.flash.member_added")
        } invalid: { errors in
            try await showPage(request, context, city: city, errors: errors)
        }
    }

    @Sendable func removeMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context, NetworkID.self)
        guard let membership = context.parameters.get("membership").flatMap(MembershipID.init(string:)) else {
            throw NotFound()
        }
        try await useCases.removeMember(actor: context.actor, city: city, membership: membership)
        return Respond.redirect(to: .network(city.slug, id), flash: "stakeholders.networks.flash.member_removed")
    }

    @Sendable func newPartnership(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard context.actor != nil else { throw NotPermitted() }
        let input = PartnershipInput(first: request.uri.queryParameters.get("organisation") ?? "")
        return try await partnershipForm(request, context, city: city, input: input, errors: .init())
    }

    @Sendable func createPartnership(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = PartnershipInput(
            kind: context.field("kind"), first: context.field("first"), second: context.field("second"),
            since: context.field("since"), until: context.field("until"), note: context.field("note"))
        return try await Respond.validating {
            let partnership = try await useCases.savePartnership(actor: context.actor, city: city, input: input)
            return Respond.redirect(
                to: .organisation(city.slug, partnership.first), flash: "stakeholders.partnerships.flash.recorded")
        } invalid: { errors in
            try await partnershipForm(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func removePartnership(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context, PartnershipID.self)
        let partnership = try await useCases.partnership(city: city.id, id: id)
        try await useCases.removePartnership(actor: context.actor, city: city, id: id)
        return Respond.redirect(
            to: .organisation(city.slug, partnership.first), flash: "stakeholders.partnerships.flash.removed")
    }

    static func id<Tag>(_ context: AppRequestContext, _: Identifier<Tag>.Type) throws -> Identifier<Tag> {
        guard let id = context.parameters.get("id").flatMap(Identifier<Tag>.init(string:)) else { throw NotFound() }
        return id
    }

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let network = try await useCases.network(city: city.id, id: try Self.id(context, NetworkID.self))
        let model = NetworkShowPage.Model(
            city: city, network: network, members: try await useCases.members(of: network.id),
            organisations: try await services.organisationUseCases.list(city: city.id),
            partnerships: try await useCases.partnerships(city: city.id), today: CalendarDay(Date()),
            errors: errors)
        return Respond.html(
            NetworkShowPage.render(model, PageContext(request, context, services: services, city: city)), status: status
        )
    }

    private func networkForm(
        _ request: Request, _ context: AppRequestContext, city: City, input: NetworkInput, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        Respond.html(
            NetworkFormPage.render(
                .init(city: city, input: input, errors: errors),
                PageContext(request, context, services: services, city: city)), status: status)
    }

    private func partnershipForm(
        _ request: Request, _ context: AppRequestContext, city: City, input: PartnershipInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let organisations = try await services.organisationUseCases.list(city: city.id).filter {
            $0.status != .archived
        }
        return Respond.html(
            PartnershipFormPage.render(
                .init(city: city, organisations: organisations, input: input, errors: errors),
                PageContext(request, context, services: services, city: city)), status: status)
    }
}
