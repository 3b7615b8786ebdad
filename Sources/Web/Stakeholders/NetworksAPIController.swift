import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/networks` and `/partnerships`: list, get, create and update, through the same use
/// cases as the pages. Writes need a signed-in session and a JSON body.
struct NetworksAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: NetworkUseCases { services.networkUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiNetworks, use: listNetworks)
        router.post(.apiNetworks, use: createNetwork)
        router.get(.apiNetwork, use: getNetwork)
        router.put(.apiNetwork, use: updateNetwork)
        router.get(.apiPartnerships, use: listPartnerships)
        router.post(.apiPartnerships, use: createPartnership)
        router.get(.apiPartnership, use: getPartnership)
        router.put(.apiPartnership, use: updatePartnership)
    }

    @Sendable func listNetworks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        var items: [NetworkDTO] = []
        for network in try await useCases.list(city: city.id) {
            items.append(try await dto(network, city: city, context: context))
        }
        return try Respond.page(items, request: request, context: context)
    }

    @Sendable func getNetwork(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let network = try await useCases.network(city: city.id, id: try NetworksController.id(context, NetworkID.self))
        return try Respond.json(try await dto(network, city: city, context: context))
    }

    @Sendable func createNetwork(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        let body = try await APIBody.decode(NetworkWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(status: .created) {
            let network = try await useCases.save(actor: context.actor, city: city, input: body.input)
            return try await dto(network, city: city, context: context)
        }
    }

    @Sendable func updateNetwork(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try NetworksController.id(context, NetworkID.self)
        guard Authorization.allows(context.actor, .coordinate(city.id)) else { throw NotPermitted() }
        _ = try await useCases.network(city: city.id, id: id)
        let body = try await APIBody.decode(NetworkWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer {
            let network = try await useCases.save(actor: context.actor, city: city, id: id, input: body.input)
            return try await dto(network, city: city, context: context)
        }
    }

    @Sendable func listPartnerships(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try Respond.page(
            try await useCases.partnerships(city: city.id).map(PartnershipDTO.init), request: request,
            context: context)
    }

    @Sendable func getPartnership(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try NetworksController.id(context, PartnershipID.self)
        return try Respond.json(PartnershipDTO(try await useCases.partnership(city: city.id, id: id)))
    }

    @Sendable func createPartnership(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard context.actor != nil else { throw NotPermitted() }
        let body = try await APIBody.decode(PartnershipWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(status: .created) {
            PartnershipDTO(try await useCases.savePartnership(actor: context.actor, city: city, input: body.input))
        }
    }

    @Sendable func updatePartnership(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try NetworksController.id(context, PartnershipID.self)
        let existing = try await useCases.partnership(city: city.id, id: id)
        guard NetworkUseCases.mayRecord(context.actor, city: city.id, existing) else { throw NotPermitted() }
        let body = try await APIBody.decode(PartnershipWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer {
            PartnershipDTO(
                try await useCases.savePartnership(actor: context.actor, city: city, id: id, input: body.input))
        }
    }

    private func dto(_ network: Network, city: City, context: AppRequestContext) async throws -> NetworkDTO {
        NetworkDTO(
            network, members: try await useCases.members(of: network.id), language: context.language,
            fallback: city.defaultLanguage)
    }
}
