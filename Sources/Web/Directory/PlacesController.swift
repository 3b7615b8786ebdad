import Domain
import Foundation
import Hummingbird

/// Places of encounter: the public directory and pages; describing a place (coordinators, or editors of its
/// owner); requesting a booking (editors, for their organisation); confirming or declining it (the owner's
/// editors or coordinators); cancelling it (the booking organisation).
struct PlacesController {
    let services: AppServices
    let config: AppConfig
    var useCases: PlaceUseCases { services.placeUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.places, use: index)
        router.get(.newPlace, use: newForm)
        router.post(.newPlace, use: create)
        router.get(.place, use: show)
        router.get(.editPlace, use: editForm)
        router.post(.editPlace, use: update)
        router.post(.requestBooking, use: requestBooking)
        router.post(.confirmBooking, use: confirm)
        router.post(.declineBooking, use: decline)
        router.post(.cancelBooking, use: cancel)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let areas = try await services.cityUseCases.areas(city: city.id)
        let filter = Self.filter(request, areas: areas)
        let acting = try await useCases.organisationsActing(for: context.actor, city: city.id)
        let model = PlacesIndexPage.Model(
            city: city, places: try await useCases.directory(city: city.id, filter: filter), areas: areas,
            filter: filter, mayAdd: Authorization.allows(context.actor, .coordinate(city.id)) || !acting.isEmpty)
        return Respond.html(
            PlacesIndexPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await showPage(request, context, city: city, input: .init(), errors: .init())
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let acting = try await useCases.organisationsActing(for: context.actor, city: city.id)
        guard !acting.isEmpty || Authorization.allows(context.actor, .coordinate(city.id)) else {
            throw NotPermitted()
        }
        let owner = Authorization.allows(context.actor, .coordinate(city.id)) ? "" : acting[0].id.description
        return try await form(
            request, context, city: city, editing: nil, input: PlaceInput(owner: owner), errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            let place = try await useCases.save(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .place(city.slug, place.id), flash: "directory.places.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let place = try await useCases.place(city: city.id, id: try Self.id(context))
        guard PlaceUseCases.mayEdit(context.actor, city: city.id, place) else { throw NotPermitted() }
        let codes = OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id))
        return try await form(
            request, context, city: city, editing: place, input: PlaceInput(place, areaCodes: codes), errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let place = try await useCases.place(city: city.id, id: try Self.id(context))
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.save(actor: context.actor, city: city, id: place.id, input: input)
            return Respond.redirect(to: .place(city.slug, place.id), flash: "directory.places.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: place, input: input, errors: errors)
        }
    }

    @Sendable func requestBooking(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let input = BookingInput(
            organisation: context.field("organisation"), day: context.field("day"), from: context.field("from"),
            until: context.field("until"), purpose: context.field("purpose"))
        return try await Respond.validating {
            try await useCases.request(actor: context.actor, city: city, place: id, input: input)
            return Respond.redirect(to: .place(city.slug, id), flash: "directory.bookings.flash.requested")
        } invalid: { errors in
            try await showPage(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context) { city, id, context in
            try await useCases.confirm(actor: context.actor, city: city, booking: id, notice: notice(city))
            return "directory.bookings.flash.confirmed"
        }
    }

    @Sendable func decline(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context) { city, id, context in
            try await useCases.decline(
                actor: context.actor, city: city, booking: id, reason: context.field("reason"), notice: notice(city))
            return "directory.bookings.flash.declined"
        }
    }

    @Sendable func cancel(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await decide(request, context) { city, id, context in
            try await useCases.cancel(actor: context.actor, city: city, booking: id)
            return "directory.bookings.flash.cancelled"
        }
    }

    /// The email telling the requester of a decision: the place, the time in the city's zone, the reason.
    private func notice(_ city: City) -> PlaceUseCases.DecisionNotice {
        let services = services
        let base = config.publicURL
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        return { booking, place, decision, language in
            let t = services.translator(language)
            let values = [
                "place": place.name.text(in: language, fallback: city.defaultLanguage),
                "when": PlaceShowPage.period(booking, zone),
                "link": base + Route.place(city.slug, place.id).path,
            ]
            switch decision {
            case .confirmed:
                return (
                    t("directory.bookings.email.confirmed_subject", values),
                    t("directory.bookings.email.confirmed", values)
                )
            case .declined(let reason):
                return (
                    t("directory.bookings.email.declined_subject", values),
                    t("directory.bookings.email.declined", values.merging(["reason": reason]) { $1 })
                )
            }
        }
    }

    /// Runs a decision on a booking and goes back to its place; a refused one re-renders the place with why.
    private func decide(
        _ request: Request, _ context: AppRequestContext,
        _ action: (City, BookingID, AppRequestContext) async throws -> String
    ) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(BookingID.init(string:)) else { throw NotFound() }
        let (_, place) = try await useCases.booking(city: city.id, id: id)
        return try await Respond.validating {
            let flash = try await action(city, id, context)
            return Respond.redirect(to: .place(city.slug, place.id), flash: flash)
        } invalid: { errors in
            try await showPage(
                request, context, city: city, place: place, input: .init(), errors: errors)
        }
    }

