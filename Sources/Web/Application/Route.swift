import Domain

/// Every page and endpoint by name. Links are built only from here, so a moved page moves everywhere.
public enum Route: Sendable, Hashable {
    case home
    case stylesheet
    case printStylesheet
    case icon
    case healthz
    case readyz
    case metrics
    case signIn
    case signUp
    case signOut
    case account
    case passwordReset
    case passwordResetToken(String)
    case adminCities
    case city(String)
    case cityAreas(String)
    case cityRoles(String)
    case revokeRole(String, RoleAssignmentID)
    case organisations(String)
    case newOrganisation(String)
    case organisation(String, OrganisationID)
    case editOrganisation(String, OrganisationID)
    case importOrganisations(String)
    case checkOrganisationImport(String)
    case commitOrganisationImport(String)
    case exportOrganisations(String)
    case newContact(String, OrganisationID)
    case contactHandover(String, OrganisationID, ContactPersonID)
    case removeContact(String, OrganisationID, ContactPersonID)
    case networks(String)
    case newNetwork(String)
    case network(String, NetworkID)
    case networkMembers(String, NetworkID)
    case removeNetworkMember(String, NetworkID, MembershipID)
    case newPartnership(String)
    case removePartnership(String, PartnershipID)
    case partnerCalls(String)
    case newPartnerCall(String)
    case partnerCall(String, PartnerCallID)
    case editPartnerCall(String, PartnerCallID)
    case answerPartnerCall(String, PartnerCallID)
    case closePartnerCall(String, PartnerCallID)
    case dashboard(String)
    case openConfirmationRound(String)
    case closeConfirmationRound(String, ConfirmationRoundID)
    case markConfirmationBounced(String, ConfirmationRequestID)
    case confirmation(String, String)
    case places(String)
    case newPlace(String)
    case place(String, PlaceID)
    case editPlace(String, PlaceID)
    case requestBooking(String, PlaceID)
    case confirmBooking(String, BookingID)
    case declineBooking(String, BookingID)
    case cancelBooking(String, BookingID)
    case activities(String)
    case activitiesCalendar(String)
    case newActivity(String)
    case activity(String, ActivityID)
    case activityCalendar(String, ActivityID)
    case editActivity(String, ActivityID)
    case categories(String)
    case events(String)
    case eventsCalendar(String)
    case newEvent(String)
    case event(String, EventID)
    case editEvent(String, EventID)
    case registerForEvent(String, EventID)
    case eventAttendance(String, EventID)
    case registration(String, String)
    case cancelRegistration(String, String)
    case newCategory(String)
    case editCategory(String, CategoryID)
    case plans(String)
    case newPlan(String)
    case importPlan(String)
    case plan(String, PlanID)
    case editPlan(String, PlanID)
    case newObjective(String, PlanID)
    case editObjective(String, PlanID, ObjectiveID)
    case newPlanAction(String, PlanID)
    case planAction(String, PlanID, PlanActionID)
    case editPlanAction(String, PlanID, PlanActionID)
    case planActionNotes(String, PlanID, PlanActionID)
    case newKPI(String, PlanID, PlanActionID)
    case kpi(String, PlanID, KPIID)
    case editKPI(String, PlanID, KPIID)
    case kpiMeasurements(String, PlanID, KPIID)
    case newRisk(String, PlanID, PlanActionID)
    case editRisk(String, PlanID, RiskID)
    case planRisks(String, PlanID)
    case planReport(String, PlanID, Int)
    case planReportPDF(String, PlanID, Int)
    case planReportContributions(String, PlanID, Int)
    case lockPlanReport(String, PlanID, Int)
    case planExport(String, PlanID)
    case planActionsCSV(String, PlanID)
    case planKPIsCSV(String, PlanID)
    case importPlanSpreadsheets(String, PlanID)
    case referrals(String)
    case newNewcomer(String)
    case newcomer(String, NewcomerID)
    case editNewcomer(String, NewcomerID)
    case referNewcomer(String, NewcomerID)
    case renewNewcomerCode(String, NewcomerID)
    case eraseNewcomer(String, NewcomerID)
    case acceptReferral(String, ReferralID)
    case declineReferral(String, ReferralID)
    case referralParticipation(String, ReferralID)
    case myReferrals(String)
    case withdrawMyReferral(String)
    case feeLedger(String)
    case feeLedgerCSV(String)
    case referralMonitoring(String)
    case matchingRounds(String)
    case matchingRound(String, MatchingRoundID)
    case confirmMatchingRound(String, MatchingRoundID)
    case discardMatchingRound(String, MatchingRoundID)
    case removeRoundProposal(String, MatchingRoundID, ReferralID)
    case volunteering(String)
    case opportunity(String, OpportunityID)
    case newOpportunity(String)
    case editOpportunity(String, OpportunityID)
    case applyToOpportunity(String, OpportunityID)
    case myVolunteering(String)
    case volunteerProfile(String)
    case withdrawApplication(String, VolunteerApplicationID)
    case logHours(String, VolunteerApplicationID)
    case applicationFeedback(String, VolunteerApplicationID)
    case issueCertificate(String)
    case revokeCertificate(String, CertificateID)
    case volunteerExport(String)
    case eraseVolunteering(String)
    case certificates(String)
    case certificate(String, String)
    case recognition(String)
    case newAward(String)
    case volunteeringIdeas(String)
    case assessIdea(String, VolunteeringIdeaID)
    case manageVolunteering(String)
    case decideApplication(String, VolunteerApplicationID)
    case decideHours(String, HoursEntryID)
    case volunteerHoursCSV(String)
    case volunteer(String, PersonID)
    case volunteeringMonitoring(String)
    case trainings(String)
    case training(String, TrainingID)
    case trainingCompletions(String, TrainingID)
    case apiOpportunities(String)
    case apiOpportunity(String, OpportunityID)
    case apiEngagements(String)
    case apiOrganisations(String)
    case apiOrganisation(String, OrganisationID)
    case apiOrganisationHSDS(String, OrganisationID)
    case apiNetworks(String)
    case apiNetwork(String, NetworkID)
    case apiPartnerships(String)
    case apiPartnership(String, PartnershipID)
    case apiPartnerCalls(String)
    case apiPartnerCall(String, PartnerCallID)
    case apiPlaces(String)
    case apiPlace(String, PlaceID)
    case apiPlacesGeoJSON(String)
    case apiActivities(String)
    case apiActivity(String, ActivityID)
    case apiCategories(String)
    case apiEvents(String)
    case apiHSDSServices(String)
    case apiHSDSTabular(String)
    case apiHSDSService(String, ActivityID)
    case apiEvent(String, EventID)
    case apiCities
    case apiCity(String)
    case apiCityAreas(String)
    case openAPI

