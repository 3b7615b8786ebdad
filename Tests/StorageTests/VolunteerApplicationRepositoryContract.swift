import Domain
import Foundation
import Storage
import Testing

@Suite("Volunteer application repository: one open application, places wanted", .serialized)
struct VolunteerApplicationRepositoryContract {
    @Test("twenty simultaneous applications of one person store one open application", arguments: TestEngine.available)
    func applyingTwiceStoresOne(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let volunteer = world.volunteers[0]
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await repositories.volunteerApplications.apply(world.application(volunteer), messages: [])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let stored = try await repositories.volunteerApplications.applications(
                ApplicationFilter(city: world.city.id, persons: [volunteer.id]))
            #expect(stored.count == 1)
            // after withdrawing, applying again is possible
            _ = try await repositories.volunteerApplications.move(
                stored[0].id, from: [.applied], to: .withdrawn, reason: "", day: VolunteeringWorld.day, wanted: nil,
                at: Date(), messages: [])
            #expect(try await repositories.volunteerApplications.apply(world.application(volunteer), messages: []))
        }
    }

    @Test("ten simultaneous acceptances for two places accept exactly two", arguments: TestEngine.available)
    func acceptingBeyondWantedIsRefused(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories, wanted: 2, count: 10)
            var applications: [VolunteerApplication] = []
            for volunteer in world.volunteers {
                let application = world.application(volunteer)
                #expect(try await repositories.volunteerApplications.apply(application, messages: []))
                applications.append(application)
            }
            let outcomes = try await withThrowingTaskGroup(of: ApplicationMove.self) { group in
                for application in applications {
                    group.addTask {
                        try await repositories.volunteerApplications.move(
                            application.id, from: [.applied], to: .accepted, reason: "", day: VolunteeringWorld.day,
                            wanted: 2, at: Date(),
                            messages: [
                                OutboxMessage(recipient: "v@example.org", subject: "s", body: "b", createdAt: Date())
                            ])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .moved }.count == 2)
            #expect(outcomes.filter { $0 == .full }.count == 8)
            let accepted = try await repositories.volunteerApplications.applications(
                ApplicationFilter(city: world.city.id, statuses: [.accepted]))
            #expect(accepted.count == 2)
            // only the two moves queued their message
            #expect(try await repositories.outbox.messages(to: "v@example.org").count == 2)
        }
    }
}
