import Domain
import Foundation
import Storage
import Testing

@Suite("Event repository: registrations, waiting list and attendance")
struct EventRepositoryContract {
    static func event(_ city: CityID, organisers: [OrganisationID], capacity: Int?) -> Event {
        Event(
            cityID: city, kind: .cooperationForum, title: LocalizedText(original: "Yhteistyöfoorumi", in: .finnish),
            organiserIDs: organisers, start: Date(timeIntervalSince1970: 1_800_000_000),
            end: Date(timeIntervalSince1970: 1_800_010_800), capacity: capacity, registration: true, costCents: 150_000,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func registration(_ event: Event, _ index: Int) -> Registration {
        Registration(
            eventID: event.id, name: "Osallistuja \(index)", email: "osallistuja\(index)@example.org",
            createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
    }

    @Test("an event is stored with its organisers and found by any of them", arguments: TestEngine.available)
    func stores(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let lead = Fixtures.organisation("Nicehearts ry", city: city.id)
            let partner = Fixtures.organisation("Sorasod ry", city: city.id)
            for organisation in [lead, partner] { try await repositories.organisations.create(organisation) }
            var event = Self.event(city.id, organisers: [lead.id, partner.id], capacity: 60)
            try await repositories.events.save(event)
            #expect(try await repositories.events.find(id: event.id) == event)
            event.costCents = nil
            event.organiserIDs = [partner.id]
            try await repositories.events.save(event)
            #expect(
                try await repositories.events.list(city: city.id, filter: .init(organisationID: partner.id)) == [event])
            #expect(try await repositories.events.list(city: city.id, filter: .init(organisationID: lead.id)).isEmpty)
            let later = EventFilter(from: Date(timeIntervalSince1970: 1_800_020_000))
            #expect(try await repositories.events.list(city: city.id, filter: later).isEmpty)
        }
    }

    @Test("concurrent registrations fill the capacity exactly; the rest wait", arguments: TestEngine.available)
    func capacityUnderConcurrency(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let lead = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(lead)
            let event = Self.event(city.id, organisers: [lead.id], capacity: 10)
            try await repositories.events.save(event)
            // when 30 people register at once
            let outcomes = try await withThrowingTaskGroup(of: RegistrationOutcome.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await repositories.events.register(
                            Self.registration(event, index), token: "token-\(index)", capacity: 10)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then exactly ten have a place
            #expect(outcomes.filter { $0 == .registered }.count == 10)
            #expect(outcomes.filter { $0 == .waitlisted }.count == 20)
            let stored = try await repositories.events.registrations(event: event.id)
            #expect(stored.filter { $0.status == .registered }.count == 10)
            // and the same address again is a duplicate
            #expect(
                try await repositories.events.register(Self.registration(event, 3), token: "again", capacity: 10)
                    == .duplicate)
        }
    }

    @Test("cancelling a place gives it to the first on the waiting list", arguments: TestEngine.available)
    func cancellingPromotes(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let lead = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(lead)
            let event = Self.event(city.id, organisers: [lead.id], capacity: 1)
            try await repositories.events.save(event)
            let first = Self.registration(event, 1)
            let second = Self.registration(event, 2)
            let third = Self.registration(event, 3)
            #expect(try await repositories.events.register(first, token: "a", capacity: 1) == .registered)
            #expect(try await repositories.events.register(second, token: "b", capacity: 1) == .waitlisted)
            #expect(try await repositories.events.register(third, token: "c", capacity: 1) == .waitlisted)
            #expect(try await repositories.events.registration(token: "a")?.id == first.id)
            // The one promoted is told in the same transaction.
            let tell: @Sendable (Registration) -> OutboxMessage? = { promoted in
                OutboxMessage(recipient: promoted.email, subject: "A place", body: "…", createdAt: Date())
            }
            let promoted = try await repositories.events.cancel(first.id, notice: tell)
            #expect(promoted?.id == second.id && promoted?.status == .registered)
            #expect(try await repositories.outbox.messages(to: second.email).map(\.subject) == ["A place"])
            // Cancelling a waiting place frees nothing and tells nobody.
            #expect(try await repositories.events.cancel(third.id, notice: tell) == nil)
            #expect(try await repositories.outbox.messages(to: third.email).isEmpty)
            let statuses = try await repositories.events.registrations(event: event.id).map(\.status)
            #expect(statuses == [.cancelled, .registered, .cancelled])
        }
    }

    @Test("attendance is replaced as a whole: counts by sector and attended marks", arguments: TestEngine.available)
    func attendance(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let lead = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(lead)
            let event = Self.event(city.id, organisers: [lead.id], capacity: nil)
            try await repositories.events.save(event)
            let one = Self.registration(event, 1)
            let two = Self.registration(event, 2)
            for (registration, token) in [(one, "x"), (two, "y")] {
                _ = try await repositories.events.register(registration, token: token, capacity: nil)
            }
            try await repositories.events.recordAttendance(
                event: event.id, counts: [.ngo: 30, .city: 12, .resident: 25], attended: [one.id])
            #expect(try await repositories.events.attendance(event: event.id) == [.ngo: 30, .city: 12, .resident: 25])
            try await repositories.events.recordAttendance(event: event.id, counts: [.volunteer: 4], attended: [two.id])
            #expect(try await repositories.events.attendance(event: event.id) == [.volunteer: 4])
            let marks = try await repositories.events.registrations(event: event.id).map(\.attended)
            #expect(marks == [false, true])
        }
    }

    @Test(
        "a registration's email is queued with it, told the outcome; a duplicate queues nothing",
        arguments: TestEngine.available)
    func registrationQueuesItsEmail(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given a full event
            let city = try await Fixtures.storedCity(repositories)
            let lead = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(lead)
            let event = Self.event(city.id, organisers: [lead.id], capacity: 0)
            try await repositories.events.save(event)
            let registration = Self.registration(event, 1)
            let notice: @Sendable (RegistrationOutcome) -> OutboxMessage? = { outcome in
                OutboxMessage(
                    recipient: registration.email, subject: "\(outcome)", body: "link",
                    createdAt: registration.createdAt)
            }
            // when the person registers twice
            let first = try await repositories.events.register(registration, token: "t", capacity: 0, notice: notice)
            var again = Self.registration(event, 1)
            again.id = RegistrationID()
            let second = try await repositories.events.register(again, token: "u", capacity: 0, notice: notice)
            // then one message went out, saying they wait
            #expect(first == .waitlisted && second == .duplicate)
            let messages = try await repositories.outbox.messages(to: registration.email)
            #expect(messages.map(\.subject) == ["waitlisted"])
        }
    }
}
