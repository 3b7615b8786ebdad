import Domain
import Foundation
import Hummingbird

/// `/api/v1/cities/{city}/events`: published and cancelled events (filtered by kind, area and a day range),
/// page by page, and one event. How many came is given only from 10 people up. Editors of an organiser (and
/// coordinators) create and change events with a JSON body, through the same use case as the form.
struct EventsAPIController {
    let services: AppServices
    let config: AppConfig
    var useCases: EventUseCases { services.eventUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.apiEvents, use: list)
        router.post(.apiEvents, use: create)
        router.get(.apiEvent, use: get)
        router.put(.apiEvent, use: update)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard context.actor != nil else { throw NotPermitted() }
        let body = try await APIBody.decode(EventWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(status: .created, renaming: EventWriteDTO.fieldNames) {
            let event = try await useCases.save(actor: context.actor, city: city, input: body.input)
            return try await dto(
                event, city: city, areas: try await services.cityUseCases.areas(city: city.id),
                language: context.language)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try EventsController.id(context)
        guard context.actor != nil else { throw NotPermitted() }
        let body = try await APIBody.decode(EventWriteDTO.self, from: request, limit: config.maxBodyBytes)
        return try await APIBody.answer(renaming: EventWriteDTO.fieldNames) {
            let event = try await useCases.save(actor: context.actor, city: city, id: id, input: body.input)
            return try await dto(
                event, city: city, areas: try await services.cityUseCases.areas(city: city.id),
                language: context.language)
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let query = request.uri.queryParameters
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let areas = try await services.cityUseCases.areas(city: city.id)
        var errors = ValidationErrors()
        var filter = EventFilter()
        if let kind = query.get("kind") {
            filter.kind = Event.Kind(rawValue: kind)
            errors.require(filter.kind != nil, "directory.errors.event_kind.invalid", field: "kind")
        }
        if let area = query.get("area") {
            filter.areaID = areas.first { $0.code == area }?.id
            errors.require(filter.areaID != nil, "stakeholders.errors.areas.unknown", field: "area")
        }
        for (name, text) in [("from", query.get("from")), ("through", query.get("through"))] {
            guard let text else { continue }
            let day = CalendarDay(text)
            errors.require(day != nil, "stakeholders.errors.date.invalid", field: name)
            if let day {
                let moment = Schedule.moment(name == "from" ? day : day.adding(days: 1), minutes: 0, in: zone)
                if name == "from" { filter.from = moment } else { filter.until = moment }
            }
        }
        guard errors.isEmpty else {
            return try Respond.json(ValidationErrorsDTO(errors), status: .unprocessableContent)
        }
        let events = try await useCases.list(actor: nil, city: city.id, filter: filter)
        var items: [EventDTO] = []
        for event in events {
            items.append(try await dto(event, city: city, areas: areas, language: context.language))
        }
        return try Respond.page(items, request: request, context: context)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let event = try await useCases.event(actor: nil, city: city.id, id: try EventsController.id(context))
        let areas = try await services.cityUseCases.areas(city: city.id)
        return try Respond.cachedJSON(
            try await dto(event, city: city, areas: areas, language: context.language), request: request,
            shared: true)
    }

    private func dto(_ event: Event, city: City, areas: [Area], language: LanguageCode) async throws -> EventDTO {
        var attendance: Int?
        if event.end <= services.accounts.now() {
            let total = Attendance.total(
                counts: try await useCases.attendanceCounts(event: event.id),
                registrations: try await useCases.registrations(event: event.id))
            attendance = total >= EventShowPage.smallestShownAttendance ? total : nil
        }
        return EventDTO(
            event, city: city, areaCodes: OrganisationsAPIController.codes(areas), language: language,
            attendance: attendance)
    }
}
