import Domain
import Foundation
import Storage
import Testing

@Suite("Volunteer profile repository: profiles and erasure", .serialized)
struct VolunteerProfileRepositoryContract {
    @Test("a profile is stored and read back whole, one per person and city", arguments: TestEngine.available)
    func profileRoundTrip(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            var profile = VolunteerProfile(
                cityID: world.city.id, personID: world.volunteers[0].id, skills: ["cooking"],
                languages: [LanguageSkill(language: .arabic, level: .native)],
                availability: WeeklyAvailability([(1, 2), (5, 1)]), background: .newcomer,
                backgroundConsentAt: VolunteeringWorld.moment, shareEngagement: true,
                createdAt: VolunteeringWorld.moment)
            try await repositories.volunteerProfiles.save(profile)
            profile.skills = ["cooking", "football"]
            try await repositories.volunteerProfiles.save(profile)
            let stored = try await repositories.volunteerProfiles.profile(
                person: world.volunteers[0].id, city: world.city.id)
            #expect(stored == profile)
            #expect(try await repositories.volunteerProfiles.profiles(city: world.city.id, persons: nil).count == 1)
            #expect(try await repositories.volunteerProfiles.profiles(city: world.city.id, persons: []).isEmpty)
        }
    }

    @Test(
        "erasure removes the profile, applications, completions, hours and feedback and stops certificates verifying; awards stay",
        arguments: TestEngine.available)
    func erasure(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let person = world.volunteers[0]
            try await repositories.volunteerProfiles.save(
                VolunteerProfile(cityID: world.city.id, personID: person.id, createdAt: Date()))
            let application = world.application(person, status: .active)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            _ = try await repositories.hours.log(world.hours(application, minutes: 60))
            let training = Training(
                cityID: world.city.id, organisationID: nil,
                title: LocalizedText(original: "Perusteet", in: .finnish), createdAt: Date())
            try await repositories.trainings.save(training)
            try await repositories.trainings.record(
                TrainingCompletion(
                    trainingID: training.id, personID: person.id, completedOn: VolunteeringWorld.day, expiresOn: nil,
                    recordedBy: nil, createdAt: Date()))
            _ = try await repositories.volunteerFeedback.save(
                VolunteerFeedback(
                    cityID: world.city.id, applicationID: application.id, organisationID: world.organisation.id,
                    opportunityID: world.opportunity.id, personID: person.id, rating: 4, skillsFit: .yes, change: "",
                    comments: "", createdAt: Date()))
            let certificate = Certificate(
                cityID: world.city.id, personID: person.id, holderName: "Aino", issuedOn: VolunteeringWorld.day,
                engagements: [
                    .init(
                        organisation: world.organisation.name, role: world.opportunity.title,
                        from: VolunteeringWorld.day, through: nil, minutes: 60)
                ], trainings: [])
            try await repositories.certificates.save(certificate)
            #expect(try await repositories.certificates.certificate(code: certificate.code) == certificate)
            try await repositories.awards.save(
                Award(
                    cityID: world.city.id, personID: person.id, recipientName: "Aino",
                    title: LocalizedText(original: "Vuoden vapaaehtoinen", in: .finnish),
                    awardedOn: VolunteeringWorld.day, createdAt: Date()))
            // when the volunteer erases their volunteering
            try await repositories.volunteerProfiles.erase(person: person.id, city: world.city.id, at: Date())
            // then
            #expect(try await repositories.volunteerProfiles.profile(person: person.id, city: world.city.id) == nil)
            #expect(
                try await repositories.volunteerApplications.applications(ApplicationFilter(city: world.city.id))
                    .isEmpty)
            #expect(try await repositories.hours.hours(HoursFilter(city: world.city.id)).isEmpty)
            #expect(
                try await repositories.trainings.completions(city: world.city.id, persons: nil, training: nil).isEmpty)
            #expect(try await repositories.volunteerFeedback.feedback(city: world.city.id, organisations: nil).isEmpty)
            #expect(try await repositories.certificates.certificate(code: certificate.code)?.revokedAt != nil)
            #expect(try await repositories.awards.awards(city: world.city.id).count == 1)
        }
    }
}
