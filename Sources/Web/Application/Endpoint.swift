import HTTPTypes

/// The route table: every page and API endpoint by name, with the path pattern the router registers, the methods
/// it answers and whether anonymous visitors' answers may be kept. Controllers register their handlers by these
/// names (`router.get(.activities, use: index)`) and links are built from `Route`, which names one of these and
/// fills in its parameters, so a moved page moves everywhere and no path pattern is written twice.
public enum Endpoint: String, CaseIterable, Sendable {
    case home = "/"
    case stylesheet = "/assets/app.css"
    case printStylesheet = "/assets/print.css"
    case icon = "/assets/icon.svg"
    case healthz = "/healthz"
    case readyz = "/readyz"
    case metrics = "/metrics"
    case signIn = "/account/sign-in"
    case signUp = "/account/sign-up"
    case signOut = "/account/sign-out"
    case account = "/account"
    case passwordReset = "/account/password-reset"
    case passwordResetToken = "/account/password-reset/:token"
    case accessTokens = "/account/tokens"
    case revokeAccessToken = "/account/tokens/:id/revoke"
    case adminCities = "/admin/cities"
    case city = "/:city"
    case cityAreas = "/:city/areas"
    case cityRoles = "/:city/admin/roles"
    case revokeRole = "/:city/admin/roles/:id/revoke"
    case organisations = "/:city/organisations"
    case newOrganisation = "/:city/organisations/new"
    case organisation = "/:city/organisations/:id"
    case editOrganisation = "/:city/organisations/:id/edit"
    case importOrganisations = "/:city/organisations/import"
    case checkOrganisationImport = "/:city/organisations/import/check"
    case commitOrganisationImport = "/:city/organisations/import/commit"
    case exportOrganisations = "/:city/organisations/export.csv"
    case newContact = "/:city/organisations/:id/contacts/new"
    case contactHandover = "/:city/organisations/:id/contacts/:contact/handover"
    case removeContact = "/:city/organisations/:id/contacts/:contact/remove"
    case networks = "/:city/networks"
    case newNetwork = "/:city/networks/new"
    case network = "/:city/networks/:id"
    case networkMembers = "/:city/networks/:id/members"
    case removeNetworkMember = "/:city/networks/:id/members/:membership/remove"
    case newPartnership = "/:city/partnerships/new"
    case removePartnership = "/:city/partnerships/:id/remove"
    case partnerCalls = "/:city/partner-calls"
    case newPartnerCall = "/:city/partner-calls/new"
    case partnerCall = "/:city/partner-calls/:id"
    case editPartnerCall = "/:city/partner-calls/:id/edit"
    case answerPartnerCall = "/:city/partner-calls/:id/answers"
    case closePartnerCall = "/:city/partner-calls/:id/close"
    case dashboard = "/:city/dashboard"
    case openConfirmationRound = "/:city/dashboard/confirmation-rounds"
    case closeConfirmationRound = "/:city/dashboard/confirmation-rounds/:id/close"
    case markConfirmationBounced = "/:city/dashboard/confirmation-requests/:id/bounced"
    case confirmation = "/:city/confirm/:token"
    case places = "/:city/places"
    case newPlace = "/:city/places/new"
    case place = "/:city/places/:id"
    case editPlace = "/:city/places/:id/edit"
    case requestBooking = "/:city/places/:id/bookings"
    case confirmBooking = "/:city/bookings/:id/confirm"
    case declineBooking = "/:city/bookings/:id/decline"
    case cancelBooking = "/:city/bookings/:id/cancel"
    case activities = "/:city/activities"
    case activitiesCalendar = "/:city/activities.ics"
    case newActivity = "/:city/activities/new"
    case activity = "/:city/activities/:id"
    case activityCalendar = "/:city/activities/:id/calendar.ics"
    case editActivity = "/:city/activities/:id/edit"
    case categories = "/:city/categories"
    case events = "/:city/events"
    case eventsCalendar = "/:city/events.ics"
    case newEvent = "/:city/events/new"
    case event = "/:city/events/:id"
    case editEvent = "/:city/events/:id/edit"
    case registerForEvent = "/:city/events/:id/registrations"
    case eventAttendance = "/:city/events/:id/attendance"
    case registration = "/:city/registrations/:token"
    case cancelRegistration = "/:city/registrations/:token/cancel"
    case newCategory = "/:city/categories/new"
    case editCategory = "/:city/categories/:id/edit"
    case plans = "/:city/plans"
    case newPlan = "/:city/plans/new"
    case importPlan = "/:city/plans/import"
    case plan = "/:city/plans/:plan"
    case editPlan = "/:city/plans/:plan/edit"
    case newObjective = "/:city/plans/:plan/objectives/new"
    case editObjective = "/:city/plans/:plan/objectives/:objective/edit"
    case newPlanAction = "/:city/plans/:plan/actions/new"
    case planAction = "/:city/plans/:plan/actions/:action"
    case editPlanAction = "/:city/plans/:plan/actions/:action/edit"
    case planActionNotes = "/:city/plans/:plan/actions/:action/notes"
    case newKPI = "/:city/plans/:plan/actions/:action/kpis/new"
    case kpi = "/:city/plans/:plan/kpis/:kpi"
    case editKPI = "/:city/plans/:plan/kpis/:kpi/edit"
    case kpiMeasurements = "/:city/plans/:plan/kpis/:kpi/measurements"
    case newRisk = "/:city/plans/:plan/actions/:action/risks/new"
    case editRisk = "/:city/plans/:plan/risks/:risk/edit"
    case planRisks = "/:city/plans/:plan/risks"
    case planReport = "/:city/plans/:plan/reports/:year"
    case planReportContributions = "/:city/plans/:plan/reports/:year/contributions"
    case lockPlanReport = "/:city/plans/:plan/reports/:year/lock"
    case planExport = "/:city/plans/:plan/export.json"
    case planActionsCSV = "/:city/plans/:plan/actions.csv"
    case planKPIsCSV = "/:city/plans/:plan/kpis.csv"
    case importPlanSpreadsheets = "/:city/plans/:plan/import"
    case referrals = "/:city/referrals"
    case newNewcomer = "/:city/newcomers/new"
    case newcomer = "/:city/newcomers/:id"
    case editNewcomer = "/:city/newcomers/:id/edit"
    case referNewcomer = "/:city/newcomers/:id/referrals"
    case renewNewcomerCode = "/:city/newcomers/:id/code"
    case eraseNewcomer = "/:city/newcomers/:id/erase"
    case acceptReferral = "/:city/referrals/:id/accept"
    case declineReferral = "/:city/referrals/:id/decline"
    case referralParticipation = "/:city/referrals/:id/participation"
    case myReferrals = "/:city/my-referrals"
    case withdrawMyReferral = "/:city/my-referrals/withdraw"
    case feeLedger = "/:city/referrals/ledger"
    case feeLedgerCSV = "/:city/referrals/ledger.csv"
    case referralMonitoring = "/:city/referrals/monitoring"
    case matchingRounds = "/:city/matching-rounds"
    case matchingRound = "/:city/matching-rounds/:id"
    case confirmMatchingRound = "/:city/matching-rounds/:id/confirm"
    case discardMatchingRound = "/:city/matching-rounds/:id/discard"
    case removeRoundProposal = "/:city/matching-rounds/:id/proposals/:referral/remove"
    case volunteering = "/:city/volunteering"
    case opportunity = "/:city/opportunities/:id"
    case newOpportunity = "/:city/opportunities/new"
    case editOpportunity = "/:city/opportunities/:id/edit"
    case applyToOpportunity = "/:city/opportunities/:id/apply"
    case myVolunteering = "/:city/volunteer"
    case volunteerProfile = "/:city/volunteer/profile"
    case withdrawApplication = "/:city/volunteer/applications/:id/withdraw"
    case logHours = "/:city/volunteer/applications/:id/hours"
    case applicationFeedback = "/:city/volunteer/applications/:id/feedback"
    case issueCertificate = "/:city/volunteer/certificates"
    case revokeCertificate = "/:city/volunteer/certificates/:id/revoke"
    case volunteerExport = "/:city/volunteer/export.json"
    case eraseVolunteering = "/:city/volunteer/erase"
    case certificates = "/:city/certificates"
    case certificate = "/:city/certificates/:code"
    case recognition = "/:city/recognition"
    case newAward = "/:city/recognition/awards"
    case volunteeringIdeas = "/:city/volunteering/ideas"
    case assessIdea = "/:city/volunteering/ideas/:id/assess"
    case manageVolunteering = "/:city/volunteering/manage"
    case decideApplication = "/:city/volunteering/applications/:id/decide"
    case decideHours = "/:city/volunteering/hours/:id/decide"
    case volunteerHoursCSV = "/:city/volunteering/hours.csv"
    case volunteer = "/:city/volunteers/:person"
    case volunteeringMonitoring = "/:city/volunteering/monitoring"
    case trainings = "/:city/trainings"
    case training = "/:city/trainings/:id"
    case trainingCompletions = "/:city/trainings/:id/completions"
    case apiOpportunities = "/api/v1/cities/:city/opportunities"
    case apiOpportunity = "/api/v1/cities/:city/opportunities/:id"
    case apiEngagements = "/api/v1/cities/:city/volunteering/engagements"
    case apiTrainings = "/api/v1/cities/:city/trainings"
    case apiTraining = "/api/v1/cities/:city/trainings/:id"
    case apiPlans = "/api/v1/cities/:city/plans"
    case apiPlan = "/api/v1/cities/:city/plans/:id"
    case apiOrganisations = "/api/v1/cities/:city/organisations"
    case apiOrganisation = "/api/v1/cities/:city/organisations/:id"
    case apiOrganisationHSDS = "/api/v1/cities/:city/organisations/:id/hsds"
    case apiNetworks = "/api/v1/cities/:city/networks"
    case apiNetwork = "/api/v1/cities/:city/networks/:id"
    case apiPartnerships = "/api/v1/cities/:city/partnerships"
    case apiPartnership = "/api/v1/cities/:city/partnerships/:id"
    case apiPartnerCalls = "/api/v1/cities/:city/partner-calls"
    case apiPartnerCall = "/api/v1/cities/:city/partner-calls/:id"
    case apiPlaces = "/api/v1/cities/:city/places"
    case apiPlace = "/api/v1/cities/:city/places/:id"
    case apiPlacesGeoJSON = "/api/v1/cities/:city/places.geojson"
    case apiActivities = "/api/v1/cities/:city/activities"
    case apiActivity = "/api/v1/cities/:city/activities/:id"
    case apiCategories = "/api/v1/cities/:city/categories"
    case apiEvents = "/api/v1/cities/:city/events"
    case apiHSDSServices = "/api/v1/cities/:city/hsds/services"
    case apiHSDSTabular = "/api/v1/cities/:city/hsds/tabular.zip"
    case apiHSDSService = "/api/v1/cities/:city/hsds/services/:id"
    case apiEvent = "/api/v1/cities/:city/events/:id"
    case apiCities = "/api/v1/cities"
    case apiCity = "/api/v1/cities/:city"
    case apiCityAreas = "/api/v1/cities/:city/areas"
    case openAPI = "/api/v1/openapi.json"

