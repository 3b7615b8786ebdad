import Domain
import Foundation
import Storage
import Testing

@Suite("Training repository: trainings and their completions", .serialized)
struct TrainingRepositoryContract {
    static func training(_ world: VolunteeringWorld, organisation: OrganisationID? = nil) -> Training {
        var title = LocalizedText(original: "Turvallinen ohjaus", in: .finnish)
        title.set("Safe coaching", in: .english, status: .upToDate)
        return Training(
            cityID: world.city.id, organisationID: organisation, title: title, validityMonths: 12,
            nextSession: VolunteeringWorld.day, createdAt: VolunteeringWorld.moment)
    }

    @Test("a training is stored, changed and read back whole", arguments: TestEngine.available)
    func trainingRoundTrip(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            var training = Self.training(world, organisation: world.organisation.id)
            try await repositories.trainings.save(training)
            training.validityMonths = nil
            training.updatedAt = VolunteeringWorld.moment.addingTimeInterval(60)
            try await repositories.trainings.save(training)
            #expect(try await repositories.trainings.training(id: training.id) == training)
            #expect(try await repositories.trainings.trainings(city: world.city.id) == [training])
        }
    }

    @Test("a second completion of the same training and day replaces the first", arguments: TestEngine.available)
    func completionRecordedOncePerDay(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let training = Self.training(world)
            try await repositories.trainings.save(training)
            let (first, second) = (world.volunteers[0].id, world.volunteers[1].id)
            let day = VolunteeringWorld.day
            for person in [first, first, second] {
                try await repositories.trainings.record(
                    TrainingCompletion(
                        trainingID: training.id, personID: person, completedOn: day,
                        expiresOn: training.expiry(completedOn: day), recordedBy: nil,
                        createdAt: VolunteeringWorld.moment))
            }
            let all = try await repositories.trainings.completions(city: world.city.id, persons: nil, training: nil)
            #expect(all.count == 2)
            let firsts = try await repositories.trainings.completions(
                city: world.city.id, persons: [first], training: training.id)
            #expect(firsts.map(\.personID) == [first])
            #expect(firsts.first?.expiresOn == training.expiry(completedOn: day))
            #expect(
                try await repositories.trainings.completions(city: world.city.id, persons: [], training: nil).isEmpty)
        }
    }
}