    public var path: String {
        switch self {
        case .home: return "/"
        case .stylesheet: return "/assets/app.css"
        case .printStylesheet: return "/assets/print.css"
        case .icon: return "/assets/icon.svg"
        case .healthz: return "/healthz"
        case .readyz: return "/readyz"
        case .metrics: return "/metrics"
        case .signIn: return "/account/sign-in"
        case .signUp: return "/account/sign-up"
        case .signOut: return "/account/sign-out"
        case .account: return "/account"
        case .passwordReset: return "/account/password-reset"
        case .passwordResetToken(let token): return "/account/password-reset/\(token)"
        case .adminCities: return "/admin/cities"
        case .city(let slug): return "/\(slug)"
        case .cityAreas(let slug): return "/\(slug)/areas"
        case .cityRoles(let slug): return "/\(slug)/admin/roles"
        case .revokeRole(let slug, let id): return "/\(slug)/admin/roles/\(id)/revoke"
        case .organisations(let slug): return "/\(slug)/organisations"
        case .newOrganisation(let slug): return "/\(slug)/organisations/new"
        case .organisation(let slug, let id): return "/\(slug)/organisations/\(id)"
        case .editOrganisation(let slug, let id): return "/\(slug)/organisations/\(id)/edit"
        case .importOrganisations(let slug): return "/\(slug)/organisations/import"
        case .checkOrganisationImport(let slug): return "/\(slug)/organisations/import/check"
        case .commitOrganisationImport(let slug): return "/\(slug)/organisations/import/commit"
        case .exportOrganisations(let slug): return "/\(slug)/organisations/export.csv"
        case .newContact(let slug, let id): return "/\(slug)/organisations/\(id)/contacts/new"
        case .contactHandover(let slug, let id, let contact):
            return "/\(slug)/organisations/\(id)/contacts/\(contact)/handover"
        case .removeContact(let slug, let id, let contact):
            return "/\(slug)/organisations/\(id)/contacts/\(contact)/remove"
        case .networks(let slug): return "/\(slug)/networks"
        case .newNetwork(let slug): return "/\(slug)/networks/new"
        case .network(let slug, let id): return "/\(slug)/networks/\(id)"
        case .networkMembers(let slug, let id): return "/\(slug)/networks/\(id)/members"
        case .removeNetworkMember(let slug, let id, let membership):
            return "/\(slug)/networks/\(id)/members/\(membership)/remove"
        case .newPartnership(let slug): return "/\(slug)/partnerships/new"
        case .removePartnership(let slug, let id): return "/\(slug)/partnerships/\(id)/remove"
        case .partnerCalls(let slug): return "/\(slug)/partner-calls"
        case .newPartnerCall(let slug): return "/\(slug)/partner-calls/new"
        case .partnerCall(let slug, let id): return "/\(slug)/partner-calls/\(id)"
        case .editPartnerCall(let slug, let id): return "/\(slug)/partner-calls/\(id)/edit"
        case .answerPartnerCall(let slug, let id): return "/\(slug)/partner-calls/\(id)/answers"
        case .closePartnerCall(let slug, let id): return "/\(slug)/partner-calls/\(id)/close"
        case .dashboard(let slug): return "/\(slug)/dashboard"
        case .openConfirmationRound(let slug): return "/\(slug)/dashboard/confirmation-rounds"
        case .closeConfirmationRound(let slug, let id): return "/\(slug)/dashboard/confirmation-rounds/\(id)/close"
        case .markConfirmationBounced(let slug, let id):
            return "/\(slug)/dashboard/confirmation-requests/\(id)/bounced"
        case .confirmation(let slug, let token): return "/\(slug)/confirm/\(token)"
        case .places(let slug): return "/\(slug)/places"
        case .newPlace(let slug): return "/\(slug)/places/new"
        case .place(let slug, let id): return "/\(slug)/places/\(id)"
        case .editPlace(let slug, let id): return "/\(slug)/places/\(id)/edit"
        case .requestBooking(let slug, let id): return "/\(slug)/places/\(id)/bookings"
        case .confirmBooking(let slug, let id): return "/\(slug)/bookings/\(id)/confirm"
        case .declineBooking(let slug, let id): return "/\(slug)/bookings/\(id)/decline"
        case .cancelBooking(let slug, let id): return "/\(slug)/bookings/\(id)/cancel"
        case .plans(let slug): return "/\(slug)/plans"
        case .newPlan(let slug): return "/\(slug)/plans/new"
        case .importPlan(let slug): return "/\(slug)/plans/import"
        case .plan(let slug, let id): return "/\(slug)/plans/\(id)"
        case .editPlan(let slug, let id): return "/\(slug)/plans/\(id)/edit"
        case .newObjective(let slug, let id): return "/\(slug)/plans/\(id)/objectives/new"
        case .editObjective(let slug, let id, let objective): return "/\(slug)/plans/\(id)/objectives/\(objective)/edit"
        case .newPlanAction(let slug, let id): return "/\(slug)/plans/\(id)/actions/new"
        case .planAction(let slug, let id, let action): return "/\(slug)/plans/\(id)/actions/\(action)"
        case .editPlanAction(let slug, let id, let action): return "/\(slug)/plans/\(id)/actions/\(action)/edit"
        case .planActionNotes(let slug, let id, let action): return "/\(slug)/plans/\(id)/actions/\(action)/notes"
        case .newKPI(let slug, let id, let action): return "/\(slug)/plans/\(id)/actions/\(action)/kpis/new"
        case .kpi(let slug, let id, let kpi): return "/\(slug)/plans/\(id)/kpis/\(kpi)"
        case .editKPI(let slug, let id, let kpi): return "/\(slug)/plans/\(id)/kpis/\(kpi)/edit"
        case .kpiMeasurements(let slug, let id, let kpi): return "/\(slug)/plans/\(id)/kpis/\(kpi)/measurements"
        case .newRisk(let slug, let id, let action): return "/\(slug)/plans/\(id)/actions/\(action)/risks/new"
        case .editRisk(let slug, let id, let risk): return "/\(slug)/plans/\(id)/risks/\(risk)/edit"
        case .planRisks(let slug, let id): return "/\(slug)/plans/\(id)/risks"
        case .planReport(let slug, let id, let year): return "/\(slug)/plans/\(id)/reports/\(year)"
        case .planReportPDF(let slug, let id, let year): return "/\(slug)/plans/\(id)/reports/\(year).pdf"
        case .planReportContributions(let slug, let id, let year):
            return "/\(slug)/plans/\(id)/reports/\(year)/contributions"
        case .lockPlanReport(let slug, let id, let year): return "/\(slug)/plans/\(id)/reports/\(year)/lock"
        case .planExport(let slug, let id): return "/\(slug)/plans/\(id)/export.json"
        case .planActionsCSV(let slug, let id): return "/\(slug)/plans/\(id)/actions.csv"
        case .planKPIsCSV(let slug, let id): return "/\(slug)/plans/\(id)/kpis.csv"
        case .importPlanSpreadsheets(let slug, let id): return "/\(slug)/plans/\(id)/import"
        case .referrals(let slug): return "/\(slug)/referrals"
        case .newNewcomer(let slug): return "/\(slug)/newcomers/new"
        case .newcomer(let slug, let id): return "/\(slug)/newcomers/\(id)"
        case .editNewcomer(let slug, let id): return "/\(slug)/newcomers/\(id)/edit"
        case .referNewcomer(let slug, let id): return "/\(slug)/newcomers/\(id)/referrals"
        case .renewNewcomerCode(let slug, let id): return "/\(slug)/newcomers/\(id)/code"
        case .eraseNewcomer(let slug, let id): return "/\(slug)/newcomers/\(id)/erase"
        case .acceptReferral(let slug, let id): return "/\(slug)/referrals/\(id)/accept"
        case .declineReferral(let slug, let id): return "/\(slug)/referrals/\(id)/decline"
        case .referralParticipation(let slug, let id): return "/\(slug)/referrals/\(id)/participation"
        case .myReferrals(let slug): return "/\(slug)/my-referrals"
        case .withdrawMyReferral(let slug): return "/\(slug)/my-referrals/withdraw"
        case .feeLedger(let slug): return "/\(slug)/referrals/ledger"
        case .feeLedgerCSV(let slug): return "/\(slug)/referrals/ledger.csv"
        case .referralMonitoring(let slug): return "/\(slug)/referrals/monitoring"
        case .matchingRounds(let slug): return "/\(slug)/matching-rounds"
        case .matchingRound(let slug, let id): return "/\(slug)/matching-rounds/\(id)"
        case .confirmMatchingRound(let slug, let id): return "/\(slug)/matching-rounds/\(id)/confirm"
        case .discardMatchingRound(let slug, let id): return "/\(slug)/matching-rounds/\(id)/discard"
        case .removeRoundProposal(let slug, let id, let referral):
            return "/\(slug)/matching-rounds/\(id)/proposals/\(referral)/remove"
        case .volunteering(let slug): return "/\(slug)/volunteering"
        case .opportunity(let slug, let id): return "/\(slug)/opportunities/\(id)"
        case .newOpportunity(let slug): return "/\(slug)/opportunities/new"
        case .editOpportunity(let slug, let id): return "/\(slug)/opportunities/\(id)/edit"
        case .applyToOpportunity(let slug, let id): return "/\(slug)/opportunities/\(id)/apply"
        case .myVolunteering(let slug): return "/\(slug)/volunteer"
        case .volunteerProfile(let slug): return "/\(slug)/volunteer/profile"
        case .withdrawApplication(let slug, let id): return "/\(slug)/volunteer/applications/\(id)/withdraw"
        case .logHours(let slug, let id): return "/\(slug)/volunteer/applications/\(id)/hours"
        case .applicationFeedback(let slug, let id): return "/\(slug)/volunteer/applications/\(id)/feedback"
        case .issueCertificate(let slug): return "/\(slug)/volunteer/certificates"
        case .revokeCertificate(let slug, let id): return "/\(slug)/volunteer/certificates/\(id)/revoke"
        case .volunteerExport(let slug): return "/\(slug)/volunteer/export.json"
        case .eraseVolunteering(let slug): return "/\(slug)/volunteer/erase"
        case .certificates(let slug): return "/\(slug)/certificates"
        case .certificate(let slug, let code): return "/\(slug)/certificates/\(code)"
        case .recognition(let slug): return "/\(slug)/recognition"
        case .newAward(let slug): return "/\(slug)/recognition/awards"
        case .volunteeringIdeas(let slug): return "/\(slug)/volunteering/ideas"
        case .assessIdea(let slug, let id): return "/\(slug)/volunteering/ideas/\(id)/assess"
        case .manageVolunteering(let slug): return "/\(slug)/volunteering/manage"
        case .decideApplication(let slug, let id): return "/\(slug)/volunteering/applications/\(id)/decide"
        case .decideHours(let slug, let id): return "/\(slug)/volunteering/hours/\(id)/decide"
        case .volunteerHoursCSV(let slug): return "/\(slug)/volunteering/hours.csv"
        case .volunteer(let slug, let id): return "/\(slug)/volunteers/\(id)"
        case .volunteeringMonitoring(let slug): return "/\(slug)/volunteering/monitoring"
        case .trainings(let slug): return "/\(slug)/trainings"
        case .training(let slug, let id): return "/\(slug)/trainings/\(id)"
        case .trainingCompletions(let slug, let id): return "/\(slug)/trainings/\(id)/completions"
        case .apiOpportunities(let slug): return "/api/v1/cities/\(slug)/opportunities"
        case .apiOpportunity(let slug, let id): return "/api/v1/cities/\(slug)/opportunities/\(id)"
        case .apiEngagements(let slug): return "/api/v1/cities/\(slug)/volunteering/engagements"
        case .apiOrganisations(let slug): return "/api/v1/cities/\(slug)/organisations"
        case .apiOrganisation(let slug, let id): return "/api/v1/cities/\(slug)/organisations/\(id)"
        case .apiOrganisationHSDS(let slug, let id): return "/api/v1/cities/\(slug)/organisations/\(id)/hsds"
        case .apiNetworks(let slug): return "/api/v1/cities/\(slug)/networks"
        case .apiNetwork(let slug, let id): return "/api/v1/cities/\(slug)/networks/\(id)"
        case .apiPartnerships(let slug): return "/api/v1/cities/\(slug)/partnerships"
        case .apiPartnership(let slug, let id): return "/api/v1/cities/\(slug)/partnerships/\(id)"
        case .apiPartnerCalls(let slug): return "/api/v1/cities/\(slug)/partner-calls"
        case .apiPartnerCall(let slug, let id): return "/api/v1/cities/\(slug)/partner-calls/\(id)"
        case .apiPlaces(let slug): return "/api/v1/cities/\(slug)/places"
        case .apiPlace(let slug, let id): return "/api/v1/cities/\(slug)/places/\(id)"
        case .apiPlacesGeoJSON(let slug): return "/api/v1/cities/\(slug)/places.geojson"
        case .activities(let slug): return "/\(slug)/activities"
        case .activitiesCalendar(let slug): return "/\(slug)/activities.ics"
        case .newActivity(let slug): return "/\(slug)/activities/new"
        case .activity(let slug, let id): return "/\(slug)/activities/\(id)"
        case .activityCalendar(let slug, let id): return "/\(slug)/activities/\(id)/calendar.ics"
        case .editActivity(let slug, let id): return "/\(slug)/activities/\(id)/edit"
        case .categories(let slug): return "/\(slug)/categories"
        case .newCategory(let slug): return "/\(slug)/categories/new"
        case .editCategory(let slug, let id): return "/\(slug)/categories/\(id)/edit"
        case .events(let slug): return "/\(slug)/events"
        case .eventsCalendar(let slug): return "/\(slug)/events.ics"
        case .newEvent(let slug): return "/\(slug)/events/new"
        case .event(let slug, let id): return "/\(slug)/events/\(id)"
        case .editEvent(let slug, let id): return "/\(slug)/events/\(id)/edit"
        case .registerForEvent(let slug, let id): return "/\(slug)/events/\(id)/registrations"
        case .eventAttendance(let slug, let id): return "/\(slug)/events/\(id)/attendance"
        case .registration(let slug, let token): return "/\(slug)/registrations/\(token)"
        case .cancelRegistration(let slug, let token): return "/\(slug)/registrations/\(token)/cancel"
        case .apiHSDSServices(let slug): return "/api/v1/cities/\(slug)/hsds/services"
        case .apiHSDSTabular(let slug): return "/api/v1/cities/\(slug)/hsds/tabular.zip"
        case .apiHSDSService(let slug, let id): return "/api/v1/cities/\(slug)/hsds/services/\(id)"
        case .apiEvents(let slug): return "/api/v1/cities/\(slug)/events"
        case .apiEvent(let slug, let id): return "/api/v1/cities/\(slug)/events/\(id)"
        case .apiActivities(let slug): return "/api/v1/cities/\(slug)/activities"
        case .apiActivity(let slug, let id): return "/api/v1/cities/\(slug)/activities/\(id)"
        case .apiCategories(let slug): return "/api/v1/cities/\(slug)/categories"
        case .apiCities: return "/api/v1/cities"
        case .apiCity(let slug): return "/api/v1/cities/\(slug)"
        case .apiCityAreas(let slug): return "/api/v1/cities/\(slug)/areas"
        case .openAPI: return "/api/v1/openapi.json"
        }
    }
}
