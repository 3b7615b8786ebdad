import Foundation

/// Volunteer profiles, trainings and their completions, opportunities, applications, hours, certificates, awards,
/// feedback and ideas.
///
/// Every method that changes more than one row does it in one transaction; messages passed along are queued in the
/// outbox in that same transaction, so nobody is told of a change that did not happen.
public protocol VolunteeringRepository: Sendable {
    /// Adds or replaces a profile (one per person and city).
    func save(_ profile: VolunteerProfile) async throws
    func profile(person: PersonID, city: CityID) async throws -> VolunteerProfile?
    /// A city's profiles, of the given people only when `persons` is not nil.
    func profiles(city: CityID, persons: Set<PersonID>?) async throws -> [VolunteerProfile]
    /// Deletes the profile, the person's applications in the city (withdrawing nothing else) and their hours and
    /// feedback there; certificates they issued are revoked. Awards stay, under the name given for them.
    func erase(person: PersonID, city: CityID, at: Date) async throws

    func save(_ training: Training) async throws
    func training(id: TrainingID) async throws -> Training?
    func trainings(city: CityID) async throws -> [Training]
    /// Records a completion (a second one of the same training and day replaces the first).
    func record(_ completion: TrainingCompletion) async throws
    /// Completions of a city's trainings, of the given people when `persons` is not nil, of one training when given.
    func completions(city: CityID, persons: Set<PersonID>?, training: TrainingID?) async throws
        -> [TrainingCompletion]

    func save(_ opportunity: Opportunity) async throws
    func opportunity(id: OpportunityID) async throws -> Opportunity?
    func opportunities(_ query: OpportunityQuery) async throws -> [Opportunity]

    /// Stores a new application and queues `messages`; `false` (nothing stored) when the person already has an
    /// open application to the opportunity, also when two arrive at once.
    func apply(_ application: VolunteerApplication, messages: [OutboxMessage]) async throws -> Bool
    func application(id: VolunteerApplicationID) async throws -> VolunteerApplication?
    func applications(_ filter: ApplicationFilter) async throws -> [VolunteerApplication]
    /// Moves an application from one of `from` to `to` with a reason and queues `messages`. When `to` holds a
    /// place and `wanted` is given, the opportunity's places are counted under a lock first, so two organisations
    /// staff accepting at once cannot take more places than wanted.
    func move(
        _ id: VolunteerApplicationID, from: Set<VolunteerApplication.Status>, to: VolunteerApplication.Status,
        reason: String, day: CalendarDay, wanted: Int?, at: Date, messages: [OutboxMessage]
    ) async throws -> ApplicationMove

    /// Stores an hours entry unless the person's claimed minutes on that day would pass the day's limit; the
    /// check and the write are one transaction under a lock on the person's profile.
    func log(_ entry: HoursEntry) async throws -> Bool
    func hoursEntry(id: HoursEntryID) async throws -> HoursEntry?
    func hours(_ filter: HoursFilter) async throws -> [HoursEntry]
    /// Approves (with `minutes`, possibly corrected) or rejects a logged entry; `false` when it was decided
    /// already or the correction would pass the day's limit.
    func decide(_ id: HoursEntryID, status: HoursEntry.Status, minutes: Int?, by: PersonID, at: Date) async throws
        -> Bool

    func save(_ certificate: Certificate) async throws
    func certificate(code: String) async throws -> Certificate?
    func certificates(person: PersonID, city: CityID) async throws -> [Certificate]
    func revoke(_ id: CertificateID, at: Date) async throws

    func save(_ award: Award) async throws
    func awards(city: CityID) async throws -> [Award]

    /// Stores feedback; `false` when the application already has some.
    func save(_ feedback: VolunteerFeedback) async throws -> Bool
    func feedback(city: CityID, organisations: Set<OrganisationID>?) async throws -> [VolunteerFeedback]
    func feedbackGiven(applications: Set<VolunteerApplicationID>) async throws -> Set<VolunteerApplicationID>

    func save(_ idea: VolunteeringIdea) async throws
    func idea(id: VolunteeringIdeaID) async throws -> VolunteeringIdea?
    func ideas(city: CityID) async throws -> [VolunteeringIdea]
}
