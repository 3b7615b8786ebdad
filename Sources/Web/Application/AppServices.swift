import Domain
import Foundation
import Prometheus

/// Everything the web layer needs, built once in `main` (or a test) and passed down: use cases only, so that
/// handlers reach data through them and never through a repository. No globals.
public struct AppServices: Sendable {
    public var accounts: AccountUseCases
    public var accessTokens: AccessTokenUseCases
    public var roleUseCases: RoleUseCases
    public var cityUseCases: CityUseCases
    public var organisationUseCases: OrganisationUseCases
    public var contactUseCases: ContactUseCases
    public var networkUseCases: NetworkUseCases
    public var partnerCallUseCases: PartnerCallUseCases
    public var confirmationUseCases: ConfirmationUseCases
    public var placeUseCases: PlaceUseCases
    public var activityUseCases: ActivityUseCases
    public var eventUseCases: EventUseCases
    public var planUseCases: PlanUseCases
    public var referralUseCases: ReferralUseCases
    public var volunteeringUseCases: VolunteeringUseCases
    public var volunteerManagement: VolunteerManagementUseCases
    public var catalogs: [LanguageCode: Catalog]
    public var metrics: PrometheusCollectorRegistry
    /// Whether the database answers (for `/readyz`).
    public var isDatabaseReady: @Sendable () async -> Bool

    /// Builds every use case over `repositories`; `accounts` carries the password hasher, clock and limits.
    public init(
        repositories: Repositories,
        accounts: AccountUseCases,
        catalogs: [LanguageCode: Catalog],
        metrics: PrometheusCollectorRegistry,
        isDatabaseReady: @escaping @Sendable () async -> Bool
    ) {
        self.accounts = accounts
        self.accessTokens = AccessTokenUseCases(
            tokens: repositories.accessTokens, persons: repositories.persons, roles: repositories.roles,
            now: accounts.now)
        self.roleUseCases = RoleUseCases(
            persons: repositories.persons, roles: repositories.roles, organisations: repositories.organisations,
            now: accounts.now)
        self.cityUseCases = CityUseCases(cities: repositories.cities, areas: repositories.areas)
        self.organisationUseCases = OrganisationUseCases(
            organisations: repositories.organisations, areas: repositories.areas, now: accounts.now)
        self.contactUseCases = ContactUseCases(
            contacts: repositories.contacts, organisations: repositories.organisations, now: accounts.now)
        self.networkUseCases = NetworkUseCases(
            networks: repositories.networks, partnerships: repositories.partnerships,
            organisations: repositories.organisations, now: accounts.now)
        self.partnerCallUseCases = PartnerCallUseCases(
            calls: repositories.partnerCalls, organisations: repositories.organisations, areas: repositories.areas,
            outbox: repositories.outbox, now: accounts.now)
        self.confirmationUseCases = ConfirmationUseCases(
            confirmations: repositories.confirmations, organisations: organisationUseCases,
            contacts: repositories.contacts, now: accounts.now)
        self.placeUseCases = PlaceUseCases(
            places: repositories.places, bookings: repositories.bookings, organisations: repositories.organisations,
            areas: repositories.areas,
            persons: repositories.persons, outbox: repositories.outbox, now: accounts.now)
        self.activityUseCases = ActivityUseCases(
            activities: repositories.activities, organisations: repositories.organisations, areas: repositories.areas,
            places: repositories.places, now: accounts.now)
        self.eventUseCases = EventUseCases(
            events: repositories.events, organisations: repositories.organisations, networks: repositories.networks,
            places: repositories.places, areas: repositories.areas,
            now: accounts.now)
        self.planUseCases = PlanUseCases(
            plans: repositories.plans, events: repositories.events, networks: repositories.networks,
            places: repositories.places, bookings: repositories.bookings,
            organisations: repositories.organisations, now: accounts.now)
        self.referralUseCases = ReferralUseCases(
            referrals: repositories.referrals, activities: repositories.activities, places: repositories.places,
            areas: repositories.areas, organisations: repositories.organisations,
            roles: repositories.roles, persons: repositories.persons, now: accounts.now)
        self.volunteeringUseCases = VolunteeringUseCases(
            volunteerProfiles: repositories.volunteerProfiles, trainings: repositories.trainings,
            opportunities: repositories.opportunities, volunteerApplications: repositories.volunteerApplications,
            hours: repositories.hours, certificates: repositories.certificates, awards: repositories.awards,
            volunteerFeedback: repositories.volunteerFeedback, volunteeringIdeas: repositories.volunteeringIdeas,
            activities: repositories.activities, areas: repositories.areas, organisations: repositories.organisations,
            roles: repositories.roles, persons: repositories.persons, now: accounts.now)
        self.volunteerManagement = VolunteerManagementUseCases(base: volunteeringUseCases)
        self.catalogs = catalogs
        self.metrics = metrics
        self.isDatabaseReady = isDatabaseReady
    }

    public func translator(_ language: LanguageCode) -> Translator {
        Translator(language: language, catalogs: catalogs)
    }
}
