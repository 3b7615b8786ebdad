import Domain
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the web application: middleware, routes and server settings. Used by `arrival serve` and every test.
public func buildApplication(
    _ config: AppConfig,
    services: AppServices,
    backgroundServices: [any Service] = [],
    logger: Logger = Logger(label: "arrival")
) throws -> some ApplicationProtocol {
    let router = try buildRouter(config, services: services)
    return Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [RequestDeadlineHandler(limit: .seconds(config.requestTimeoutSeconds))],
                idleTimeout: .seconds(config.idleTimeoutSeconds))),
        // A long queue of pending connections, so a burst of clients waits instead of being dropped; the kernel
        // caps it at net.core.somaxconn (4096 by default).
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: nil, backlog: 4096),
        services: backgroundServices,
        logger: logger
    )
}

/// The route table with its middleware, separate so tests can list the routes.
public func buildRouter(_ config: AppConfig, services: AppServices) throws -> Router<AppRequestContext> {
    // The order of the activity listings is kept as long as their pages are, and forgotten with them.
    var services = services
    services.activityUseCases.rankings = RankingCache(lifetime: Double(config.publicCacheSeconds))
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: RequestMetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: BodyLimitMiddleware(config: config))
    router.add(middleware: LanguageMiddleware(secureCookies: config.secureCookies))
    router.add(middleware: ErrorPageMiddleware(services: services))
    router.add(
        middleware: SessionMiddleware(
            accounts: services.accounts, tokens: services.accessTokens,
            limiter: TokenRateLimiter(requestsPerMinute: config.tokenRequestsPerMinute), config: config))
    let cities = CityMiddleware(cities: services.cityUseCases)
    let routes = Router(context: AppRequestContext.self)
    routes.add(middleware: cities)
    try addRoutes(to: routes, config, services: services)
    router.add(
        middleware: PublicCacheMiddleware(
            cache: PublicResponseCache(lifetime: Double(config.publicCacheSeconds)), routes: routes.buildResponder(),
            rankings: services.activityUseCases.rankings))
    router.add(middleware: cities)
    try addRoutes(to: router, config, services: services)
    return router
}

/// Every controller's routes.
func addRoutes(to router: Router<AppRequestContext>, _ config: AppConfig, services: AppServices) throws {
    try OperationsController(services: services).register(on: router)
    CitiesAPIController(services: services).register(on: router)
    AccountsController(services: services, config: config).register(on: router)
    AccessTokensController(services: services).register(on: router)
    CitiesController(services: services).register(on: router)
    RolesController(services: services).register(on: router)
    OrganisationImportController(services: services).register(on: router)
    OrganisationsController(services: services).register(on: router)
    ContactsController(services: services).register(on: router)
    NetworksController(services: services).register(on: router)
    PartnerCallsController(services: services, config: config).register(on: router)
    PlacesController(services: services, config: config).register(on: router)
    ActivitiesController(services: services, config: config).register(on: router)
    CategoriesController(services: services).register(on: router)
    PlanExchangeController(services: services).register(on: router)
    PlansController(services: services).register(on: router)
    PlanActionsController(services: services).register(on: router)
    PlanReportsController(services: services).register(on: router)
    PlansAPIController(services: services).register(on: router)
    EventsController(services: services, config: config).register(on: router)
    MatchingRoundsController(services: services, config: config).register(on: router)
    ReferralsController(services: services, config: config).register(on: router)
    MyReferralsController(services: services, config: config).register(on: router)
    VolunteerManagementController(services: services, config: config).register(on: router)
    VolunteeringController(services: services, config: config).register(on: router)
    MyVolunteeringController(services: services, config: config).register(on: router)
    VolunteeringAPIController(services: services, config: config).register(on: router)
    ConfirmationsController(services: services, config: config).register(on: router)
    OrganisationsAPIController(services: services, config: config).register(on: router)
    NetworksAPIController(services: services, config: config).register(on: router)
    PartnerCallsAPIController(services: services, config: config).register(on: router)
    PlacesAPIController(services: services, config: config).register(on: router)
    ActivitiesAPIController(services: services, config: config).register(on: router)
    EventsAPIController(services: services, config: config).register(on: router)
    HSDSAPIController(services: services, config: config).register(on: router)
}
