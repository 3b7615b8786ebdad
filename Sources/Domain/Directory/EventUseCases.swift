import Foundation

/// Events: the list of what is coming, one event, organising one (editors of an organiser, or coordinators),
/// registering with a waiting list, cancelling by the link sent, and recording who came.
public struct EventUseCases: Sendable {
    var events: any EventRepository
    var organisations: any OrganisationRepository
    var networks: any NetworkRepository
    var places: any PlaceRepository
    var areas: any AreaRepository
    public var now: @Sendable () -> Date

    public init(
        events: any EventRepository, organisations: any OrganisationRepository, networks: any NetworkRepository,
        places: any PlaceRepository, areas: any AreaRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.events = events
        self.organisations = organisations
        self.networks = networks
        self.places = places
        self.areas = areas
        self.now = now
    }

    /// Events by the filter; drafts only when the filter asks for them and the actor organises them.
    public func list(actor: Actor?, city: CityID, filter: EventFilter) async throws -> [Event] {
        try await events.list(city: city, filter: filter).filter {
            $0.status != .draft || Self.mayOrganise(actor, city: city, $0)
        }
    }

    /// One event of the city; a draft only for its organisers.
    public func event(actor: Actor?, city: CityID, id: EventID) async throws -> Event {
        guard let event = try await events.find(id: id), event.cityID == city else { throw NotFound() }
        guard event.status != .draft || Self.mayOrganise(actor, city: city, event) else { throw NotFound() }
        return event
    }

    /// Editors of any organiser, and coordinators, change an event and see who registered.
    public static func mayOrganise(_ actor: Actor?, city: CityID, _ event: Event) -> Bool {
        Authorization.allows(actor, .coordinate(city))
            || event.organiserIDs.contains { Authorization.allows(actor, .editOrganisation(city, $0)) }
    }

