import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Action plans: public reading, coordinators shaping, partners reporting, the report, export and import")
struct PlansRoutesTests {
    static func plan(_ app: TestApp) async throws -> PlanDocument {
        let plan = try #require(try await app.repositories.plans.list(city: app.vantaa.id).first)
        return try #require(try await app.repositories.plans.document(plan: plan.id))
    }

    @Test("anyone reads the demo plan, its KPIs computed from events, and the records behind a value")
    func publicReading() async throws {
        try await TestApp.run { app, browser in
            let document = try await Self.plan(app)
            let page = try await browser.get("/vantaa/plans/\(document.plan.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("A cooperation forum every year") && page.body.contains("Nicehearts ry"))
            let attendance = try #require(
                document.kpis.first { $0.description.text(in: .english) == "Participants at each forum" })
            let kpi = try await browser.get("/vantaa/plans/\(document.plan.id)/kpis/\(attendance.id)?lang=en")
            #expect(kpi.body.contains("Off track"))
            #expect(kpi.body.contains("Cooperation forum 2020") && kpi.body.contains("<svg"))
            #expect(try await browser.get("/vantaa/plans/\(document.plan.id)/risks?lang=en").status == .ok)
        }
    }

    @Test("a coordinator adds a KPI; a wrong target type is refused by field and nothing is stored")
    func coordinatorAddsKPI() async throws {
        try await TestApp.run { app, browser in
            let document = try await Self.plan(app)
            let action = document.actions[5]
            let path = "/vantaa/plans/\(document.plan.id)/actions/\(action.id)/kpis/new"
            #expect(try await browser.post(path, [("description_en", "Meetings")]).status == .forbidden)
            try await browser.signIn(.coordinator)
            let fields = [
                ("description_en", "Members attending meetings"), ("target_type", "number"), ("target", "lots"),
                ("direction", "at_least"), ("period", "yearly"), ("due", "2022-12-31"), ("measure", "manual"),
            ]
            let refused = try await browser.post(path, fields)
            #expect(refused.status == .unprocessableContent)
            #expect(try await Self.plan(app).kpis.count == document.kpis.count)
            let saved = try await browser.post(path, fields.map { $0.0 == "target" ? ("target", "8") : $0 })
            #expect(saved.status == .seeOther)
            #expect(try await Self.plan(app).kpis.count == document.kpis.count + 1)
        }
    }