    /// The path pattern, with `:name` for each parameter, as the router registers it.
    public var pattern: String { rawValue }

    /// The methods this endpoint answers; registering any other is a programming error.
    public var methods: [HTTPRequest.Method] {
        switch self {
        case .home, .stylesheet, .printStylesheet, .icon, .healthz, .readyz, .metrics, .account, .city, .cityAreas,
            .organisations, .organisation, .exportOrganisations, .networks, .network, .partnerCalls, .partnerCall,
            .dashboard, .places, .place, .activities, .activitiesCalendar, .activity, .activityCalendar, .categories,
            .events, .eventsCalendar, .event, .registration, .plans, .plan, .planAction, .kpi, .planRisks,
            .planReport, .planExport, .planActionsCSV, .planKPIsCSV, .referrals, .newcomer, .feeLedger,
            .feeLedgerCSV, .referralMonitoring, .matchingRound, .volunteering, .opportunity, .myVolunteering,
            .volunteerExport, .certificates, .certificate, .recognition, .manageVolunteering, .volunteerHoursCSV,
            .volunteer, .volunteeringMonitoring, .apiOpportunities, .apiOpportunity, .apiEngagements,
            .apiOrganisationHSDS, .apiPlaces, .apiPlace, .apiPlacesGeoJSON, .apiCategories, .apiHSDSServices,
            .apiHSDSTabular, .apiHSDSService, .apiCities, .apiCity, .apiCityAreas, .apiTrainings, .apiTraining,
            .apiPlans, .apiPlan, .openAPI:
            [.get]
        case .signIn, .signUp, .passwordReset, .passwordResetToken, .accessTokens, .adminCities, .cityRoles,
            .newOrganisation,
            .editOrganisation, .importOrganisations, .newContact, .contactHandover, .newNetwork, .newPartnership,
            .newPartnerCall, .editPartnerCall, .confirmation, .newPlace, .editPlace, .newActivity, .editActivity,
            .newEvent, .editEvent, .eventAttendance, .newCategory, .editCategory, .newPlan, .importPlan, .editPlan,
            .newObjective, .editObjective, .newPlanAction, .editPlanAction, .newKPI, .editKPI, .newRisk, .editRisk,
            .importPlanSpreadsheets, .newNewcomer, .editNewcomer, .myReferrals, .matchingRounds, .newOpportunity,
            .editOpportunity, .volunteerProfile, .applicationFeedback, .volunteeringIdeas, .trainings, .training,
            .apiOrganisations, .apiNetworks, .apiPartnerships, .apiPartnerCalls, .apiActivities, .apiEvents:
            [.get, .post]
        case .signOut, .revokeAccessToken, .revokeRole, .checkOrganisationImport, .commitOrganisationImport,
            .removeContact,
            .networkMembers, .removeNetworkMember, .removePartnership, .answerPartnerCall, .closePartnerCall,
            .openConfirmationRound, .closeConfirmationRound, .markConfirmationBounced, .requestBooking,
            .confirmBooking, .declineBooking, .cancelBooking, .registerForEvent, .cancelRegistration,
            .planActionNotes, .kpiMeasurements, .planReportContributions, .lockPlanReport, .referNewcomer,
            .renewNewcomerCode, .eraseNewcomer, .acceptReferral, .declineReferral, .referralParticipation,
            .withdrawMyReferral, .confirmMatchingRound, .discardMatchingRound, .removeRoundProposal,
            .applyToOpportunity, .withdrawApplication, .logHours, .issueCertificate, .revokeCertificate,
            .eraseVolunteering, .newAward, .assessIdea, .decideApplication, .decideHours, .trainingCompletions:
            [.post]
        case .apiOrganisation, .apiNetwork, .apiPartnership, .apiPartnerCall, .apiActivity, .apiEvent: [.get, .put]
        }
    }

    /// Whether an anonymous visitor's answer is the same for every anonymous visitor and may be kept for a few
    /// seconds (`PublicCacheMiddleware`): the directory's listings, as pages and through the API.
    public var keptForVisitors: Bool {
        switch self {
        case .activities, .events, .places, .apiActivities, .apiEvents, .apiPlaces: true
        default: false
        }
    }

    /// The path of this endpoint with its parameters filled in, in the order the pattern names them.
    public func path(_ values: [String]) -> String {
        var values = values[...]
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? (values.popFirst() ?? "") : String(segment)
        }
        assert(values.isEmpty, "\(self) takes fewer values than given")
        return segments.joined(separator: "/")
    }

    /// The endpoint the router matched, from its description of the pattern (`/{city}/activities`).
    public init?(matched description: String) {
        guard let endpoint = Self.byDescription[description] else { return nil }
        self = endpoint
    }

    /// The router describes a parameter as `{name}` where the pattern says `:name`.
    public var routerDescription: String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }

    private static let byDescription = Dictionary(uniqueKeysWithValues: allCases.map { ($0.routerDescription, $0) })
}