    /// What an event form may choose from: any active organisation may co-organise, one the actor acts for
    /// must.
    public func choices(actor: Actor?, city: CityID, keeping event: Event? = nil) async throws -> EventInput.Choices {
        let all = try await organisations.list(city: city).filter { $0.status == .active }
        var acting = Set(all.filter { Authorization.allows(actor, .editOrganisation(city, $0.id)) }.map(\.id))
        var known = Set(all.map(\.id))
        if let event {
            known.formUnion(event.organiserIDs)
            if Self.mayOrganise(actor, city: city, event) { acting.formUnion(event.organiserIDs) }
        }
        let areas = try await areas.list(city: city)
        return EventInput.Choices(
            organisations: known, acting: acting, networks: Set(try await networks.list(city: city).map(\.id)),
            places: Set(try await places.list(city: city).map(\.id)),
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Adds or changes an event.
    @discardableResult
    public func save(actor: Actor?, city: City, id: EventID? = nil, input: EventInput) async throws -> Event {
        let existing = try await id.asyncMap { try await self.event(actor: actor, city: city.id, id: $0) }
        if let existing { guard Self.mayOrganise(actor, city: city.id, existing) else { throw NotPermitted() } }
        let choices = try await choices(actor: actor, city: city.id, keeping: existing)
        guard !choices.acting.isEmpty else { throw NotPermitted() }
        var event =
            existing
            ?? Event(
                cityID: city.id, kind: .other, title: .init(), organiserIDs: [], start: now(), end: now(),
                createdAt: now())
        try input.apply(to: &event, choices: choices, timeZone: Self.timeZone(city), original: city.defaultLanguage)
        event.updatedAt = now()
        try await events.save(event)
        return event
    }

    /// Registers someone (signed in or not) for a published event that takes registrations and has not begun.
    /// The registrant gets an email with a link to see and cancel the registration.
    public func register(
        actor: Actor?, city: City, id: EventID, input: RegistrationInput,
        notice: @Sendable (Event, RegistrationOutcome, _ token: String) -> (subject: String, body: String)
    ) async throws -> RegistrationOutcome {
        let event = try await event(actor: nil, city: city.id, id: id)
        var errors = ValidationErrors()
        errors.require(
            event.registration && event.status == .published && event.start > now(),
            "directory.errors.registration.closed", field: "registration")
        if !errors.isEmpty { throw errors }
        let valid = try input.validate()
        let token = SecureToken.generate()
        let registration = Registration(
            eventID: event.id, name: valid.name, email: valid.email, personID: actor?.person.id, createdAt: now())
        let created = now()
        let outcome = try await events.register(registration, token: token, capacity: event.capacity) { outcome in
            let rendered = notice(event, outcome, token)
            return OutboxMessage(
                recipient: valid.email, subject: rendered.subject, body: rendered.body, createdAt: created)
        }
        if outcome == .duplicate {
            throw ValidationErrors(["email": ["directory.errors.registration.duplicate"]])
        }
        return outcome
    }

    /// The registration a link opens, with its event.
    public func registration(city: CityID, token: String) async throws -> (Registration, Event) {
        guard let registration = try await events.registration(token: token),
            let event = try await events.find(id: registration.eventID), event.cityID == city
        else { throw NotFound() }
        return (registration, event)
    }

    /// Cancels by the link; the first on the waiting list is told they now have a place.
    public func cancel(
        city: CityID, token: String, notice: @Sendable (Event, Registration) -> (subject: String, body: String)
    ) async throws {
        let (registration, event) = try await registration(city: city, token: token)
        guard registration.status != .cancelled else {
            throw ValidationErrors(["registration": ["directory.errors.registration.cancelled"]])
        }
        let created = now()
        _ = try await events.cancel(registration.id) { promoted in
            let rendered = notice(event, promoted)
            return OutboxMessage(
                recipient: promoted.email, subject: rendered.subject, body: rendered.body, createdAt: created)
        }
    }

    /// Who registered, and the counts by sector (organisers only).
    public func attendance(actor: Actor?, city: CityID, event: Event) async throws -> (
        registrations: [Registration], counts: [Attendance.Sector: Int]
    ) {
        guard Self.mayOrganise(actor, city: city, event) else { throw NotPermitted() }
        return (try await events.registrations(event: event.id), try await events.attendance(event: event.id))
    }

    /// Records who came: counts by sector (whole numbers, 0 to 100,000) and registrations marked attended. Only
    /// once the event has begun.
    public func recordAttendance(
        actor: Actor?, city: CityID, event: Event, counts: [String: String], attended: [String]
    ) async throws {
        guard Self.mayOrganise(actor, city: city, event) else { throw NotPermitted() }
        var errors = ValidationErrors()
        errors.require(event.start <= now(), "directory.errors.attendance.future", field: "attendance")
        var values: [Attendance.Sector: Int] = [:]
        for sector in Attendance.Sector.allCases {
            let text = (counts[sector.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let value = Int(text).flatMap { (0...100_000).contains($0) ? $0 : nil }
            errors.require(value != nil, "directory.errors.attendance.count", field: "count_\(sector.rawValue)")
            if let value, value > 0 { values[sector] = value }
        }
        let registered = Set(try await events.registrations(event: event.id).map(\.id))
        let marked = Set(attended.compactMap(RegistrationID.init(string:)))
        errors.require(
            marked.count == attended.count && marked.isSubset(of: registered), "directory.errors.attendance.unknown",
            field: "attended")
        if !errors.isEmpty { throw errors }
        try await events.recordAttendance(event: event.id, counts: values, attended: marked)
    }

    static func timeZone(_ city: City) -> TimeZone { TimeZone(identifier: city.timeZone) ?? .current }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension EventUseCases {
    /// The registrations for an event, waiting list included.
    public func registrations(event: EventID) async throws -> [Registration] {
        try await events.registrations(event: event)
    }

    /// The attendance recorded for an event, by sector.
    public func attendanceCounts(event: EventID) async throws -> [Attendance.Sector: Int] {
        try await events.attendance(event: event)
    }
}
