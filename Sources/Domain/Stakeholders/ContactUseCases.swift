import Foundation

/// Contact persons of organisations: who sees them, adding them, handing over, erasing.
public struct ContactUseCases: Sendable {
    var contacts: any ContactRepository
    var organisations: any OrganisationRepository
    public var now: @Sendable () -> Date

    public init(
        contacts: any ContactRepository,
        organisations: any OrganisationRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.contacts = contacts
        self.organisations = organisations
        self.now = now
    }

    /// Whether the actor sees every contact of the organisation, past ones and private ones included.
    public static func seesAll(_ actor: Actor?, city: CityID, organisation: OrganisationID) -> Bool {
        Authorization.allows(actor, .editOrganisation(city, organisation))
    }

    /// The contacts the actor may see: everyone for editors and coordinators; current public ones for others.
    public func visible(actor: Actor?, city: City, organisation: OrganisationID) async throws -> [ContactPerson] {
        let all = try await contacts.list(organisation: organisation)
        if Self.seesAll(actor, city: city.id, organisation: organisation) { return all }
        return all.filter { $0.isPublic && $0.isCurrent }
    }

    @discardableResult
    public func add(actor: Actor?, city: City, organisation: OrganisationID, input: ContactInput) async throws
        -> ContactPerson
    {
        try await permit(actor, city: city, organisation: organisation)
        let contact = try input.validate(organisation: organisation, today: today(city), now: now())
        try await contacts.create(contact)
        return contact
    }

    /// A contact leaves and another takes over from the successor's first day.
    @discardableResult
    public func handover(
        actor: Actor?, city: City, organisation: OrganisationID, contact id: ContactPersonID, successor: ContactInput
    ) async throws -> ContactPerson {
        try await permit(actor, city: city, organisation: organisation)
        guard let previous = try await contacts.find(id: id), previous.organisationID == organisation else {
            throw NotFound()
        }
        guard previous.isCurrent else {
            throw ValidationErrors(["name": ["stakeholders.errors.contact.already_replaced"]])
        }
        var next = try successor.validate(organisation: organisation, today: today(city), now: now())
        guard next.since >= previous.since else {
            throw ValidationErrors(["since": ["stakeholders.errors.contact.before_previous"]])
        }
        next.replacesID = previous.id
        try await contacts.handover(from: previous.id, on: next.since, to: next)
        return next
    }

    /// Erases a contact person's record (their right to erasure).
    public func remove(actor: Actor?, city: City, organisation: OrganisationID, contact id: ContactPersonID)
        async throws
    {
        try await permit(actor, city: city, organisation: organisation)
        guard let contact = try await contacts.find(id: id), contact.organisationID == organisation else {
            throw NotFound()
        }
        try await contacts.delete(id: contact.id)
    }

    private func permit(_ actor: Actor?, city: City, organisation: OrganisationID) async throws {
        guard let found = try await organisations.find(id: organisation), found.cityID == city.id else {
            throw NotFound()
        }
        guard Authorization.allows(actor, .editOrganisation(city.id, organisation)) else { throw NotPermitted() }
    }

    private func today(_ city: City) -> CalendarDay {
        CalendarDay(now(), in: TimeZone(identifier: city.timeZone) ?? .current)
    }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension ContactUseCases {
    /// One contact person.
    public func contact(id: ContactPersonID) async throws -> ContactPerson? {
        try await contacts.find(id: id)
    }
}
