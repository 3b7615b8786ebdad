import Domain

/// Every repository over one database: what the use cases, the CLI and the tests are given. Each is reached by
/// its name in `Repositories` (`repositories.activities`).
@dynamicMemberLookup
public struct SQLRepositories: Sendable {
    public let database: Database
    /// These repositories, for building the use cases.
    public let all: Repositories

    public init(database: Database) {
        self.database = database
        all = Repositories(
            cities: SQLCityRepository(database: database),
            areas: SQLAreaRepository(database: database),
            persons: SQLPersonRepository(database: database),
            roles: SQLRoleRepository(database: database),
            sessions: SQLSessionRepository(database: database),
            resets: SQLPasswordResetRepository(database: database),
            attempts: SQLSignInAttemptRepository(database: database),
            outbox: SQLOutboxRepository(database: database),
            organisations: SQLOrganisationRepository(database: database),
            contacts: SQLContactRepository(database: database),
            networks: SQLNetworkRepository(database: database),
            partnerships: SQLPartnershipRepository(database: database),
            partnerCalls: SQLPartnerCallRepository(database: database),
            confirmations: SQLConfirmationRepository(database: database),
            places: SQLPlaceRepository(database: database),
            bookings: SQLBookingRepository(database: database),
            activities: SQLActivityRepository(database: database),
            events: SQLEventRepository(database: database),
            plans: SQLPlanRepository(database: database),
            referrals: SQLReferralRepository(database: database),
            volunteerProfiles: SQLVolunteerProfileRepository(database: database),
            trainings: SQLTrainingRepository(database: database),
            opportunities: SQLOpportunityRepository(database: database),
            volunteerApplications: SQLVolunteerApplicationRepository(database: database),
            hours: SQLHoursRepository(database: database),
            certificates: SQLCertificateRepository(database: database),
            awards: SQLAwardRepository(database: database),
            volunteerFeedback: SQLVolunteerFeedbackRepository(database: database),
            volunteeringIdeas: SQLVolunteeringIdeaRepository(database: database),
            accessTokens: SQLAccessTokenRepository(database: database))
    }

    public subscript<Repository>(dynamicMember name: KeyPath<Repositories, Repository>) -> Repository {
        all[keyPath: name]
    }

    /// The account use cases over these repositories.
    public func accountUseCases(hasher: any PasswordHasher) -> AccountUseCases {
        AccountUseCases(
            persons: all.persons, roles: all.roles, sessions: all.sessions, resets: all.resets,
            attempts: all.attempts, outbox: all.outbox, hasher: hasher)
    }

    /// Whether the database answers a trivial query (for `/readyz`).
    public func isReachable() async -> Bool {
        (try? await database.sql.raw("SELECT 1 AS ok").first()) != nil
    }
}
