import Foundation
import Testing

@testable import Domain

@Suite("Plan spreadsheets: actions and KPIs out to CSV and back in")
struct PlanSpreadsheetTests {
    static let city = CityID()
    static let nicehearts = Organisation(
        cityID: city, kind: .migrantLedNGO, name: LocalizedText(original: "Nicehearts ry", in: .finnish),
        createdAt: .distantPast)
    static let club = Organisation(
        cityID: city, kind: .ngo,
        name: LocalizedText(original: "Vantaan venäläinen klubi", in: .finnish).updated(
            with: [.finnish: "Vantaan venäläinen klubi", .english: "Russian Club of Vantaa"], original: .finnish),
        createdAt: .distantPast)
    static let twin = Organisation(
        cityID: city, kind: .ngo, name: LocalizedText(original: "Nicehearts ry", in: .english), createdAt: .distantPast)

    /// A plan of one objective, one action led by Nicehearts and one manual KPI.
    static func document() -> PlanDocument {
        let plan = ActionPlan(
            cityID: city, title: LocalizedText(original: "Plan", in: .english), goal: .init(), firstYear: 2018,
            lastYear: 2022, createdAt: Date(timeIntervalSince1970: 0))
        let objective = PlanObjective(planID: plan.id, number: 1, title: LocalizedText(original: "O", in: .english))
        let action = PlanAction(
            planID: plan.id, objectiveID: objective.id, number: 2,
            title: LocalizedText(original: "Forums", in: .english),
            description: LocalizedText(original: "A forum a year", in: .english), leads: [2018: [nicehearts.id]],
            partnerIDs: [club.id], firstYear: 2018, lastYear: 2022, budgetCents: 150_000, status: .ongoing)
        let kpi = KPI(
            actionID: action.id, description: LocalizedText(original: "Participants", in: .english), unit: "people",
            target: .number(60), due: CalendarDay(year: 2022, month: 12, day: 31)!)
        return PlanDocument(plan: plan, objectives: [objective], actions: [action], kpis: [kpi])
    }

    static func reader(_ document: PlanDocument, organisations: [Organisation] = [nicehearts, club])
        -> PlanSpreadsheetImport
    {
        PlanSpreadsheetImport(document: document, organisations: organisations, networks: [], original: .english)
    }

    /// An organisation whose name a spreadsheet would run as a formula.
    static let formula = Organisation(
        cityID: city, kind: .ngo, name: LocalizedText(original: "=SUM(A1)", in: .finnish), createdAt: .distantPast)

    static func export(_ document: PlanDocument) -> (actions: String, kpis: String) {
        let names = [
            nicehearts.id: "Nicehearts ry", club.id: "Vantaan venäläinen klubi", formula.id: "=SUM(A1)",
        ]
        let evaluation = PlanEvaluation(
            document: document,
            facts: PlanFacts(
                events: [], memberships: [:], bookings: [], today: CalendarDay(year: 2026, month: 11, day: 22)!))
        return (
            PlanSpreadsheet.actions(document, languages: [.finnish, .english], names: names),
            PlanSpreadsheet.kpis(document, languages: [.finnish, .english], evaluation: evaluation)
        )
    }

    @Test("an exported spreadsheet read back changes nothing")
    func roundTrip() throws {
        // given
        let document = Self.document()
        let files = Self.export(document)
        // when
        let changes = try Self.reader(document).read(actions: files.actions, kpis: files.kpis)
        // then
        #expect(changes.actions == document.actions)
        #expect(changes.kpis == document.kpis)
        #expect(changes.created == 0 && changes.updated == 2)
    }

    @Test("cells that look like formulas go out with an apostrophe and read back as they were")
    func formulaCellsRoundTrip() throws {
        // given
        var document = Self.document()
        document.actions[0].title = LocalizedText(original: "=SUM(A1)", in: .english)
        document.actions[0].description = LocalizedText(original: "-x", in: .english)
        document.actions[0].partnerIDs = [Self.formula.id]
        document.kpis[0].description = LocalizedText(original: "=SUM(A1)", in: .english)
        document.kpis[0].unit = "-x"
        // when
        let files = Self.export(document)
        let changes = try Self.reader(document, organisations: [Self.nicehearts, Self.club, Self.formula]).read(
            actions: files.actions, kpis: files.kpis)
        // then
        let actionRow = try #require(files.actions.split(separator: "\r\n").dropFirst().first)
        #expect(actionRow.contains(",'=SUM(A1),") && actionRow.contains(",'-x,"))
        #expect(!actionRow.contains(",=") && !actionRow.contains(",-x"))
        let kpiRow = try #require(files.kpis.split(separator: "\r\n").dropFirst().first)
        #expect(kpiRow.contains(",'=SUM(A1),'-x,"))
        #expect(changes.actions == document.actions)
        #expect(changes.kpis == document.kpis)
    }

