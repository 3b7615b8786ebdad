import Domain
import Foundation
import Hummingbird

/// Referrals: the overview for each role, newcomers recorded and referred by their caseworkers, and the host
/// organisation's decisions and participation. Every change is checked in `ReferralUseCases`.
struct ReferralsController {
    let services: AppServices
    let config: AppConfig
    var useCases: ReferralUseCases { services.referralUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.referrals, use: index)
        router.get(.newNewcomer, use: newForm)
        router.post(.newNewcomer, use: create)
        router.get(.newcomer, use: show)
        router.get(.editNewcomer, use: editForm)
        router.post(.editNewcomer, use: update)
        router.post(.referNewcomer, use: refer)
        router.post(.renewNewcomerCode, use: renewCode)
        router.post(.eraseNewcomer, use: erase)
        router.post(.acceptReferral, use: accept)
        router.post(.declineReferral, use: decline)
        router.post(.referralParticipation, use: participation)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await indexPage(request, context, city: city, errors: .init(), failed: nil)
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard !ReferralUseCases.caseworkerOrganisations(context.actor, city: city.id).isEmpty else {
            throw NotPermitted()
        }
        return try await form(
            request, context, city: city, editing: nil, input: .init(), organisation: "", errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context)
        return try await Respond.validating {
            let (newcomer, code) = try await useCases.record(
                actor: context.actor, city: city, organisation: context.field("organisation"), input: input)
            // The code is shown on this answer only; reloading it does not show it again.
            return try await showPage(request, context, city: city, newcomer: newcomer, code: code, status: .created)
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, organisation: context.field("organisation"),
                errors: errors)
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let newcomer = try await useCases.newcomer(actor: context.actor, city: city.id, id: try Self.id(context))
        return try await showPage(request, context, city: city, newcomer: newcomer)
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let newcomer = try await useCases.newcomer(actor: context.actor, city: city.id, id: try Self.id(context))
        guard newcomer.erasedAt == nil else { throw NotFound() }
        let categories = try await services.activityUseCases.categories(city: city.id)
        let areas = try await services.cityUseCases.areas(city: city.id)
        let input = NewcomerInput(
            newcomer, categoryCodes: Dictionary(categories.map { ($0.id, $0.code) }) { first, _ in first },
            areaCodes: Dictionary(areas.map { ($0.id, $0.code) }) { first, _ in first })
        return try await form(
            request, context, city: city, editing: newcomer, input: input, organisation: "", errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let newcomer = try await useCases.newcomer(actor: context.actor, city: city.id, id: try Self.id(context))
        let input = Self.input(context)
        return try await Respond.validating {
            try await useCases.update(actor: context.actor, city: city, id: newcomer.id, input: input)
            return Respond.redirect(to: .newcomer(city.slug, newcomer.id), flash: "matching.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: newcomer, input: input, organisation: "", errors: errors)
        }
    }

    @Sendable func refer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        return try await Respond.validating {
            guard let activity = ActivityID(string: context.field("activity")) else {
                throw ValidationErrors(["activity": ["matching.errors.activity.not_eligible"]])
            }
            try await useCases.refer(
                actor: context.actor, city: city, newcomer: id, activity: activity, notice: notice(city))
            return Respond.redirect(to: .newcomer(city.slug, id), flash: "matching.flash.referred")
        } invalid: { errors in
            let newcomer = try await useCases.newcomer(actor: context.actor, city: city.id, id: id)
            return try await showPage(
                request, context, city: city, newcomer: newcomer, errors: errors)
        }
    }

