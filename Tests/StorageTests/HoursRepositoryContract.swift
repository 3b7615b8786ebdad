import Domain
import Foundation
import Storage
import Testing

@Suite("Hours repository: the day's limit under concurrency, decided once", .serialized)
struct HoursRepositoryContract {
    @Test("hours logged at once never pass 24 hours on a day for one person", arguments: TestEngine.available)
    func hoursDayLimitUnderConcurrency(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let application = world.application(world.volunteers[0], status: .active)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            // twelve entries of three hours each: only eight fit in a day
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await repositories.hours.log(world.hours(application, minutes: 180)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 8)
            let stored = try await repositories.hours.hours(HoursFilter(city: world.city.id))
            #expect(stored.reduce(0) { $0 + $1.minutes } == 1_440)
        }
    }

    @Test(
        "hours are decided once; a correction that passes the day's limit is refused", arguments: TestEngine.available)
    func hoursDecidedOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let application = world.application(world.volunteers[0], status: .active)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            let entries = [600, 600].map { world.hours(application, minutes: $0) }
            for entry in entries { #expect(try await repositories.hours.log(entry)) }
            let approver = world.volunteers[1].id
            // a correction to 15 hours would make the day 25 hours long
            #expect(
                !(try await repositories.hours.decide(
                    entries[0].id, status: .approved, minutes: 900, by: approver, at: Date())))
            #expect(
                try await repositories.hours.decide(
                    entries[0].id, status: .approved, minutes: 480, by: approver, at: Date()))
            #expect(
                !(try await repositories.hours.decide(
                    entries[0].id, status: .rejected, minutes: nil, by: approver, at: Date())))
            let stored = try #require(try await repositories.hours.hoursEntry(id: entries[0].id))
            #expect(stored.status == .approved && stored.approvedMinutes == 480 && stored.countedMinutes == 480)
        }
    }
}
