import Foundation

/// Places of encounter and their bookings: the public directory, describing a place, requesting, confirming,
/// declining and cancelling bookings, and monthly use.
public struct PlaceUseCases: Sendable {
    var places: any PlaceRepository
    var bookings: any BookingRepository
    var organisations: any OrganisationRepository
    var areas: any AreaRepository
    /// Who requested a booking, to tell them of the decision.
    var persons: any PersonRepository
    var outbox: any OutboxRepository
    public var now: @Sendable () -> Date

    public init(
        places: any PlaceRepository, bookings: any BookingRepository, organisations: any OrganisationRepository,
        areas: any AreaRepository, persons: any PersonRepository, outbox: any OutboxRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.places = places
        self.bookings = bookings
        self.organisations = organisations
        self.areas = areas
        self.persons = persons
        self.outbox = outbox
        self.now = now
    }

    /// A decision on a booking, as the requester is told of it.
    public enum Decision: Hashable, Sendable {
        case confirmed
        case declined(reason: String)
    }

    /// The email about a decision, written in the recipient's language.
    public typealias DecisionNotice =
        @Sendable (Booking, Place, Decision, LanguageCode) -> (subject: String, body: String)

    /// One place, of any city, for naming it beside what happens there.
    public func place(id: PlaceID) async throws -> Place? {
        try await places.find(id: id)
    }

    /// Every place of the city, for choosing one in a form.
    public func list(city: CityID) async throws -> [Place] {
        try await places.list(city: city)
    }

    public func directory(city: CityID, filter: PlaceFilter) async throws -> [Place] {
        try await places.list(city: city).filter(filter.admits)
    }

    public func place(city: CityID, id: PlaceID) async throws -> Place {
        guard let place = try await places.find(id: id), place.cityID == city else { throw NotFound() }
        return place
    }

    /// Coordinators describe any place; an organisation's editors the places it owns.
    public static func mayEdit(_ actor: Actor?, city: CityID, _ place: Place) -> Bool {
        place.ownerID.map { Authorization.allows(actor, .editOrganisation(city, $0)) }
            ?? Authorization.allows(actor, .coordinate(city))
    }

    /// Who confirms and declines a place's bookings: its owner's editors, or coordinators.
    public static func mayDecide(_ actor: Actor?, city: CityID, _ place: Place) -> Bool {
        mayEdit(actor, city: city, place)
    }

    /// The organisations the actor acts for: every active one for coordinators, else those they edit.
    public func organisationsActing(for actor: Actor?, city: CityID) async throws -> [Organisation] {
        try await organisations.acting(for: actor, city: city)
    }

