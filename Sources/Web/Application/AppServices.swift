import Domain
import Foundation
import Prometheus

/// Everything the web layer needs, built once in `main` (or a test) and passed down. No globals.
public struct AppServices: Sendable {
    public var cities: any CityRepository
    public var areas: any AreaRepository
    public var organisations: any OrganisationRepository
    public var accounts: AccountUseCases
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

    public init(
        cities: any CityRepository,
        areas: any AreaRepository,
        organisations: any OrganisationRepository,
        contacts: any ContactRepository,
        networks: any NetworkRepository,
        partnerships: any PartnershipRepository,
        partnerCalls: any PartnerCallRepository,
        confirmations: any ConfirmationRepository,
        places: any PlaceRepository,
        bookings: any BookingRepository,
        activities: any ActivityRepository,
        events: any EventRepository,
        plans: any PlanRepository,
        referrals: any ReferralRepository,
        volunteering: any VolunteeringRepository,
        accounts: AccountUseCases,
        catalogs: [LanguageCode: Catalog],
        metrics: PrometheusCollectorRegistry,
        isDatabaseReady: @escaping @Sendable () async -> Bool
    ) {
        self.cities = cities
        self.areas = areas
        self.organisations = organisations
        self.accounts = accounts
        self.roleUseCases = RoleUseCases(
            persons: accounts.persons, roles: accounts.roles, organisations: organisations, now: accounts.now)
        self.cityUseCases = CityUseCases(cities: cities, areas: areas)
        self.organisationUseCases = OrganisationUseCases(
            organisations: organisations, areas: areas, now: accounts.now)
        self.contactUseCases = ContactUseCases(contacts: contacts, organisations: organisations, now: accounts.now)
        self.networkUseCases = NetworkUseCases(
            networks: networks, partnerships: partnerships, organisations: organisations, now: accounts.now)
        self.partnerCallUseCases = PartnerCallUseCases(
            calls: partnerCalls, organisations: organisations, areas: areas, outbox: accounts.outbox, now: accounts.now)
        self.confirmationUseCases = ConfirmationUseCases(
            confirmations: confirmations, organisations: organisationUseCases, contacts: contacts, now: accounts.now)
        self.placeUseCases = PlaceUseCases(
            places: places, bookings: bookings, organisations: organisations, areas: areas,
            persons: accounts.persons, outbox: accounts.outbox, now: accounts.now)
        self.activityUseCases = ActivityUseCases(
            activities: activities, organisations: organisations, areas: areas, places: places, now: accounts.now)
        self.eventUseCases = EventUseCases(
            events: events, organisations: organisations, networks: networks, places: places, areas: areas,
            now: accounts.now)
        self.planUseCases = PlanUseCases(
            plans: plans, events: events, networks: networks, places: places, bookings: bookings,
            organisations: organisations, now: accounts.now)
        self.referralUseCases = ReferralUseCases(
            referrals: referrals, activities: activities, places: places, areas: areas, organisations: organisations,
            roles: accounts.roles, persons: accounts.persons, now: accounts.now)
        self.volunteeringUseCases = VolunteeringUseCases(
            volunteering: volunteering, activities: activities, areas: areas, organisations: organisations,
            roles: accounts.roles, persons: accounts.persons, now: accounts.now)
        self.volunteerManagement = VolunteerManagementUseCases(base: volunteeringUseCases)
        self.catalogs = catalogs
        self.metrics = metrics
        self.isDatabaseReady = isDatabaseReady
    }

    public func translator(_ language: LanguageCode) -> Translator {
        Translator(language: language, catalogs: catalogs)
    }
}
