import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

/// The route table ties registration and links together: every endpoint is registered with exactly the methods the
/// table lists, and every link resolves to the endpoint it names.
@Suite("Route table")
struct RouteTableTests {
    @Test("the router registers exactly the table's endpoints and methods")
    func registeredAsTabled() async throws {
        try await TestApp.run { app, _ in
            let tabled = Set(
                Endpoint.allCases.flatMap { endpoint in
                    endpoint.methods.map { "\($0.rawValue) \(endpoint.routerDescription)" }
                })
            let registered = Set(app.routes)
            #expect(registered.subtracting(tabled).isEmpty, "registered but not in the table")
            #expect(tabled.subtracting(registered).isEmpty, "in the table but not registered")
            #expect(app.routes.count == registered.count, "registered twice")
        }
    }

    @Test("the samples name every endpoint")
    func samplesCoverTheTable() {
        #expect(Set(Self.samples.map(\.endpoint)) == Set(Endpoint.allCases))
    }

    @Test("every link resolves to the endpoint it names, and only that one")
    func linksResolve() async throws {
        // given a router that answers every endpoint of the table with its name
        let router = Router()
        for endpoint in Endpoint.allCases {
            for method in endpoint.methods {
                router.on(RouterPath(endpoint.pattern), method: method) { _, _ in endpoint.rawValue }
            }
        }
        try await Application(router: router).test(.router) { client in
            for route in Self.samples {
                // when a link is followed with each method its endpoint takes
                for method in route.endpoint.methods {
                    let response = try await client.execute(uri: route.path, method: method)
                    // then the router lands on that very endpoint
                    #expect(String(buffer: response.body) == route.endpoint.rawValue, "\(method) \(route.path)")
                }
            }
        }
    }

    @Test("a link fills each parameter of its pattern")
    func linksFillParameters() {
        let plan = PlanID()
        #expect(Route.planReport("vantaa", plan, 2024).path == "/vantaa/plans/\(plan)/reports/2024")
        #expect(Route.planReportPDF("vantaa", plan, 2024).path == "/vantaa/plans/\(plan)/reports/2024.pdf")
        #expect(Route.home.path == "/")
        #expect(Route.apiCityAreas("oulu").path == "/api/v1/cities/oulu/areas")
        for route in Self.samples {
            #expect(!route.path.contains(":"), "\(route) leaves a parameter unfilled")
        }
    }