    @Test("a coordinator records a KPI value reading only that KPI; a wrong value or a computed KPI is refused")
    func coordinatorRecordsMeasurement() async throws {
        try await TestApp.run { app, browser in
            // given the manual KPI "Organisations listed in the service finder" and a signed-in coordinator
            let document = try await Self.plan(app)
            let kpi = try #require(
                document.kpis.first {
                    $0.description.text(in: .english) == "Organisations listed in the service finder"
                })
            let path = "/vantaa/plans/\(document.plan.id)/kpis/\(kpi.id)/measurements"
            try await browser.signIn(.coordinator)
            try await browser.get("/vantaa/dashboard")
            // when a value is recorded
            let before = app.repositories.database.statementsRun
            let saved = try await browser.post(path, [("day", "2019-12-15"), ("value", "41"), ("evidence", "Listing")])
            let statements = app.repositories.database.statementsRun - before
            // then it is stored, and the plan was not read whole (that alone takes 10 statements, and it was read twice)
            #expect(saved.status == .seeOther)
            #expect(try await Self.plan(app).measurements.contains { $0.kpiID == kpi.id && $0.value == 41 })
            #expect(statements <= 12, "recording a value ran \(statements) statements")
            // and a value that is not a number is refused by field, with nothing stored
            let refused = try await browser.post(path, [("day", "2019-12-16"), ("value", "many")])
            #expect(refused.status == .unprocessableContent && refused.body.contains("field-value-errors"))
            #expect(try await Self.plan(app).measurements.filter { $0.kpiID == kpi.id }.count == 2)
            // and a KPI computed from the platform's records takes no typed values
            let computed = try #require(document.kpis.first { $0.rule != nil })
            let typed = try await browser.post(
                "/vantaa/plans/\(document.plan.id)/kpis/\(computed.id)/measurements",
                [("day", "2019-12-15"), ("value", "3")])
            #expect(typed.status == .unprocessableContent)
            // and a KPI of another plan, or none, is not found
            let unknown = try await browser.post(
                "/vantaa/plans/\(PlanID())/kpis/\(kpi.id)/measurements", [("day", "2019-12-15"), ("value", "3")])
            #expect(unknown.status == .notFound)
        }
    }

    @Test("a lead organisation's editor writes a status note and the report part; other actions stay closed")
    func partnerReports() async throws {
        try await TestApp.run { app, browser in
            let document = try await Self.plan(app)
            let forum = document.actions[1]
            let ulg = document.actions[5]
            try await browser.signIn(.organisationEditor)
            let nicehearts = try #require(forum.leads[2018]?.first)
            let note = try await browser.post(
                "/vantaa/plans/\(document.plan.id)/actions/\(forum.id)/notes",
                [
                    ("status", "ongoing"), ("text", "Venue booked for the next forum."),
                    ("organisation", nicehearts.description),
                ])
            #expect(note.status == .seeOther)
            let other = try await browser.post(
                "/vantaa/plans/\(document.plan.id)/actions/\(ulg.id)/notes", [("status", "done"), ("text", "x")])
            #expect(other.status == .forbidden)
            let part = try await browser.post(
                "/vantaa/plans/\(document.plan.id)/reports/2020/contributions",
                [("action", forum.id.description), ("organisation", nicehearts.description), ("text", "We helped.")])
            #expect(part.status == .seeOther)
            let locked = try await browser.post(
                "/vantaa/plans/\(document.plan.id)/reports/2018/contributions",
                [("action", forum.id.description), ("organisation", nicehearts.description), ("text", "Late words.")])
            #expect(locked.status == .unprocessableContent)
            let read = try await Self.plan(app)
            #expect(read.notes(of: forum.id).first?.text == "Venue booked for the next forum.")
            #expect(read.notes(of: ulg.id).isEmpty)
            #expect(
                read.contributions.map(\.text).sorted() == [
                    "We co-hosted the 2019 forum with Hakunila International Society; two new members joined.",
                    "We helped.",
                ])
        }
    }

    @Test("the yearly report is a page and a well-formed PDF; a coordinator locks it")
    func report() async throws {
        try await TestApp.run { app, browser in
            let document = try await Self.plan(app)
            let page = try await browser.get("/vantaa/plans/\(document.plan.id)/reports/2019?lang=en")
            #expect(page.body.contains("Monitoring report 2019") && page.body.contains("Participants at each forum"))
            let pdf = try await browser.get("/vantaa/plans/\(document.plan.id)/reports/2019.pdf?lang=en")
            #expect(pdf.headers[.contentType] == "application/pdf")
            let bytes = pdf.bytes
            #expect(bytes.starts(with: Array("%PDF-1.4".utf8)))
            // Every object the cross-reference table points at starts where it says.
            let text = String(decoding: bytes, as: UTF8.self)
            let xref = try #require(text.range(of: "\nxref\n"))
            let entries = text[xref.upperBound...].split(separator: "\n").dropFirst(2).prefix { $0.hasSuffix(" n ") }
            #expect(entries.count > 4)
            for (index, entry) in entries.enumerated() {
                let offset = try #require(Int(entry.prefix(10)))
                #expect(Array(bytes[offset..<offset + 8]).starts(with: Array("\(index + 1) 0 obj".utf8)))
            }
            #expect(text.contains("Participants at each forum"))
            try await browser.signIn(.coordinator)
            #expect(try await browser.post("/vantaa/plans/\(document.plan.id)/reports/2019/lock").status == .seeOther)
            #expect(try await Self.plan(app).isLocked(year: 2019))
        }
    }

    @Test(
        "a plan exported as JSON imports as a new plan without loss; a broken file names the field and writes nothing")
    func exportAndImport() async throws {
        try await TestApp.run { app, browser in
            let document = try await Self.plan(app)
            try await browser.signIn(.coordinator)
            let exported = try await browser.get("/vantaa/plans/\(document.plan.id)/export.json")
            #expect(exported.status == .ok)
            let imported = try await browser.upload(
                "/vantaa/plans/import", file: "file", filename: "plan.json", data: Array(exported.bytes))
            #expect(imported.status == .seeOther)
            let plans = try await app.repositories.plans.list(city: app.vantaa.id)
            #expect(plans.count == 2)
            let copyID = try #require(plans.first { $0.id != document.plan.id }?.id)
            let copy = try #require(try await app.repositories.plans.document(plan: copyID))
            let again = try await browser.get("/vantaa/plans/\(copyID)/export.json")
            // The same plan, part by part, under new ids.
            func shape(_ data: Data) throws -> String {
                var text = String(decoding: data, as: UTF8.self)
                let ids = try NSRegularExpression(
                    pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                text = ids.stringByReplacingMatches(
                    in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "ID")
                return text
            }
            #expect(try shape(again.bytes) == shape(exported.bytes))
            #expect(copy.actions.count == 12 && copy.kpis.count == document.kpis.count)
            var broken = String(decoding: exported.bytes, as: UTF8.self)
            broken = broken.replacingOccurrences(of: "\"status\" : \"ongoing\"", with: "\"status\" : \"sleeping\"")
            let refused = try await browser.upload(
                "/vantaa/plans/import", file: "file", filename: "plan.json", data: Array(broken.utf8))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("actions[") && refused.body.contains(".status"))
            #expect(try await app.repositories.plans.list(city: app.vantaa.id).count == 2)
        }
    }
}
