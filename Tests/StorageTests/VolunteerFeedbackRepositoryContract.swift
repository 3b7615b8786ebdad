import Domain
import Foundation
import Storage
import Testing

@Suite("Volunteer feedback and idea repositories", .serialized)
struct VolunteerFeedbackRepositoryContract {
    @Test("an application takes feedback once", arguments: TestEngine.available)
    func feedbackOncePerApplication(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let application = world.application(world.volunteers[0], status: .completed)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            func feedback(_ rating: Int) -> VolunteerFeedback {
                VolunteerFeedback(
                    cityID: world.city.id, applicationID: application.id, organisationID: world.organisation.id,
                    opportunityID: world.opportunity.id, personID: nil, rating: rating, skillsFit: .partly,
                    change: "More tea.", comments: "", createdAt: VolunteeringWorld.moment)
            }
            let first = feedback(5)
            #expect(try await repositories.volunteerFeedback.save(first))
            #expect(!(try await repositories.volunteerFeedback.save(feedback(1))))
            #expect(
                try await repositories.volunteerFeedback.feedback(
                    city: world.city.id, organisations: [world.organisation.id]) == [first])
            #expect(
                try await repositories.volunteerFeedback.feedback(city: world.city.id, organisations: []).isEmpty)
            let other = VolunteerApplicationID()
            #expect(
                try await repositories.volunteerFeedback.feedbackGiven(applications: [application.id, other])
                    == [application.id])
        }
    }

    @Test("an idea is stored, assessed and read back whole", arguments: TestEngine.available)
    func ideaRoundTrip(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            var idea = VolunteeringIdea(
                cityID: world.city.id, authorID: world.volunteers[0].id,
                text: "A bicycle repair workshop where neighbours fix bikes together.",
                createdAt: VolunteeringWorld.moment)
            try await repositories.volunteeringIdeas.save(idea)
            idea.status = .accepted
            idea.assessment = "The youth centre offers its yard."
            idea.updatedAt = VolunteeringWorld.moment.addingTimeInterval(3_600)
            try await repositories.volunteeringIdeas.save(idea)
            #expect(try await repositories.volunteeringIdeas.idea(id: idea.id) == idea)
            #expect(try await repositories.volunteeringIdeas.ideas(city: world.city.id) == [idea])
        }
    }
}
