import Domain
import Foundation
import Hummingbird

/// Events: what is coming (or what was), one event with its registration form, organising one (editors of an
/// organiser, or coordinators), registrations and attendance (organisers), and a registration's own page
/// behind the link sent to the registrant.
struct EventsController {
    let services: AppServices
    let config: AppConfig
    var useCases: EventUseCases { services.eventUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.events, use: index)
        router.get(.eventsCalendar, use: feed)
        router.get(.newEvent, use: newForm)
        router.post(.newEvent, use: create)
        router.get(.event, use: show)
        router.get(.editEvent, use: editForm)
        router.post(.editEvent, use: update)
        router.post(.registerForEvent, use: registerForEvent)
        router.get(.eventAttendance, use: attendance)
        router.post(.eventAttendance, use: recordAttendance)
        router.get(.registration, use: registration)
        router.post(.cancelRegistration, use: cancelRegistration)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let query = request.uri.queryParameters
        let past = query.get("when") == "past"
        let areas = try await services.cityUseCases.areas(city: city.id)
        let kind = query.get("kind").flatMap(Event.Kind.init(rawValue:))
        let areaCode = query.get("area") ?? ""
        let now = services.accounts.now()
        var filter = EventFilter(
            from: past ? nil : now, until: past ? now : nil, kind: kind, areaID: areas.first { $0.code == areaCode }?.id
        )
        filter.statuses = [.published, .cancelled, .draft]
        filter.limit = 100
        filter.newestFirst = past
        let events = try await useCases.list(actor: context.actor, city: city.id, filter: filter)
        let model = EventsIndexPage.Model(
            city: city, events: events, past: past, kind: kind?.rawValue ?? "",
            areaCode: areaCode, areas: areas,
            organisations: try await DirectoryNames.organisations(
                services: services, Set(events.flatMap(\.organiserIDs))),
            places: try await DirectoryNames.places(services: services, Set(events.compactMap(\.placeID))),
            mayAdd: !(try await acting(context, city)).isEmpty)
        return Respond.html(
            EventsIndexPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let events = try await useCases.list(
            actor: nil, city: city.id,
            filter: EventFilter(from: services.accounts.now().addingTimeInterval(-90 * 86_400), statuses: [.published]))
        let places = try await services.placeUseCases.list(city: city.id)
        let text = ICalendar.feed(
            [], events: Array(events.prefix(ICalendar.feedLimit)), city: city,
            name: services.translator(context.language)(
                "directory.events.feed_name", ["city": city.displayName(in: context.language)]),
            language: context.language, places: Dictionary(uniqueKeysWithValues: places.map { ($0.id, $0) }),
            baseURL: config.publicURL, now: services.accounts.now())
        return Respond.conditional(
            Data(text.utf8), contentType: "text/calendar; charset=utf-8", request: request, maxAge: 300)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await showPage(request, context, city: city, input: .init(), errors: .init())
    }

