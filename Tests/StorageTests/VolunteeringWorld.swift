import Domain
import Foundation
import Storage

/// What the volunteering contracts start from: a city, one organisation with an opportunity, and volunteers.
struct VolunteeringWorld {
    var city: City
    var organisation: Organisation
    var opportunity: Opportunity
    var volunteers: [Person]

    static let day = CalendarDay(year: 2026, month: 11, day: 17)!
    /// A whole second, as the tables keep time.
    static let moment = Date(timeIntervalSince1970: 1_700_000_000)

    /// A city, one organisation with an opportunity wanting `wanted` volunteers, and `count` volunteers.
    static func make(_ repositories: SQLRepositories, wanted: Int = 2, count: Int = 3) async throws -> Self {
        let city = try await Fixtures.storedCity(repositories)
        let organisation = Fixtures.organisation("Nicehearts ry", city: city.id)
        try await repositories.organisations.create(organisation)
        let opportunity = Opportunity(
            cityID: city.id, organisationID: organisation.id,
            title: LocalizedText(original: "Kielikahvilan vetäjä", in: .finnish), languages: [.finnish, .arabic],
            times: WeeklyAvailability([(1, 2)]), wanted: wanted, createdAt: moment)
        try await repositories.opportunities.save(opportunity)
        var volunteers: [Person] = []
        for index in 0..<count {
            volunteers.append(try await Fixtures.storedPerson(repositories, email: "volunteer\(index)@example.org"))
        }
        return Self(city: city, organisation: organisation, opportunity: opportunity, volunteers: volunteers)
    }

    func application(_ person: Person, status: VolunteerApplication.Status = .applied) -> VolunteerApplication {
        VolunteerApplication(
            cityID: city.id, opportunityID: opportunity.id, organisationID: organisation.id, personID: person.id,
            status: status, createdAt: Self.moment)
    }

    func hours(_ application: VolunteerApplication, minutes: Int) -> HoursEntry {
        HoursEntry(
            cityID: city.id, applicationID: application.id, organisationID: organisation.id,
            personID: application.personID, day: Self.day, minutes: minutes, createdAt: Date())
    }
}
