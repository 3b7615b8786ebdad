import Domain

/// Every repository over one database: what `buildApplication` and the CLI are given.
public struct SQLRepositories: Sendable {
    public let database: Database
    public let cities: any CityRepository
    public let areas: any AreaRepository
    public let persons: any PersonRepository
    public let roles: any RoleRepository
    public let sessions: any SessionRepository
    public let resets: any PasswordResetRepository
    public let attempts: any SignInAttemptRepository
    public let outbox: any OutboxRepository
    public let organisations: any OrganisationRepository
    public let contacts: any ContactRepository
    public let networks: any NetworkRepository
    public let partnerships: any PartnershipRepository
    public let partnerCalls: any PartnerCallRepository
    public let confirmations: any ConfirmationRepository
    public let places: any PlaceRepository
    public let bookings: any BookingRepository
    public let activities: any ActivityRepository
    public let events: any EventRepository
    public let plans: any PlanRepository
    public let referrals: any ReferralRepository
    public let volunteerProfiles: any VolunteerProfileRepository
    public let trainings: any TrainingRepository
    public let opportunities: any OpportunityRepository
    public let volunteerApplications: any VolunteerApplicationRepository
    public let hours: any HoursRepository
    public let certificates: any CertificateRepository
    public let awards: any AwardRepository
    public let volunteerFeedback: any VolunteerFeedbackRepository
    public let volunteeringIdeas: any VolunteeringIdeaRepository
    public let accessTokens: any AccessTokenRepository

    public init(database: Database) {
        self.database = database
        cities = SQLCityRepository(database: database)
        areas = SQLAreaRepository(database: database)
        persons = SQLPersonRepository(database: database)
        roles = SQLRoleRepository(database: database)
        sessions = SQLSessionRepository(database: database)
        resets = SQLPasswordResetRepository(database: database)
        attempts = SQLSignInAttemptRepository(database: database)
        outbox = SQLOutboxRepository(database: database)
        organisations = SQLOrganisationRepository(database: database)
        contacts = SQLContactRepository(database: database)
        networks = SQLNetworkRepository(database: database)
        partnerships = SQLPartnershipRepository(database: database)
        partnerCalls = SQLPartnerCallRepository(database: database)
        confirmations = SQLConfirmationRepository(database: database)
        places = SQLPlaceRepository(database: database)
        bookings = SQLBookingRepository(database: database)
        activities = SQLActivityRepository(database: database)
        events = SQLEventRepository(database: database)
        plans = SQLPlanRepository(database: database)
        referrals = SQLReferralRepository(database: database)
        volunteerProfiles = SQLVolunteerProfileRepository(database: database)
        trainings = SQLTrainingRepository(database: database)
        opportunities = SQLOpportunityRepository(database: database)
        volunteerApplications = SQLVolunteerApplicationRepository(database: database)
        hours = SQLHoursRepository(database: database)
        certificates = SQLCertificateRepository(database: database)
        awards = SQLAwardRepository(database: database)
        volunteerFeedback = SQLVolunteerFeedbackRepository(database: database)
        volunteeringIdeas = SQLVolunteeringIdeaRepository(database: database)
        accessTokens = SQLAccessTokenRepository(database: database)
    }

    /// These repositories, for building the use cases.
    public var all: Repositories {
        Repositories(
            cities: cities, areas: areas, persons: persons, roles: roles, sessions: sessions, resets: resets,
            attempts: attempts, outbox: outbox, organisations: organisations, contacts: contacts, networks: networks,
            partnerships: partnerships, partnerCalls: partnerCalls, confirmations: confirmations, places: places,
            bookings: bookings, activities: activities, events: events, plans: plans, referrals: referrals,
            volunteerProfiles: volunteerProfiles, trainings: trainings, opportunities: opportunities,
            volunteerApplications: volunteerApplications, hours: hours, certificates: certificates, awards: awards,
            volunteerFeedback: volunteerFeedback, volunteeringIdeas: volunteeringIdeas, accessTokens: accessTokens)
    }

    /// The account use cases over these repositories.
    public func accountUseCases(hasher: any PasswordHasher) -> AccountUseCases {
        AccountUseCases(
            persons: persons, roles: roles, sessions: sessions, resets: resets, attempts: attempts, outbox: outbox,
            hasher: hasher)
    }

    /// Whether the database answers a trivial query (for `/readyz`).
    public func isReachable() async -> Bool {
        (try? await database.sql.raw("SELECT 1 AS ok").first()) != nil
    }
}