    /// Adds or changes a place. A new place owned by an organisation needs an editor of it; without an owner,
    /// a coordinator.
    @discardableResult
    public func save(actor: Actor?, city: City, id: PlaceID? = nil, input: PlaceInput) async throws -> Place {
        var place =
            try await id.asyncMap { try await self.place(city: city.id, id: $0) }
            ?? Place(cityID: city.id, kind: .other, name: .init(), createdAt: now())
        if id != nil { guard Self.mayEdit(actor, city: city.id, place) else { throw NotPermitted() } }
        let acting = try await organisationsActing(for: actor, city: city.id)
        guard !acting.isEmpty || Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        var owners = Set(acting.map(\.id))
        if let current = place.ownerID { owners.insert(current) }
        let areas = try await areas.list(city: city.id)
        try input.apply(
            to: &place, organisations: owners,
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }),
            original: city.defaultLanguage)
        guard Self.mayEdit(actor, city: city.id, place) else { throw NotPermitted() }
        try await places.save(place)
        return place
    }

    /// Requests a booking for an organisation the actor edits.
    @discardableResult
    public func request(actor: Actor?, city: City, place id: PlaceID, input: BookingInput) async throws -> Booking {
        guard let actor else { throw NotPermitted() }
        let place = try await place(city: city.id, id: id)
        let acting = try await organisationsActing(for: actor, city: city.id)
        guard !acting.isEmpty else { throw NotPermitted() }
        let valid = try input.validate(
            place: place, organisations: Set(acting.map(\.id)), timeZone: Self.timeZone(city), now: now())
        let booking = Booking(
            placeID: place.id, organisationID: valid.organisation, start: valid.start, end: valid.end,
            purpose: valid.purpose, requestedBy: actor.person.id, createdAt: now())
        try await bookings.create(booking)
        return booking
    }

    /// A booking of one of the city's places, with its place.
    public func booking(city: CityID, id: BookingID) async throws -> (Booking, Place) {
        guard let booking = try await bookings.find(id: id) else { throw NotFound() }
        return (booking, try await place(city: city, id: booking.placeID))
    }

    /// Confirms a request and emails the person who made it. Throws `ValidationErrors` when a confirmed booking
    /// overlaps or it is not a request.
    public func confirm(actor: Actor?, city: City, booking id: BookingID, notice: DecisionNotice) async throws {
        let (booking, place) = try await booking(city: city.id, id: id)
        guard Self.mayDecide(actor, city: city.id, place) else { throw NotPermitted() }
        switch try await bookings.confirm(id, at: now()) {
        case .confirmed: try await tell(booking, place, .confirmed, notice)
        case .overlaps: throw ValidationErrors(["booking": ["directory.errors.booking.overlap"]])
        case .notRequested: throw ValidationErrors(["booking": ["directory.errors.booking.decided"]])
        }
    }

    /// Declines a request or a confirmed booking, with a reason emailed to the requester. The place's deciders.
    public func decline(
        actor: Actor?, city: City, booking id: BookingID, reason: String, notice: DecisionNotice
    ) async throws {
        let (booking, place) = try await booking(city: city.id, id: id)
        guard Self.mayDecide(actor, city: city.id, place) else { throw NotPermitted() }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = ValidationErrors()
        errors.require(!reason.isEmpty, "common.errors.required", field: "reason")
        errors.require(reason.count <= 500, "common.errors.too_long", field: "reason")
        errors.require(
            booking.status == .requested || booking.status == .confirmed, "directory.errors.booking.decided",
            field: "booking")
        try errors.throwIfAny()
        try await bookings.close(id, as: .declined, reason: reason, at: now())
        try await tell(booking, place, .declined(reason: reason), notice)
    }

    /// Emails the person who requested the booking (when the account still exists) in their own language.
    private func tell(_ booking: Booking, _ place: Place, _ decision: Decision, _ notice: DecisionNotice)
        async throws
    {
        guard let id = booking.requestedBy, let person = try await persons.find(id: id) else { return }
        let rendered = notice(booking, place, decision, person.preferredLanguage)
        try await outbox.enqueue(
            OutboxMessage(recipient: person.email, subject: rendered.subject, body: rendered.body, createdAt: now()))
    }

    /// Cancels one's own booking (the booking organisation's editors).
    public func cancel(actor: Actor?, city: City, booking id: BookingID) async throws {
        let (booking, _) = try await booking(city: city.id, id: id)
        guard Authorization.allows(actor, .editOrganisation(city.id, booking.organisationID)) else {
            throw NotPermitted()
        }
        guard booking.status == .requested || booking.status == .confirmed else {
            throw ValidationErrors(["booking": ["directory.errors.booking.decided"]])
        }
        try await bookings.close(id, as: .cancelled, reason: "", at: now())
    }

    /// The place's bookings from today on, and its use month by month this year.
    public func schedule(city: City, place: Place) async throws -> (upcoming: [Booking], usage: [PlaceUsage.Month]) {
        let zone = Self.timeZone(city)
        let today = CalendarDay(now(), in: zone)
        let yearStart = BookingInput.moment(CalendarDay(year: today.year, month: 1, day: 1)!, minutes: 0, in: zone)!
        let yearEnd = BookingInput.moment(CalendarDay(year: today.year + 1, month: 1, day: 1)!, minutes: 0, in: zone)!
        let horizon = now().addingTimeInterval(180 * 86_400)
        let all = try await bookings.list(place: place.id, from: min(yearStart, now()), until: max(yearEnd, horizon))
        return (
            all.filter { $0.end > now() && $0.start < horizon },
            PlaceUsage.monthly(all, year: today.year, timeZone: zone)
        )
    }

    static func timeZone(_ city: City) -> TimeZone { TimeZone(identifier: city.timeZone) ?? .current }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension PlaceUseCases {
    /// The places with these ids that exist.
    public func places(ids: Set<PlaceID>) async throws -> [Place] {
        try await places.find(ids: ids)
    }
}