    @Sendable func renewCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let code = try await useCases.renewAccessCode(actor: context.actor, city: city, id: id)
        let newcomer = try await useCases.newcomer(actor: context.actor, city: city.id, id: id)
        return try await showPage(request, context, city: city, newcomer: newcomer, code: code)
    }

    @Sendable func erase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        try await useCases.erase(actor: context.actor, city: city, id: id)
        return Respond.redirect(to: .newcomer(city.slug, id), flash: "matching.flash.erased")
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context) { city, id, context in
            try await useCases.accept(actor: context.actor, city: city, referral: id, notice: notice(city))
            return "matching.flash.accepted"
        }
    }

    @Sendable func decline(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context) { city, id, context in
            try await useCases.decline(
                actor: context.actor, city: city, referral: id, reason: context.field("reason"), notice: notice(city))
            return "matching.flash.declined"
        }
    }

    @Sendable func participation(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context) { city, id, context in
            switch try await useCases.recordParticipation(
                actor: context.actor, city: city, referral: id, day: context.field("day"))
            {
            case .recorded(let fee):
                return fee == nil ? "matching.flash.participation" : "matching.flash.participation_fee"
            case .alreadyRecorded: return "matching.flash.participation_known"
            case .notAccepted: return "matching.flash.participation"
            }
        }
    }

    /// Runs a host's decision and goes back to the overview; a refused one re-renders it with why, next to the
    /// referral.
    private func decide(
        _ request: Request, _ context: AppRequestContext,
        _ action: (City, ReferralID, AppRequestContext) async throws -> String
    ) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(ReferralID.init(string:)) else { throw NotFound() }
        return try await Respond.validating {
            let flash = try await action(city, id, context)
            return Respond.redirect(to: .referrals(city.slug), flash: flash)
        } invalid: { errors in
            try await indexPage(
                request, context, city: city, errors: errors, failed: id)
        }
    }

    /// The message about a referral in the recipient's language, with a link to where they act on it.
    func notice(_ city: City) -> ReferralUseCases.Notice {
        let services = services
        let base = config.publicURL
        return { kind, referral, activity, language in
            let t = services.translator(language)
            let values = ["activity": activity.title.text(in: language, fallback: city.defaultLanguage)]
            switch kind {
            case .referred, .withdrawn:
                let name = kind == .referred ? "referred" : "withdrawn"
                let link = ["link": base + Route.referrals(city.slug).path]
                return (
                    t("matching.email.\(name)_subject", values),
                    t("matching.email.\(name)", values.merging(link) { $1 })
                )
            case .accepted:
                let link = ["link": base + Route.newcomer(city.slug, referral.newcomerID).path]
                return (
                    t("matching.email.accepted_subject", values),
                    t("matching.email.accepted", values.merging(link) { $1 })
                )
            case .declined(let reason):
                let more = ["link": base + Route.newcomer(city.slug, referral.newcomerID).path, "reason": reason]
                return (
                    t("matching.email.declined_subject", values),
                    t("matching.email.declined", values.merging(more) { $1 })
                )
            }
        }
    }

    static func input(_ context: AppRequestContext) -> NewcomerInput {
        NewcomerInput(
            interests: context.form["interests"] ?? [], languages: context.field("languages"),
            area: context.field("area"),
            availability: context.form["availability"] ?? [], name: context.field("name"),
            contact: context.field("contact"), consent: context.field("consent") == "yes")
    }

    static func id(_ context: AppRequestContext) throws -> NewcomerID {
        guard let id = context.parameters.get("id").flatMap(NewcomerID.init(string:)) else { throw NotFound() }
        return id
    }

    static func categoryNames(_ categories: [Domain.Category]) -> [String: LocalizedText] {
        Dictionary(categories.map { ($0.id.description, $0.name) }) { first, _ in first }
    }

    private func indexPage(
        _ request: Request, _ context: AppRequestContext, city: City, errors: ValidationErrors, failed: ReferralID?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard context.actor != nil else { throw NotPermitted() }
        let caseworker = !ReferralUseCases.caseworkerOrganisations(context.actor, city: city.id).isEmpty
        let newcomers = caseworker ? try await useCases.newcomers(actor: context.actor, city: city.id) : nil
        var open: [NewcomerID: Int] = [:]
        if let newcomers, !newcomers.isEmpty {
            for referral in try await useCases.referrals(
                ReferralFilter(city: city.id, newcomerIDs: Set(newcomers.map(\.id)), statuses: [.referred, .accepted]))
            {
                open[referral.newcomerID, default: 0] += 1
            }
        }
        let model = ReferralsIndexPage.Model(
            city: city, newcomers: newcomers, open: open,
            hosted: try await useCases.hosted(actor: context.actor, city: city.id),
            categories: Self.categoryNames(try await services.activityUseCases.categories(city: city.id)),
            mayCoordinate: Authorization.allows(context.actor, .coordinate(city.id)),
            mayReadLedger: !(try await useCases.ledgerOrganisations(actor: context.actor, city: city.id)).isEmpty,
            errors: errors, failed: failed)
        return Respond.html(
            ReferralsIndexPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, newcomer: Newcomer, code: String? = nil,
        errors: ValidationErrors = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = NewcomerShowPage.Model(
            city: city, newcomer: newcomer, accessCode: code, referrals: try await useCases.referrals(of: newcomer),
            suggestions: try await useCases.suggestions(actor: context.actor, city: city, id: newcomer.id),
            categories: Self.categoryNames(try await services.activityUseCases.categories(city: city.id)),
            areas: try await services.cityUseCases.areas(city: city.id), errors: errors)
        return Respond.html(
            NewcomerShowPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: Newcomer?, input: NewcomerInput,
        organisation: String, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let own = ReferralUseCases.caseworkerOrganisations(context.actor, city: city.id)
        let model = NewcomerFormPage.Model(
            city: city, editing: editing,
            organisations: try await services.organisationUseCases.list(city: city.id).filter { own.contains($0.id) },
            categories: try await services.activityUseCases.categories(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id), input: input, organisation: organisation,
            errors: errors)
        return Respond.html(
            NewcomerFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