    static func input(_ context: AppRequestContext, city: City) -> PlaceInput {
        PlaceInput(
            kind: context.field("kind"),
            names: TranslatableFields.read("name", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            owner: context.field("owner"), address: context.field("address"), areaCode: context.field("area"),
            latitude: context.field("latitude"), longitude: context.field("longitude"),
            capacity: context.field("capacity"), accessibility: context.form["accessibility"] ?? [],
            hours: context.field("hours"), exceptions: context.field("exceptions"),
            appointmentOnly: context.field("appointment_only") == "yes", bookable: context.field("bookable") == "yes")
    }

    static func filter(_ request: Request, areas: [Area]) -> PlaceFilter {
        let query = request.uri.queryParameters
        let areaCode = query.get("area") ?? ""
        return PlaceFilter(
            kind: query.get("kind").flatMap(Place.Kind.init(rawValue:)),
            areaID: areas.first { $0.code == areaCode }?.id,
            stepFreeOnly: query.get("step_free") == "yes", bookableOnly: query.get("bookable") == "yes")
    }

    static func id(_ context: AppRequestContext) throws -> PlaceID {
        guard let id = context.parameters.get("id").flatMap(PlaceID.init(string:)) else { throw NotFound() }
        return id
    }

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, place given: Place? = nil,
        input: BookingInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let place: Place
        if let given {
            place = given
        } else {
            place = try await useCases.place(city: city.id, id: try Self.id(context))
        }
        let schedule = try await useCases.schedule(city: city, place: place)
        let organisations = try await services.organisationUseCases.list(city: city.id)
        let model = PlaceShowPage.Model(
            city: city, place: place, areas: try await services.cityUseCases.areas(city: city.id),
            names: Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) }),
            upcoming: schedule.upcoming, usage: schedule.usage,
            bookingFor: try await useCases.organisationsActing(for: context.actor, city: city.id),
            mayDecide: PlaceUseCases.mayDecide(context.actor, city: city.id, place),
            mayEdit: PlaceUseCases.mayEdit(context.actor, city: city.id, place), input: input, errors: errors)
        return Respond.html(
            PlaceShowPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: Place?, input: PlaceInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let owners =
            Authorization.allows(context.actor, .coordinate(city.id))
            ? try await services.organisationUseCases.list(city: city.id).filter { $0.status != .archived }
            : try await useCases.organisationsActing(for: context.actor, city: city.id)
        let model = PlaceFormPage.Model(
            city: city, editing: editing, areas: try await services.cityUseCases.areas(city: city.id), owners: owners,
            mayLeaveOwnerless: Authorization.allows(context.actor, .coordinate(city.id)), input: input, errors: errors)
        return Respond.html(
            PlaceFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }
}
