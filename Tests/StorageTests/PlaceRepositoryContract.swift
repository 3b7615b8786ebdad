import Domain
import Foundation
import Storage
import Testing

@Suite("Place and booking repositories")
struct PlaceRepositoryContract {
    static func place(city: CityID, owner: OrganisationID?) throws -> Place {
        Place(
            cityID: city, kind: .communityCentre, name: LocalizedText(original: "Asukastila", in: .finnish),
            ownerID: owner, address: "Hakunilantie 48", latitude: 60.2776, longitude: 25.1093, capacity: 60,
            accessibility: [.stepFree, .hearingLoop],
            hours: try OpeningHours.parse(
                weekly: "Mo-Fr 09:00-20:00", exceptions: "2026-12-24 closed", appointmentOnly: false),
            bookable: true, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func booking(_ place: Place, _ organisation: OrganisationID, hour: Double, hours: Double = 2) -> Booking {
        let start = Date(timeIntervalSince1970: 1_800_000_000 + hour * 3600)
        return Booking(
            placeID: place.id, organisationID: organisation, start: start, end: start + hours * 3600,
            purpose: "Kahvila",
            requestedBy: nil, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("a place is stored with every field and changed in place", arguments: TestEngine.available)
    func storesPlace(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let owner = Fixtures.organisation("Hakunilan kansainvälinen yhdistys", city: city.id)
            try await repositories.organisations.create(owner)
            var place = try Self.place(city: city.id, owner: owner.id)
            try await repositories.places.save(place)
            #expect(try await repositories.places.find(id: place.id) == place)
            place.bookable = false
            place.capacity = nil
            place.latitude = nil
            place.longitude = nil
            try await repositories.places.save(place)
            #expect(try await repositories.places.list(city: city.id) == [place])
        }
    }

    @Test(
        "confirming refuses an overlap with a confirmed booking; touching periods are fine",
        arguments: TestEngine.available)
    func overlap(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let owner = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(owner)
            let place = try Self.place(city: city.id, owner: owner.id)
            try await repositories.places.save(place)
            let first = Self.booking(place, owner.id, hour: 0)
            let clash = Self.booking(place, owner.id, hour: 1)
            let after = Self.booking(place, owner.id, hour: 2)
            for booking in [first, clash, after] { try await repositories.bookings.create(booking) }
            let now = Date(timeIntervalSince1970: 1_700_000_100)
            #expect(try await repositories.bookings.confirm(first.id, at: now) == .confirmed)
            #expect(try await repositories.bookings.confirm(clash.id, at: now) == .overlaps(first.id))
            #expect(try await repositories.bookings.confirm(after.id, at: now) == .confirmed)
            #expect(try await repositories.bookings.confirm(first.id, at: now) == .notRequested)
            // Cancelling the first frees its time, but the request still overlaps the later booking.
            try await repositories.bookings.close(first.id, as: .cancelled, reason: "", at: now)
            #expect(try await repositories.bookings.confirm(clash.id, at: now) == .overlaps(after.id))
            try await repositories.bookings.close(after.id, as: .declined, reason: "Remontti", at: now)
            #expect(try await repositories.bookings.confirm(clash.id, at: now) == .confirmed)
            let listed = try await repositories.bookings.list(
                place: place.id, from: first.start, until: after.end)
            #expect(listed.map(\.status) == [.cancelled, .confirmed, .declined])
            #expect(listed[2].reason == "Remontti")
        }
    }

    @Test("fifty concurrent confirmations of overlapping requests confirm exactly one", arguments: TestEngine.available)
    func concurrentConfirmations(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let owner = Fixtures.organisation("Nicehearts ry", city: city.id)
            try await repositories.organisations.create(owner)
            let place = try Self.place(city: city.id, owner: owner.id)
            try await repositories.places.save(place)
            let requests = (0..<50).map { Self.booking(place, owner.id, hour: Double($0) * 0.02) }
            for booking in requests { try await repositories.bookings.create(booking) }
            let bookings = repositories.bookings
            let outcomes = try await withThrowingTaskGroup(of: BookingConfirmation.self) { group in
                for booking in requests {
                    group.addTask { try await bookings.confirm(booking.id, at: Date()) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .confirmed }.count == 1)
            let stored = try await repositories.bookings.list(
                place: place.id, from: requests[0].start, until: requests[49].end)
            #expect(stored.filter { $0.status == .confirmed }.count == 1)
        }
    }

    @Test("places and organisations are found by several ids in one query", arguments: TestEngine.available)
    func findMany(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let city = try await Fixtures.storedCity(repositories)
            let owner = Fixtures.organisation("Nicehearts ry", city: city.id)
            let other = Fixtures.organisation("Sorasod ry", city: city.id)
            for organisation in [owner, other] { try await repositories.organisations.create(organisation) }
            let first = try Self.place(city: city.id, owner: owner.id)
            let second = try Self.place(city: city.id, owner: nil)
            for place in [first, second] { try await repositories.places.save(place) }
            let places = try await repositories.places.find(ids: [first.id, second.id, PlaceID()])
            #expect(Set(places.map(\.id)) == [first.id, second.id])
            #expect(try await repositories.places.find(ids: []).isEmpty)
            let found = try await repositories.organisations.find(ids: [owner.id, OrganisationID()])
            #expect(found == [owner])
        }
    }
}
