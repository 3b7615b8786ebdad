import Domain
import Foundation
import Storage
import Testing

@Suite("Contact person repository")
struct ContactRepositoryContract {
    static func contact(_ name: String, organisation: OrganisationID, since: String = "2020-01-01") -> ContactPerson {
        ContactPerson(
            organisationID: organisation, name: name, role: "chair", email: "\(name.lowercased())@example.org",
            phone: "+358 40 123 4567", publicConsent: .init(givenAt: Date(timeIntervalSince1970: 1_700_000_000)),
            since: CalendarDay(since)!)
    }

    @Test("a contact is stored with its consent and a handover links both people", arguments: TestEngine.available)
    func handover(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given
            let city = try await Fixtures.storedCity(repositories)
            let organisation = Fixtures.organisation("Monimaa ry", city: city.id)
            try await repositories.organisations.create(organisation)
            let leila = Self.contact("Leila", organisation: organisation.id)
            try await repositories.contacts.create(leila)
            #expect(try await repositories.contacts.find(id: leila.id) == leila)
            // when
            var omar = Self.contact("Omar", organisation: organisation.id, since: "2025-03-01")
            omar.replacesID = leila.id
            try await repositories.contacts.handover(from: leila.id, on: omar.since, to: omar)
            // then
            let listed = try await repositories.contacts.list(organisation: organisation.id)
            #expect(listed.map(\.name) == ["Omar", "Leila"])
            #expect(listed[1].until == CalendarDay("2025-03-01"))
            #expect(listed[1].replacedByID == omar.id)
            #expect(listed[0].replacesID == leila.id)
            #expect(try await repositories.contacts.currentContacts(city: city.id).map(\.name) == ["Omar"])
        }
    }

    @Test("erasing a contact clears the links to it", arguments: TestEngine.available)
    func erase(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let organisation = Fixtures.organisation("Monimaa ry", city: city.id)
            try await repositories.organisations.create(organisation)
            let leila = Self.contact("Leila", organisation: organisation.id)
            try await repositories.contacts.create(leila)
            var omar = Self.contact("Omar", organisation: organisation.id, since: "2025-03-01")
            omar.replacesID = leila.id
            try await repositories.contacts.handover(from: leila.id, on: omar.since, to: omar)
            try await repositories.contacts.delete(id: leila.id)
            #expect(try await repositories.contacts.find(id: leila.id) == nil)
            #expect(try await repositories.contacts.find(id: omar.id)?.replacesID == nil)
            try await repositories.contacts.delete(id: omar.id)
            #expect(try await repositories.contacts.currentContacts(city: city.id).isEmpty)
        }
    }
}
