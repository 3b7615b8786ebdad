import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Action plans on the coordinator's dashboard, and plans updated from their spreadsheets")
struct PlanSpreadsheetsRoutesTests {
    /// Imports a plan's two spreadsheets as they were downloaded and expects the plan unchanged.
    static func importBackUnchanged(
        _ app: TestApp, _ browser: Browser, _ document: PlanDocument, actions: Browser.Page, kpis: Browser.Page
    ) async throws {
        let path = "/vantaa/plans/\(document.plan.id)/import"
        let first = try await browser.upload(path, file: "actions", filename: "a.csv", data: Array(actions.bytes))
        let second = try await browser.upload(path, file: "kpis", filename: "k.csv", data: Array(kpis.bytes))
        #expect(first.status == .seeOther && second.status == .seeOther)
        let after = try await PlansRoutesTests.plan(app)
        #expect(after.actions == document.actions)
        #expect(after.kpis == document.kpis)
    }

    @Test("the coordinator's dashboard shows actions by status, KPIs off track, what is due and risks by severity")
    func coordinatorSeesPlanOnDashboard() async throws {
        try await TestApp.run { app, browser in
            // given
            let document = try await PlansRoutesTests.plan(app)
            let forum = try #require(
                document.kpis.first { $0.description.text(in: .english) == "Participants at each forum" })
            try await browser.signIn(.coordinator)
            // when
            let page = try await browser.get("/vantaa/dashboard?lang=en")
            // then
            #expect(page.status == .ok)
            #expect(
                page.body.contains("KPIs at risk or off track") && page.body.contains("Live risks, most severe first"))
            #expect(page.body.contains("/vantaa/plans/\(document.plan.id)/kpis/\(forum.id)"))
            let live = document.risks.filter(\.isLive)
            #expect(!live.isEmpty)
            for risk in live {
                #expect(page.body.contains(Node.escape(risk.description.text(in: .english))))
            }
            let done = document.actions.filter { $0.status == .done }.count
            #expect(page.body.contains("action-done\">Done</span> \(done)"))
        }
    }

    @Test("the actions and KPI spreadsheets, uploaded back unchanged, change nothing")
    func spreadsheetsRoundTrip() async throws {
        try await TestApp.run { app, browser in
            // given
            let document = try await PlansRoutesTests.plan(app)
            try await browser.signIn(.coordinator)
            let actions = try await browser.get("/vantaa/plans/\(document.plan.id)/actions.csv")
            let kpis = try await browser.get("/vantaa/plans/\(document.plan.id)/kpis.csv")
            #expect(actions.body.hasPrefix("id,objective,number,title_fi"))
            // when
            #expect(try await browser.get("/vantaa/plans/\(document.plan.id)/import").status == .ok)
            // then
            try await Self.importBackUnchanged(app, browser, document, actions: actions, kpis: kpis)
        }
    }

    @Test("a coordinator changes a status and adds an action by spreadsheet; a bad row is named and nothing changes")
    func coordinatorEditsBySpreadsheet() async throws {
        try await TestApp.run { app, browser in
            // given
            let document = try await PlansRoutesTests.plan(app)
            let action = try #require(document.actions.first { $0.status != .done })
            let path = "/vantaa/plans/\(document.plan.id)/import"
            try await browser.signIn(.coordinator)
            let header = "id,objective,number,title_en,first_year,last_year,status,leads\n"
            // when
            let bad = try await browser.upload(
                path, file: "actions", filename: "a.csv",
                data: Array(
                    (header + "\(action.id),1,\(action.number),X,2018,2022,done,\n,1,13,Y,2019,2020,sleeping,\n").utf8))
            // then
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("actions.csv, line 3: status"))
            #expect(try await PlansRoutesTests.plan(app).actions == document.actions)
            // when
            let good = try await browser.upload(
                path, file: "actions", filename: "a.csv",
                data: Array(
                    (header
                        + "\(action.id),1,\(action.number),X,2018,2022,done,\n,1,13,Y,2019,2020,planned,2019: Nicehearts ry\n")
                        .utf8))
            // then
            #expect(good.status == .seeOther)
            let after = try await PlansRoutesTests.plan(app)
            #expect(after.actions.count == document.actions.count + 1)
            #expect(after.actions.first { $0.id == action.id }?.status == .done)
            let added = try #require(after.actions.first { $0.number == 13 })
            #expect(added.leads[2019]?.count == 1)
        }
    }

    @Test("only coordinators update a plan from spreadsheets", arguments: [RoleKind.organisationEditor, .volunteer])
    func othersMayNotImport(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            let document = try await PlansRoutesTests.plan(app)
            try await browser.signIn(role)
            let path = "/vantaa/plans/\(document.plan.id)/import"
            let refused = try await browser.upload(
                path, file: "actions", filename: "a.csv",
                data: Array("id,status\n\(document.actions[0].id),dropped\n".utf8))
            #expect(refused.status == .forbidden)
            #expect(try await PlansRoutesTests.plan(app).actions == document.actions)
        }
    }

    @Test("a coordinator's actions and KPI spreadsheets write formula-like cells with an apostrophe and read them back")
    func coordinatorExportsFormulaCellsNeutralised() async throws {
        try await TestApp.run { app, browser in
            // given
            var document = try await PlansRoutesTests.plan(app)
            var action = try #require(document.actions.first)
            action.title = LocalizedText(original: TestApp.formula, in: .finnish)
            action.description = LocalizedText(original: "-x", in: .finnish)
            try await app.repositories.plans.save(action)
            var kpi = try #require(document.kpis.first)
            kpi.description = LocalizedText(original: "=SUM(A1)", in: .finnish)
            kpi.unit = "-x"
            try await app.repositories.plans.save(kpi)
            document = try await PlansRoutesTests.plan(app)
            try await browser.signIn(.coordinator)
            // when
            let actions = try await browser.get("/vantaa/plans/\(document.plan.id)/actions.csv")
            let kpis = try await browser.get("/vantaa/plans/\(document.plan.id)/kpis.csv")
            // then
            #expect(actions.status == .ok && kpis.status == .ok)
            #expect(actions.body.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","))
            #expect(actions.body.contains(",'-x,"))
            #expect(kpis.body.contains(",'=SUM(A1),") && kpis.body.contains(",'-x,"))
            for body in [actions.body, kpis.body] {
                #expect(!body.contains(",=") && !body.contains(",\"=") && !body.contains(",-x,"))
            }
            // when the files are imported back
            // then nothing changes
            try await Self.importBackUnchanged(app, browser, document, actions: actions, kpis: kpis)
        }
    }

    @Test("a coordinator's upload is read by its quoted name even when a quoted filename before it holds ; and name=")
    func coordinatorUploadsWithSemicolonsInQuotes() async throws {
        try await TestApp.run { app, browser in
            // given
            let document = try await PlansRoutesTests.plan(app)
            let action = try #require(document.actions.first { $0.status != .done })
            let path = "/vantaa/plans/\(document.plan.id)/import"
            try await browser.signIn(.coordinator)
            let csv = "id,status\n\(action.id),done\n"
            // when
            let page = try await browser.upload(
                path, file: "actions", filename: "", data: Array(csv.utf8),
                disposition: #"form-data; filename="toimet; name=kpis \"2026\".csv"; name="actions""#)
            // then
            #expect(page.status == .seeOther)
            let after = try await PlansRoutesTests.plan(app)
            #expect(after.actions.first { $0.id == action.id }?.status == .done)
        }
    }
}
