import Domain
import Foundation
import Hummingbird

/// The partner bulletin board: the public list of calls, posting and editing a call (editors of the posting
/// organisation, coordinators), answering one (editors of another organisation), and closing it with an outcome.
struct PartnerCallsController {
    let services: AppServices
    let config: AppConfig
    var useCases: PartnerCallUseCases { services.partnerCallUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.partnerCalls, use: index)
        router.get(.newPartnerCall, use: newForm)
        router.post(.newPartnerCall, use: create)
        router.get(.partnerCall, use: show)
        router.get(.editPartnerCall, use: editForm)
        router.post(.editPartnerCall, use: update)
        router.post(.answerPartnerCall, use: answer)
        router.post(.closePartnerCall, use: close)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let areas = try await services.cityUseCases.areas(city: city.id)
        let query = request.uri.queryParameters
        let areaCode = query.get("area") ?? ""
        let filter = PartnerCallFilter(
            status: query.get("status") == "closed" ? .closed : .open, areaID: areas.first { $0.code == areaCode }?.id)
        let model = PartnerCallsIndexPage.Model(
            city: city, calls: try await useCases.board(city: city, filter: filter), areas: areas, filter: filter,
            organisations: try await names(city),
            mayPost: !(try await useCases.organisationsActing(for: context.actor, city: city)).isEmpty)
        return Respond.html(
            PartnerCallsIndexPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await showPage(request, context, city: city, answerErrors: .init(), closeErrors: .init())
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let acting = try await useCases.organisationsActing(for: context.actor, city: city)
        guard !acting.isEmpty else { throw NotPermitted() }
        let input = PartnerCallInput(
            organisation: request.uri.queryParameters.get("organisation") ?? acting[0].id.description)
        return try await form(request, context, city: city, editing: nil, input: input, errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            let call = try await useCases.post(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .partnerCall(city.slug, call.id), flash: "stakeholders.calls.flash.posted")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let call = try await useCases.call(city: city.id, id: try Self.id(context))
        guard Authorization.allows(context.actor, .editOrganisation(city.id, call.organisationID)) else {
            throw NotPermitted()
        }
        let codes = OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id))
        return try await form(
            request, context, city: city, editing: call, input: PartnerCallInput(call, areaCodes: codes),
            errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let call = try await useCases.call(city: city.id, id: try Self.id(context))
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.update(actor: context.actor, city: city, id: call.id, input: input)
            return Respond.redirect(to: .partnerCall(city.slug, call.id), flash: "stakeholders.calls.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: call, input: input, errors: errors)
        }
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let t = services.translator(city.defaultLanguage)
        let link = config.publicURL + Route.partnerCall(city.slug, id).path
        return try await Respond.validating {
            try await useCases.answer(
                actor: context.actor, city: city, id: id, organisation: context.field("organisation"),
                message: context.field("message"),
                notice: { call, answering in
                    (
                        t("stakeholders.calls.email.subject", ["title": call.title.text(in: city.defaultLanguage)]),
                        t(
                            "stakeholders.calls.email.body",
                            ["organisation": answering.name.text(in: city.defaultLanguage), "link": link])
                    )
                })
            return Respond.redirect(to: .partnerCall(city.slug, id), flash: "stakeholders.calls.flash.answered")
        } invalid: { errors in
            try await showPage(
                request, context, city: city, answerErrors: errors, closeErrors: .init())
        }
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let closing = PartnerCallClosing(
            outcome: context.field("outcome"), partner: context.field("partner"), note: context.field("note"))
        return try await Respond.validating {
            try await useCases.close(actor: context.actor, city: city, id: id, closing: closing)
            return Respond.redirect(to: .partnerCall(city.slug, id), flash: "stakeholders.calls.flash.closed")
        } invalid: { errors in
            try await showPage(
                request, context, city: city, answerErrors: .init(), closeErrors: errors)
        }
    }

    static func input(_ context: AppRequestContext, city: City) -> PartnerCallInput {
        PartnerCallInput(
            organisation: context.field("organisation"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            needs: TranslatableFields.read("needs", languages: city.languages, from: context),
            offers: TranslatableFields.read("offers", languages: city.languages, from: context),
            areaCodes: (context.form["areas"] ?? []).joined(separator: " "), deadline: context.field("deadline"))
    }

    static func id(_ context: AppRequestContext) throws -> PartnerCallID {
        guard let id = context.parameters.get("id").flatMap(PartnerCallID.init(string:)) else { throw NotFound() }
        return id
    }

    private func names(_ city: City) async throws -> [OrganisationID: LocalizedText] {
        Dictionary(
            uniqueKeysWithValues: try await services.organisationUseCases.list(city: city.id).map { ($0.id, $0.name) })
    }

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, answerErrors: ValidationErrors,
        closeErrors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let call = try await useCases.call(city: city.id, id: try Self.id(context))
        let all = try await services.organisationUseCases.list(city: city.id)
        let model = PartnerCallShowPage.Model(
            city: city, call: call, areas: try await services.cityUseCases.areas(city: city.id),
            organisations: Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.name) }),
            answers: try await useCases.answers(actor: context.actor, city: city, call: call),
            answeringFor: try await useCases.organisationsActing(for: context.actor, city: city)
                .filter { $0.id != call.organisationID },
            partnerOptions: all.filter { $0.status != .archived && $0.id != call.organisationID },
            mayManage: Authorization.allows(context.actor, .editOrganisation(city.id, call.organisationID)),
            answerInput: (context.field("organisation"), context.field("message")),
            closing: PartnerCallClosing(
                outcome: context.field("outcome"), partner: context.field("partner"), note: context.field("note")),
            answerErrors: answerErrors, closeErrors: closeErrors)
        return Respond.html(
            PartnerCallShowPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: PartnerCall?, input: PartnerCallInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = PartnerCallFormPage.Model(
            city: city, editing: editing, areas: try await services.cityUseCases.areas(city: city.id),
            organisations: try await useCases.organisationsActing(for: context.actor, city: city), input: input,
            errors: errors)
        return Respond.html(
            PartnerCallFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