    @Sendable func registerForEvent(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let input = RegistrationInput(
            name: context.field("name"), email: context.field("email"), consent: context.field("consent") == "yes")
        let t = services.translator(context.language)
        let base = config.publicURL
        return try await Respond.validating {
            let outcome = try await useCases.register(
                actor: context.actor, city: city, id: id, input: input,
                notice: { event, outcome, token in
                    let title = event.title.text(in: t.language, fallback: city.defaultLanguage)
                    let link = base + Route.registration(city.slug, token).path
                    return (
                        t("directory.events.email.subject", ["title": title]),
                        t(
                            outcome == .waitlisted
                                ? "directory.events.email.waitlisted" : "directory.events.email.registered",
                            ["title": title, "link": link])
                    )
                })
            return Respond.redirect(
                to: .event(city.slug, id),
                flash: outcome == .waitlisted
                    ? "directory.events.flash.waitlisted" : "directory.events.flash.registered")
        } invalid: { errors in
            try await showPage(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func registration(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (registration, event) = try await useCases.registration(city: city.id, token: Self.token(context))
        var response = Respond.html(
            RegistrationPage.render(
                .init(city: city, event: event, registration: registration, token: try Self.token(context)),
                PageContext(request, context, services: services, city: city)))
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }

    @Sendable func cancelRegistration(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let token = try Self.token(context)
        let t = services.translator(city.defaultLanguage)
        let base = config.publicURL
        do {
            try await useCases.cancel(
                city: city.id, token: token,
                notice: { event, _ in
                    let title = event.title.text(in: city.defaultLanguage)
                    return (
                        t("directory.events.email.subject", ["title": title]),
                        t(
                            "directory.events.email.promoted",
                            ["title": title, "link": base + Route.event(city.slug, event.id).path])
                    )
                })
            return Respond.redirect(to: .registration(city.slug, token), flash: "directory.events.flash.cancelled")
        } catch is ValidationErrors {
            return Respond.redirect(to: .registration(city.slug, token))
        }
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let first = try await acting(context, city).first else { throw NotPermitted() }
        return try await form(
            request, context, city: city, editing: nil, input: EventInput(organisers: [first.id.description]),
            errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            let event = try await useCases.save(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .event(city.slug, event.id), flash: "directory.events.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let event = try await useCases.event(actor: context.actor, city: city.id, id: try Self.id(context))
        guard EventUseCases.mayOrganise(context.actor, city: city.id, event) else { throw NotPermitted() }
        let input = EventInput(
            event, areaCodes: OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id)),
            timeZone: TimeZone(identifier: city.timeZone) ?? .current)
        return try await form(request, context, city: city, editing: event, input: input, errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let event = try await useCases.event(actor: context.actor, city: city.id, id: try Self.id(context))
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.save(actor: context.actor, city: city, id: event.id, input: input)
            return Respond.redirect(to: .event(city.slug, event.id), flash: "directory.events.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: event, input: input, errors: errors)
        }
    }

    @Sendable func attendance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let event = try await useCases.event(actor: context.actor, city: city.id, id: try Self.id(context))
        return try await attendancePage(request, context, city: city, event: event, errors: .init())
    }

    @Sendable func recordAttendance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let event = try await useCases.event(actor: context.actor, city: city.id, id: try Self.id(context))
        let counts = Dictionary(
            uniqueKeysWithValues: Attendance.Sector.allCases.map {
                ($0.rawValue, context.field("count_\($0.rawValue)"))
            })
        return try await Respond.validating {
            try await useCases.recordAttendance(
                actor: context.actor, city: city.id, event: event, counts: counts,
                attended: context.form["attended"] ?? [])
            return Respond.redirect(
                to: .eventAttendance(city.slug, event.id), flash: "directory.events.flash.attendance")
        } invalid: { errors in
            try await attendancePage(
                request, context, city: city, event: event, errors: errors, entered: counts)
        }
    }

    static func input(_ context: AppRequestContext, city: City) -> EventInput {
        let lead = context.field("lead")
        let partners = (context.form["organisers"] ?? []).filter { $0 != lead }
        return EventInput(
            kind: context.field("kind"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            organisers: [lead] + partners, network: context.field("network"), place: context.field("place"),
            areaCode: context.field("area"), day: context.field("day"), from: context.field("from"),
            until: context.field("until"), capacity: context.field("capacity"),
            registration: context.field("registration") == "yes", fee: context.field("fee"),
            cost: context.field("cost"), status: context.field("status"))
    }

    static func id(_ context: AppRequestContext) throws -> EventID {
        guard let id = context.parameters.get("id").flatMap(EventID.init(string:)) else { throw NotFound() }
        return id
    }

    static func token(_ context: AppRequestContext) throws -> String {
        guard let token = context.parameters.get("token"), (20...100).contains(token.count) else { throw NotFound() }
        return token
    }

    private func acting(_ context: AppRequestContext, _ city: City) async throws -> [Organisation] {
        try await services.activityUseCases.organisationsActing(for: context.actor, city: city.id)
    }

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, input: RegistrationInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let event = try await useCases.event(actor: context.actor, city: city.id, id: try Self.id(context))
        let registrations = try await services.eventUseCases.registrations(event: event.id)
        let counts = try await services.eventUseCases.attendanceCounts(event: event.id)
        var place: Place?
        if let id = event.placeID { place = try await services.placeUseCases.place(id: id) }
        var network: Network?
        if let id = event.networkID { network = try await services.networkUseCases.network(id: id) }
        let model = EventShowPage.Model(
            city: city, event: event,
            organisations: try await DirectoryNames.organisations(services: services, Set(event.organiserIDs)),
            place: place, network: network,
            registered: registrations.filter { $0.status == .registered }.count,
            attendance: Attendance.total(counts: counts, registrations: registrations),
            now: services.accounts.now(), mayOrganise: EventUseCases.mayOrganise(context.actor, city: city.id, event),
            input: input, errors: errors)
        return Respond.html(
            EventShowPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func attendancePage(
        _ request: Request, _ context: AppRequestContext, city: City, event: Event, errors: ValidationErrors,
        entered: [String: String]? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (registrations, counts) = try await useCases.attendance(actor: context.actor, city: city.id, event: event)
        let model = EventAttendancePage.Model(
            city: city, event: event, registrations: registrations,
            counts: entered ?? Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, String($0.value)) }),
            started: event.start <= services.accounts.now(), errors: errors)
        var response = Respond.html(
            EventAttendancePage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: Event?, input: EventInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var acting = try await acting(context, city)
        let all = try await services.organisationUseCases.list(city: city.id).filter { $0.status == .active }
        if let editing, EventUseCases.mayOrganise(context.actor, city: city.id, editing) {
            acting += all.filter { editing.organiserIDs.contains($0.id) && !acting.contains($0) }
        }
        let model = EventFormPage.Model(
            city: city, editing: editing, acting: acting, organisations: all,
            networks: try await services.networkUseCases.list(city: city.id),
            places: try await services.placeUseCases.list(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id), input: input, errors: errors)
        return Respond.html(
            EventFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }
}