    /// One link of every kind.
    static let samples: [Route] = [
        .home,
        .stylesheet,
        .printStylesheet,
        .icon,
        .healthz,
        .readyz,
        .metrics,
        .signIn,
        .signUp,
        .signOut,
        .account,
        .passwordReset,
        .passwordResetToken("k3y-0f-t3st"),
        .accessTokens,
        .revokeAccessToken(.init()),
        .adminCities,
        .city("vantaa"),
        .cityAreas("vantaa"),
        .cityRoles("vantaa"),
        .revokeRole("vantaa", .init()),
        .organisations("vantaa"),
        .newOrganisation("vantaa"),
        .organisation("vantaa", .init()),
        .editOrganisation("vantaa", .init()),
        .importOrganisations("vantaa"),
        .checkOrganisationImport("vantaa"),
        .commitOrganisationImport("vantaa"),
        .exportOrganisations("vantaa"),
        .newContact("vantaa", .init()),
        .contactHandover("vantaa", .init(), .init()),
        .removeContact("vantaa", .init(), .init()),
        .networks("vantaa"),
        .newNetwork("vantaa"),
        .network("vantaa", .init()),
        .networkMembers("vantaa", .init()),
        .removeNetworkMember("vantaa", .init(), .init()),
        .newPartnership("vantaa"),
        .removePartnership("vantaa", .init()),
        .partnerCalls("vantaa"),
        .newPartnerCall("vantaa"),
        .partnerCall("vantaa", .init()),
        .editPartnerCall("vantaa", .init()),
        .answerPartnerCall("vantaa", .init()),
        .closePartnerCall("vantaa", .init()),
        .dashboard("vantaa"),
        .openConfirmationRound("vantaa"),
        .closeConfirmationRound("vantaa", .init()),
        .markConfirmationBounced("vantaa", .init()),
        .confirmation("vantaa", "k3y-0f-t3st"),
        .places("vantaa"),
        .newPlace("vantaa"),
        .place("vantaa", .init()),
        .editPlace("vantaa", .init()),
        .requestBooking("vantaa", .init()),
        .confirmBooking("vantaa", .init()),
        .declineBooking("vantaa", .init()),
        .cancelBooking("vantaa", .init()),
        .activities("vantaa"),
        .activitiesCalendar("vantaa"),
        .newActivity("vantaa"),
        .activity("vantaa", .init()),
        .activityCalendar("vantaa", .init()),
        .editActivity("vantaa", .init()),
        .categories("vantaa"),
        .events("vantaa"),
        .eventsCalendar("vantaa"),
        .newEvent("vantaa"),
        .event("vantaa", .init()),
        .editEvent("vantaa", .init()),
        .registerForEvent("vantaa", .init()),
        .eventAttendance("vantaa", .init()),
        .registration("vantaa", "k3y-0f-t3st"),
        .cancelRegistration("vantaa", "k3y-0f-t3st"),
        .newCategory("vantaa"),
        .editCategory("vantaa", .init()),
        .plans("vantaa"),
        .newPlan("vantaa"),
        .importPlan("vantaa"),
        .plan("vantaa", .init()),
        .editPlan("vantaa", .init()),
        .newObjective("vantaa", .init()),
        .editObjective("vantaa", .init(), .init()),
        .newPlanAction("vantaa", .init()),
        .planAction("vantaa", .init(), .init()),
        .editPlanAction("vantaa", .init(), .init()),
        .planActionNotes("vantaa", .init(), .init()),
        .newKPI("vantaa", .init(), .init()),
        .kpi("vantaa", .init(), .init()),
        .editKPI("vantaa", .init(), .init()),
        .kpiMeasurements("vantaa", .init(), .init()),
        .newRisk("vantaa", .init(), .init()),
        .editRisk("vantaa", .init(), .init()),
        .planRisks("vantaa", .init()),
        .planReport("vantaa", .init(), 2024),
        .planReportPDF("vantaa", .init(), 2024),
        .planReportContributions("vantaa", .init(), 2024),
        .lockPlanReport("vantaa", .init(), 2024),
        .planExport("vantaa", .init()),
        .planActionsCSV("vantaa", .init()),
        .planKPIsCSV("vantaa", .init()),
        .importPlanSpreadsheets("vantaa", .init()),
        .referrals("vantaa"),
        .newNewcomer("vantaa"),
        .newcomer("vantaa", .init()),
        .editNewcomer("vantaa", .init()),
        .referNewcomer("vantaa", .init()),
        .renewNewcomerCode("vantaa", .init()),
        .eraseNewcomer("vantaa", .init()),
        .acceptReferral("vantaa", .init()),
        .declineReferral("vantaa", .init()),
        .referralParticipation("vantaa", .init()),
        .myReferrals("vantaa"),
        .withdrawMyReferral("vantaa"),
        .feeLedger("vantaa"),
        .feeLedgerCSV("vantaa"),
        .referralMonitoring("vantaa"),
        .matchingRounds("vantaa"),
        .matchingRound("vantaa", .init()),
        .confirmMatchingRound("vantaa", .init()),
        .discardMatchingRound("vantaa", .init()),
        .removeRoundProposal("vantaa", .init(), .init()),
        .volunteering("vantaa"),
        .opportunity("vantaa", .init()),
        .newOpportunity("vantaa"),
        .editOpportunity("vantaa", .init()),
        .applyToOpportunity("vantaa", .init()),
        .myVolunteering("vantaa"),
        .volunteerProfile("vantaa"),
        .withdrawApplication("vantaa", .init()),
        .logHours("vantaa", .init()),
        .applicationFeedback("vantaa", .init()),
        .issueCertificate("vantaa"),
        .revokeCertificate("vantaa", .init()),
        .volunteerExport("vantaa"),
        .eraseVolunteering("vantaa"),
        .certificates("vantaa"),
        .certificate("vantaa", "k3y-0f-t3st"),
        .recognition("vantaa"),
        .newAward("vantaa"),
        .volunteeringIdeas("vantaa"),
        .assessIdea("vantaa", .init()),
        .manageVolunteering("vantaa"),
        .decideApplication("vantaa", .init()),
        .decideHours("vantaa", .init()),
        .volunteerHoursCSV("vantaa"),
        .volunteer("vantaa", .init()),
        .volunteeringMonitoring("vantaa"),
        .trainings("vantaa"),
        .training("vantaa", .init()),
        .trainingCompletions("vantaa", .init()),
        .apiOpportunities("vantaa"),
        .apiOpportunity("vantaa", .init()),
        .apiEngagements("vantaa"),
        .apiTrainings("vantaa"),
        .apiTraining("vantaa", .init()),
        .apiPlans("vantaa"),
        .apiPlan("vantaa", .init()),
        .apiOrganisations("vantaa"),
        .apiOrganisation("vantaa", .init()),
        .apiOrganisationHSDS("vantaa", .init()),
        .apiNetworks("vantaa"),
        .apiNetwork("vantaa", .init()),
        .apiPartnerships("vantaa"),
        .apiPartnership("vantaa", .init()),
        .apiPartnerCalls("vantaa"),
        .apiPartnerCall("vantaa", .init()),
        .apiPlaces("vantaa"),
        .apiPlace("vantaa", .init()),
        .apiPlacesGeoJSON("vantaa"),
        .apiActivities("vantaa"),
        .apiActivity("vantaa", .init()),
        .apiCategories("vantaa"),
        .apiEvents("vantaa"),
        .apiHSDSServices("vantaa"),
        .apiHSDSTabular("vantaa"),
        .apiHSDSService("vantaa", .init()),
        .apiEvent("vantaa", .init()),
        .apiCities,
        .apiCity("vantaa"),
        .apiCityAreas("vantaa"),
        .openAPI,
    ]
}
