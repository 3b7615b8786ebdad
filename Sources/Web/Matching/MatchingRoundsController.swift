import Domain
import Foundation
import Hummingbird

/// The coordinator's side of referrals: matching rounds (run, review, take pairs out, confirm or discard),
/// monitoring with small counts hidden, and the fee ledger with its CSV (also for host organisations).
struct MatchingRoundsController {
    let services: AppServices
    let config: AppConfig
    var useCases: ReferralUseCases { services.referralUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.matchingRounds, use: index)
        router.post(.matchingRounds, use: run)
        router.get(.matchingRound, use: show)
        router.post(.confirmMatchingRound, use: confirm)
        router.post(.discardMatchingRound, use: discard)
        router.post(.removeRoundProposal, use: remove)
        router.get(.referralMonitoring, use: monitoring)
        router.get(.feeLedger, use: ledger)
        router.get(.feeLedgerCSV, use: ledgerCSV)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let today = CalendarDay(Date(), in: TimeZone(identifier: city.timeZone) ?? .current)
        let monthStart = CalendarDay(year: today.year, month: today.month, day: 1)!
        return try await indexPage(
            request, context, city: city, from: monthStart.description, through: today.description, errors: .init())
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await Respond.validating {
            let round = try await useCases.runRound(
                actor: context.actor, city: city, from: context.field("from"), through: context.field("through"))
            return Respond.redirect(to: .matchingRound(city.slug, round.id), flash: "matching.flash.round_run")
        } invalid: { errors in
            try await indexPage(
                request, context, city: city, from: context.field("from"), through: context.field("through"),
                errors: errors)
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await showPage(request, context, city: city, id: try Self.id(context), errors: .init())
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context, flash: "matching.flash.round_confirmed") { city, id, context in
            try await useCases.confirmRound(
                actor: context.actor, city: city, id: id,
                notice: ReferralsController(services: services, config: config).notice(city))
        }
    }

    @Sendable func discard(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context, flash: "matching.flash.round_discarded") { city, id, context in
            try await useCases.discardRound(actor: context.actor, city: city, id: id)
        }
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context, flash: "matching.flash.proposal_removed") { city, id, context in
            guard let referral = context.parameters.get("referral").flatMap(ReferralID.init(string:)) else {
                throw NotFound()
            }
            try await useCases.removeProposal(actor: context.actor, city: city, round: id, referral: referral)
        }
    }

    @Sendable func monitoring(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let monitoring = try await useCases.monitoring(actor: context.actor, city: city.id)
        let areas = try await services.cityUseCases.areas(city: city.id)
        let model = ReferralMonitoringPage.Model(
            city: city, monitoring: monitoring,
            areas: Dictionary(areas.map { ($0.id.description, $0) }) { first, _ in first })
        return Respond.html(
            ReferralMonitoringPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func ledger(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let query = try await ledgerQuery(request, context, city: city)
        var entries: [FeeLedgerEntry] = []
        if query.errors.isEmpty, let from = query.from, let through = query.through {
            entries = try await useCases.ledger(
                actor: context.actor, city: city.id, organisation: query.organisation, from: from, through: through)
        }
        let model = FeeLedgerPage.Model(
            city: city, organisations: query.readable, organisation: query.organisation?.description ?? "",
            from: query.fromText, through: query.throughText, entries: entries,
            activities: try await titles(entries), errors: query.errors)
        return Respond.html(
            FeeLedgerPage.render(model, PageContext(request, context, services: services, city: city)),
            status: query.errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func ledgerCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let query = try await ledgerQuery(request, context, city: city)
        guard query.errors.isEmpty, let from = query.from, let through = query.through else {
            throw HTTPError(.badRequest)
        }
        let entries = try await useCases.ledger(
            actor: context.actor, city: city.id, organisation: query.organisation, from: from, through: through)
        let language = context.language
        let csv = FeeLedgerExport.csv(
            entries,
            names: Dictionary(
                query.readable.map { ($0.id, $0.name.text(in: language, fallback: city.defaultLanguage)) }
            ) {
                first, _ in first
            },
            titles: try await titles(entries).mapValues { $0.text(in: language, fallback: city.defaultLanguage) })
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"referral-fees-\(from)-\(through).csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    /// The ledger's filter from the query: one organisation (of those the reader may read) or all, and a period
    /// that defaults to this year.
    private func ledgerQuery(_ request: Request, _ context: AppRequestContext, city: City) async throws -> (
        readable: [Organisation], organisation: OrganisationID?, from: CalendarDay?, through: CalendarDay?,
        fromText: String, throughText: String, errors: ValidationErrors
    ) {
        let readable = try await useCases.ledgerOrganisations(actor: context.actor, city: city.id)
        guard !readable.isEmpty else { throw NotPermitted() }
        let parameters = request.uri.queryParameters
        let today = CalendarDay(Date(), in: TimeZone(identifier: city.timeZone) ?? .current)
        let fromText = parameters.get("from").flatMap { $0.isEmpty ? nil : $0 } ?? "\(today.year)-01-01"
        let throughText = parameters.get("through").flatMap { $0.isEmpty ? nil : $0 } ?? "\(today.year)-12-31"
        let organisationText = parameters.get("organisation") ?? ""
        var errors = ValidationErrors()
        let from = CalendarDay(fromText)
        let through = CalendarDay(throughText)
        errors.require(from != nil, "stakeholders.errors.date.invalid", field: "from")
        errors.require(through != nil, "stakeholders.errors.date.invalid", field: "through")
        if let from, let through { errors.require(from <= through, "matching.errors.round.period", field: "through") }
        let organisation = OrganisationID(string: organisationText)
        errors.require(
            organisationText.isEmpty || readable.contains { $0.id == organisation },
            "stakeholders.errors.organisation.unknown", field: "organisation")
        return (readable, organisation, from, through, fromText, throughText, errors)
    }

    private func titles(_ entries: [FeeLedgerEntry]) async throws -> [ActivityID: LocalizedText] {
        var titles: [ActivityID: LocalizedText] = [:]
        for id in Set(entries.map(\.activityID)) {
            if let activity = try await services.activityUseCases.activity(id: id) {
                titles[id] = activity.title
            }
        }
        return titles
    }

    private func decide(
        _ request: Request, _ context: AppRequestContext, flash: String,
        _ action: (City, MatchingRoundID, AppRequestContext) async throws -> Void
    ) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        return try await Respond.validating {
            try await action(city, id, context)
            return Respond.redirect(to: .matchingRound(city.slug, id), flash: flash)
        } invalid: { errors in
            try await showPage(
                request, context, city: city, id: id, errors: errors)
        }
    }

    static func id(_ context: AppRequestContext) throws -> MatchingRoundID {
        guard let id = context.parameters.get("id").flatMap(MatchingRoundID.init(string:)) else { throw NotFound() }
        return id
    }

    private func indexPage(
        _ request: Request, _ context: AppRequestContext, city: City, from: String, through: String,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = MatchingRoundsPage.Model(
            city: city, rounds: try await useCases.rounds(actor: context.actor, city: city.id), from: from,
            through: through, errors: errors)
        return Respond.html(
            MatchingRoundsPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, id: MatchingRoundID, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (round, lines) = try await useCases.round(actor: context.actor, city: city.id, id: id)
        let model = MatchingRoundShowPage.Model(
            city: city, round: round, lines: lines,
            categories: ReferralsController.categoryNames(
                try await services.activityUseCases.categories(city: city.id)),
            errors: errors)
        return Respond.html(
            MatchingRoundShowPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
