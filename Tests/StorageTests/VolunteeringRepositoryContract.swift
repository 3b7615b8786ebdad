import Domain
import Foundation
import Storage
import Testing

@Suite(
    "Volunteering repository: profiles, applications, places wanted, hours, certificates and erasure", .serialized)
struct VolunteeringRepositoryContract {
    struct World {
        var city: City
        var organisation: Organisation
        var opportunity: Opportunity
        var volunteers: [Person]
    }

    /// A city, one organisation with an opportunity wanting `wanted` volunteers, and `count` volunteers.
    static func world(_ repositories: SQLRepositories, wanted: Int = 2, count: Int = 3) async throws -> World {
        let city = try await Fixtures.storedCity(repositories)
        let organisation = Fixtures.organisation("Nicehearts ry", city: city.id)
        try await repositories.organisations.create(organisation)
        let opportunity = Opportunity(
            cityID: city.id, organisationID: organisation.id,
            title: LocalizedText(original: "Kielikahvilan vetäjä", in: .finnish), languages: [.finnish, .arabic],
            times: WeeklyAvailability([(1, 2)]), wanted: wanted, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        try await repositories.opportunities.save(opportunity)
        var volunteers: [Person] = []
        for index in 0..<count {
            volunteers.append(try await Fixtures.storedPerson(repositories, email: "volunteer\(index)@example.org"))
        }
        return World(city: city, organisation: organisation, opportunity: opportunity, volunteers: volunteers)
    }

    static func application(_ world: World, _ person: Person, status: VolunteerApplication.Status = .applied)
        -> VolunteerApplication
    {
        VolunteerApplication(
            cityID: world.city.id, opportunityID: world.opportunity.id, organisationID: world.organisation.id,
            personID: person.id, status: status, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static let day = CalendarDay(year: 2026, month: 11, day: 17)!

    @Test("a profile is stored and read back whole, one per person and city", arguments: TestEngine.available)
    func profileRoundTrip(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            var profile = VolunteerProfile(
                cityID: world.city.id, personID: world.volunteers[0].id, skills: ["cooking"],
                languages: [LanguageSkill(language: .arabic, level: .native)],
                availability: WeeklyAvailability([(1, 2), (5, 1)]), background: .newcomer,
                backgroundConsentAt: Date(timeIntervalSince1970: 1_700_000_000), shareEngagement: true,
                createdAt: Date(timeIntervalSince1970: 1_700_000_000))
            try await repositories.volunteerProfiles.save(profile)
            profile.skills = ["cooking", "football"]
            try await repositories.volunteerProfiles.save(profile)
            let stored = try await repositories.volunteerProfiles.profile(
                person: world.volunteers[0].id, city: world.city.id)
            #expect(stored == profile)
            #expect(try await repositories.volunteerProfiles.profiles(city: world.city.id, persons: nil).count == 1)
        }
    }

    @Test("twenty simultaneous applications of one person store one open application", arguments: TestEngine.available)
    func applyingTwiceStoresOne(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let volunteer = world.volunteers[0]
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await repositories.volunteerApplications.apply(
                            Self.application(world, volunteer), messages: [])
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
                stored[0].id, from: [.applied], to: .withdrawn, reason: "", day: Self.day, wanted: nil, at: Date(),
                messages: [])
            #expect(
                try await repositories.volunteerApplications.apply(Self.application(world, volunteer), messages: []))
        }
    }

    @Test("ten simultaneous acceptances for two places accept exactly two", arguments: TestEngine.available)
    func acceptingBeyondWantedIsRefused(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories, wanted: 2, count: 10)
            var applications: [VolunteerApplication] = []
            for volunteer in world.volunteers {
                let application = Self.application(world, volunteer)
                #expect(try await repositories.volunteerApplications.apply(application, messages: []))
                applications.append(application)
            }
            let outcomes = try await withThrowingTaskGroup(of: ApplicationMove.self) { group in
                for application in applications {
                    group.addTask {
                        try await repositories.volunteerApplications.move(
                            application.id, from: [.applied], to: .accepted, reason: "", day: Self.day, wanted: 2,
                            at: Date(),
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

    @Test("hours logged at once never pass 24 hours on a day for one person", arguments: TestEngine.available)
    func hoursDayLimitUnderConcurrency(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let application = Self.application(world, world.volunteers[0], status: .active)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            // twelve entries of three hours each: only eight fit in a day
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await repositories.hours.log(
                            HoursEntry(
                                cityID: world.city.id, applicationID: application.id,
                                organisationID: world.organisation.id, personID: application.personID, day: Self.day,
                                minutes: 180, createdAt: Date()))
                    }
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
            let world = try await Self.world(repositories)
            let application = Self.application(world, world.volunteers[0], status: .active)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            let entries = [600, 600].map {
                HoursEntry(
                    cityID: world.city.id, applicationID: application.id, organisationID: world.organisation.id,
                    personID: application.personID, day: Self.day, minutes: $0, createdAt: Date())
            }
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

    @Test(
        "erasure removes the profile, applications and hours and stops certificates verifying; awards stay",
        arguments: TestEngine.available)
    func erasure(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let person = world.volunteers[0]
            try await repositories.volunteerProfiles.save(
                VolunteerProfile(cityID: world.city.id, personID: person.id, createdAt: Date()))
            let application = Self.application(world, person, status: .active)
            _ = try await repositories.volunteerApplications.apply(application, messages: [])
            _ = try await repositories.hours.log(
                HoursEntry(
                    cityID: world.city.id, applicationID: application.id, organisationID: world.organisation.id,
                    personID: person.id, day: Self.day, minutes: 60, createdAt: Date()))
            let certificate = Certificate(
                cityID: world.city.id, personID: person.id, holderName: "Aino", issuedOn: Self.day,
                engagements: [
                    .init(
                        organisation: world.organisation.name, role: world.opportunity.title, from: Self.day,
                        through: nil, minutes: 60)
                ], trainings: [])
            try await repositories.certificates.save(certificate)
            #expect(try await repositories.certificates.certificate(code: certificate.code) == certificate)
            try await repositories.awards.save(
                Award(
                    cityID: world.city.id, personID: person.id, recipientName: "Aino",
                    title: LocalizedText(original: "Vuoden vapaaehtoinen", in: .finnish), awardedOn: Self.day,
                    createdAt: Date()))
            // when the volunteer erases their volunteering
            try await repositories.volunteerProfiles.erase(person: person.id, city: world.city.id, at: Date())
            // then
            #expect(try await repositories.volunteerProfiles.profile(person: person.id, city: world.city.id) == nil)
            #expect(
                try await repositories.volunteerApplications.applications(ApplicationFilter(city: world.city.id))
                    .isEmpty)
            #expect(try await repositories.hours.hours(HoursFilter(city: world.city.id)).isEmpty)
            #expect(try await repositories.certificates.certificate(code: certificate.code)?.revokedAt != nil)
            #expect(try await repositories.awards.awards(city: world.city.id).count == 1)
        }
    }
}
