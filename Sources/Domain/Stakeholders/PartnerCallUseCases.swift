import Foundation

/// The partner bulletin board: posting a call, answering it, closing it with an outcome.
public struct PartnerCallUseCases: Sendable {
    var calls: any PartnerCallRepository
    var organisations: any OrganisationRepository
    var areas: any AreaRepository
    var outbox: any OutboxRepository
    public var now: @Sendable () -> Date

    public init(
        calls: any PartnerCallRepository,
        organisations: any OrganisationRepository,
        areas: any AreaRepository,
        outbox: any OutboxRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.calls = calls
        self.organisations = organisations
        self.areas = areas
        self.outbox = outbox
        self.now = now
    }

    /// The board: calls passing the filter. Open calls whose deadline has passed are left out of the open list.
    public func board(city: City, filter: PartnerCallFilter) async throws -> [PartnerCall] {
        let listed = try await calls.list(city: city.id, filter: filter)
        guard filter.status == .open else { return listed }
        let today = self.today(city)
        return listed.filter { $0.isCurrent(on: today) }
    }

    /// One call of the city, or `NotFound`.
    public func call(city: CityID, id: PartnerCallID) async throws -> PartnerCall {
        guard let call = try await calls.find(id: id), call.cityID == city else { throw NotFound() }
        return call
    }

    /// The organisations the actor may post or answer for: every active one for coordinators, else those they edit.
    public func organisationsActing(for actor: Actor?, city: City) async throws -> [Organisation] {
        try await organisations.acting(for: actor, city: city.id)
    }

    /// Posts a call for an organisation the actor edits (coordinators for any).
    @discardableResult
    public func post(actor: Actor?, city: City, input: PartnerCallInput) async throws -> PartnerCall {
        let valid = try await validate(input, actor: actor, city: city)
        var call = PartnerCall(
            cityID: city.id, organisationID: valid.organisationID, title: .init(), needs: .init(), createdAt: now())
        valid.apply(to: &call, original: city.defaultLanguage)
        try await calls.save(call)
        return call
    }

    /// Changes an open call. The poster's editors and coordinators.
    @discardableResult
    public func update(actor: Actor?, city: City, id: PartnerCallID, input: PartnerCallInput) async throws
        -> PartnerCall
    {
        var call = try await self.call(city: city.id, id: id)
        guard Authorization.allows(actor, .editOrganisation(city.id, call.organisationID)) else {
            throw NotPermitted()
        }
        guard call.status == .open else { throw ValidationErrors(["status": ["stakeholders.errors.call.closed"]]) }
        let valid = try await validate(input, actor: actor, city: city)
        valid.apply(to: &call, original: city.defaultLanguage)
        try await calls.save(call)
        return call
    }

    /// Answers a call for an organisation the actor edits, other than the poster. The poster hears of it by email.
    @discardableResult
    public func answer(
        actor: Actor?, city: City, id: PartnerCallID, organisation: String, message: String,
        notice: @Sendable (PartnerCall, Organisation) -> (subject: String, body: String)
    ) async throws -> PartnerCallAnswer {
        guard let actor else { throw NotPermitted() }
        let call = try await self.call(city: city.id, id: id)
        var errors = ValidationErrors()
        let acting = try await organisationsActing(for: actor, city: city)
        let answering = OrganisationID(string: organisation).flatMap { id in acting.first { $0.id == id } }
        errors.require(answering != nil, "stakeholders.errors.organisation.unknown", field: "organisation")
        errors.require(
            answering?.id != call.organisationID, "stakeholders.errors.call.own", field: "organisation")
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!message.isEmpty, "common.errors.required", field: "message")
        errors.require(message.count <= 2_000, "common.errors.too_long", field: "message")
        errors.require(call.status == .open, "stakeholders.errors.call.closed", field: "message")
        try errors.throwIfAny()
        let answer = PartnerCallAnswer(
            callID: call.id, organisationID: answering!.id, authorID: actor.person.id, message: message,
            createdAt: now())
        try await calls.addAnswer(answer)
        if let poster = try await organisations.find(id: call.organisationID), let email = poster.email {
            let rendered = notice(call, answering!)
            try await outbox.enqueue(
                OutboxMessage(recipient: email, subject: rendered.subject, body: rendered.body, createdAt: now()))
        }
        return answer
    }

    /// The answers the actor may read: all of them for the poster's editors and coordinators, otherwise only
    /// those of organisations the actor edits.
    public func answers(actor: Actor?, city: City, call: PartnerCall) async throws -> [PartnerCallAnswer] {
        guard actor != nil else { return [] }
        let all = try await calls.answers(to: call.id)
        if Authorization.allows(actor, .editOrganisation(city.id, call.organisationID)) { return all }
        return all.filter { Authorization.allows(actor, .editOrganisation(city.id, $0.organisationID)) }
    }

    /// Closes an open call with its outcome. The poster's editors and coordinators.
    @discardableResult
    public func close(actor: Actor?, city: City, id: PartnerCallID, closing: PartnerCallClosing) async throws
        -> PartnerCall
    {
        var call = try await self.call(city: city.id, id: id)
        guard Authorization.allows(actor, .editOrganisation(city.id, call.organisationID)) else {
            throw NotPermitted()
        }
        guard call.status == .open else { throw ValidationErrors(["outcome": ["stakeholders.errors.call.closed"]]) }
        let known = Set(try await organisations.list(city: city.id).map(\.id))
        let valid = try closing.validate(organisations: known, poster: call.organisationID)
        call.status = .closed
        call.outcome = valid.outcome
        call.partnerID = valid.partner
        call.outcomeNote = valid.note
        call.closedAt = now()
        try await calls.save(call)
        return call
    }

    private func validate(_ input: PartnerCallInput, actor: Actor?, city: City) async throws -> PartnerCallInput.Valid {
        let acting = try await organisationsActing(for: actor, city: city)
        guard !acting.isEmpty else { throw NotPermitted() }
        let areas = try await areas.list(city: city.id)
        return try input.validate(
            organisations: Set(acting.map(\.id)),
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }),
            today: today(city))
    }

    func today(_ city: City) -> CalendarDay {
        CalendarDay(now(), in: TimeZone(identifier: city.timeZone) ?? .current)
    }
}
