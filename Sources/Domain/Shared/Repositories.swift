/// Every repository, as the storage layer provides them: what the use cases are built from.
public struct Repositories: Sendable {
    public var cities: any CityRepository
    public var areas: any AreaRepository
    public var persons: any PersonRepository
    public var roles: any RoleRepository
    public var sessions: any SessionRepository
    public var resets: any PasswordResetRepository
    public var attempts: any SignInAttemptRepository
    public var outbox: any OutboxRepository
    public var organisations: any OrganisationRepository
    public var contacts: any ContactRepository
    public var networks: any NetworkRepository
    public var partnerships: any PartnershipRepository
    public var partnerCalls: any PartnerCallRepository
    public var confirmations: any ConfirmationRepository
    public var places: any PlaceRepository
    public var bookings: any BookingRepository
    public var activities: any ActivityRepository
    public var events: any EventRepository
    public var plans: any PlanRepository
    public var referrals: any ReferralRepository
    public var volunteerProfiles: any VolunteerProfileRepository
    public var trainings: any TrainingRepository
    public var opportunities: any OpportunityRepository
    public var volunteerApplications: any VolunteerApplicationRepository
    public var hours: any HoursRepository
    public var certificates: any CertificateRepository
    public var awards: any AwardRepository
    public var volunteerFeedback: any VolunteerFeedbackRepository
    public var volunteeringIdeas: any VolunteeringIdeaRepository
    public var accessTokens: any AccessTokenRepository

    public init(
        cities: any CityRepository, areas: any AreaRepository, persons: any PersonRepository,
        roles: any RoleRepository, sessions: any SessionRepository, resets: any PasswordResetRepository,
        attempts: any SignInAttemptRepository, outbox: any OutboxRepository,
        organisations: any OrganisationRepository, contacts: any ContactRepository, networks: any NetworkRepository,
        partnerships: any PartnershipRepository, partnerCalls: any PartnerCallRepository,
        confirmations: any ConfirmationRepository, places: any PlaceRepository, bookings: any BookingRepository,
        activities: any ActivityRepository, events: any EventRepository, plans: any PlanRepository,
        referrals: any ReferralRepository, volunteerProfiles: any VolunteerProfileRepository,
        trainings: any TrainingRepository, opportunities: any OpportunityRepository,
        volunteerApplications: any VolunteerApplicationRepository, hours: any HoursRepository,
        certificates: any CertificateRepository, awards: any AwardRepository,
        volunteerFeedback: any VolunteerFeedbackRepository, volunteeringIdeas: any VolunteeringIdeaRepository,
        accessTokens: any AccessTokenRepository
    ) {
        self.cities = cities
        self.areas = areas
        self.persons = persons
        self.roles = roles
        self.sessions = sessions
        self.resets = resets
        self.attempts = attempts
        self.outbox = outbox
        self.organisations = organisations
        self.contacts = contacts
        self.networks = networks
        self.partnerships = partnerships
        self.partnerCalls = partnerCalls
        self.confirmations = confirmations
        self.places = places
        self.bookings = bookings
        self.activities = activities
        self.events = events
        self.plans = plans
        self.referrals = referrals
        self.volunteerProfiles = volunteerProfiles
        self.trainings = trainings
        self.opportunities = opportunities
        self.volunteerApplications = volunteerApplications
        self.hours = hours
        self.certificates = certificates
        self.awards = awards
        self.volunteerFeedback = volunteerFeedback
        self.volunteeringIdeas = volunteeringIdeas
        self.accessTokens = accessTokens
    }
}