    @Test("a row without an id adds an action; organisations are found by name in any language")
    func newActionByNames() throws {
        // given
        let document = Self.document()
        let csv = """
            objective,number,title_en,first_year,last_year,status,leads,partners
            1,3,Meet-ups,2019,2021,planned,2019: nicehearts ry + Russian Club of Vantaa; 2020: Nicehearts ry,
            """
        // when
        let changes = try Self.reader(document).read(actions: csv, kpis: nil)
        // then
        let added = try #require(changes.actions.first)
        #expect(changes.created == 1 && added.id != document.actions[0].id)
        #expect(added.leads == [2019: [Self.nicehearts.id, Self.club.id], 2020: [Self.nicehearts.id]])
        #expect(added.partnerIDs.isEmpty && added.title.text(in: .english) == "Meet-ups")
    }

    @Test("a column left out keeps the current value; a KPI row names its action by number")
    func partialColumns() throws {
        // given
        let document = Self.document()
        let action = document.actions[0]
        let kpi = document.kpis[0]
        // when
        let changes = try Self.reader(document).read(
            actions: "id,status\n\(action.id),done\n", kpis: "id,action,target\n\(kpi.id),2,70\n")
        // then
        #expect(changes.actions.first?.status == .done)
        #expect(changes.actions.first?.leads == action.leads && changes.actions.first?.budgetCents == 150_000)
        #expect(changes.kpis.first?.target == .number(70) && changes.kpis.first?.unit == "people")
    }

    @Test(
        "bad rows are named by file, line and column, and nothing is returned",
        arguments: [
            ("objective,number,title_en,first_year,last_year\n9,3,X,2019,2020\n", "actions.csv, line 2: objective"),
            ("objective,number,title_en,first_year,last_year\n1,3,X,2019,2030\n", "actions.csv, line 2: last_year"),
            (
                "objective,number,title_en,first_year,last_year,leads\n1,3,X,2019,2020,Nobody\n",
                "actions.csv, line 2: leads"
            ),
            (
                "objective,number,title_en,first_year,last_year,status\n1,3,X,2019,2020,sleeping\n",
                "actions.csv, line 2: status"
            ),
            (
                "objective,number,title_en,first_year,last_year\n1,3,X,2019,2020\n1,3,Y,2019,2020\n",
                "actions.csv, line 3: number"
            ),
            (
                "objective,number,title_en,first_year,last_year,partners\n1,3,X,2019,2020,\"Nicehearts ry\n",
                "actions.csv, line 2"
            ),
        ])
    func badActions(csv: String, place: String) {
        do {
            _ = try Self.reader(Self.document()).read(actions: csv, kpis: nil)
            Issue.record("accepted \(csv)")
        } catch {
            #expect(error.fields.keys.contains(place), "\(error.fields)")
        }
    }

    @Test(
        "bad KPI rows: unknown action, wrong target type, unknown rule or network",
        arguments: [
            ("action,description_en,target\n7,X,60\n", "kpis.csv, line 2: action"),
            ("action,description_en,target\n2,X,many\n", "kpis.csv, line 2: target"),
            ("action,description_en,target,rule\n2,X,60,event_count kind=picnic\n", "kpis.csv, line 2: rule"),
            (
                "action,description_en,target,rule\n2,X,60,network_members network=\(NetworkID())\n",
                "kpis.csv, line 2: network"
            ),
        ])
    func badKPIs(csv: String, place: String) {
        do {
            _ = try Self.reader(Self.document()).read(actions: nil, kpis: csv)
            Issue.record("accepted \(csv)")
        } catch {
            #expect(error.fields.keys.contains(place), "\(error.fields)")
        }
    }

    @Test("a name two organisations share is refused; their ids are accepted")
    func ambiguousName() throws {
        let reader = Self.reader(Self.document(), organisations: [Self.nicehearts, Self.club, Self.twin])
        let header = "objective,number,title_en,first_year,last_year,partners\n"
        do {
            _ = try reader.read(actions: header + "1,3,X,2019,2020,Nicehearts ry\n", kpis: nil)
            Issue.record("an ambiguous name was accepted")
        } catch {
            #expect(error.fields["actions.csv, line 2: partners"] == ["plans.errors.import.ambiguous_organisation"])
        }
        let changes = try reader.read(actions: header + "1,3,X,2019,2020,\(Self.twin.id)\n", kpis: nil)
        #expect(changes.actions.first?.partnerIDs == [Self.twin.id])
    }
}
