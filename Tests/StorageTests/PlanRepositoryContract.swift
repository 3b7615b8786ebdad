import Domain
import Foundation
import Storage
import Testing

@Suite("Plan repository: a whole plan stored and read back, notes set status, locked reports refuse additions")
struct PlanRepositoryContract {
    static let moment = Date(timeIntervalSince1970: 1_700_000_000)

    static func document(city: CityID, lead: OrganisationID) -> PlanDocument {
        let plan = ActionPlan(
            cityID: city, title: LocalizedText(original: "Suunnitelma", in: .finnish), goal: .init(), firstYear: 2018,
            lastYear: 2022, createdAt: moment)
        let objective = PlanObjective(
            planID: plan.id, number: 1, title: LocalizedText(original: "Tavoite", in: .finnish))
        let action = PlanAction(
            planID: plan.id, objectiveID: objective.id, number: 2,
            title: LocalizedText(original: "Foorumi", in: .finnish),
            leads: [2018: [lead], 2020: [lead]], partnerIDs: [lead], firstYear: 2018, lastYear: 2022,
            budgetCents: 150_000, status: .ongoing)
        let kpi = KPI(
            actionID: action.id, description: LocalizedText(original: "Osallistujia", in: .finnish), unit: "hlö",
            baseline: 12.5, target: .number(60), due: CalendarDay("2022-12-31")!,
            rule: .eventAttendance(kind: .cooperationForum, network: nil))
        let manual = KPI(
            actionID: action.id, description: LocalizedText(original: "Julkaistu", in: .finnish), target: .yes,
            due: CalendarDay("2019-12-31")!)
        return PlanDocument(
            plan: plan, objectives: [objective], actions: [action], kpis: [manual, kpi].sorted { $0.due < $1.due },
            risks: [
                Risk(
                    actionID: action.id, description: LocalizedText(original: "Rahoitus", in: .finnish), likelihood: 4,
                    impact: 5, ownerID: lead)
            ],
            measurements: [
                KPIMeasurement(
                    kpiID: manual.id, day: CalendarDay("2019-03-01")!, value: 1, evidence: "Julkaistu verkossa",
                    authorID: nil, createdAt: moment)
            ])
    }

    /// A stored city with one organisation, and the plan of `document(city:lead:)` inserted.
    static func stored(_ repositories: SQLRepositories) async throws -> (City, Organisation, PlanDocument) {
        let city = try await Fixtures.storedCity(repositories)
        let lead = Fixtures.organisation("Nicehearts ry", city: city.id)
        try await repositories.organisations.create(lead)
        let document = Self.document(city: city.id, lead: lead.id)
        try await repositories.plans.insert(document)
        return (city, lead, document)
    }

    @Test("an inserted plan reads back whole, with numbers, rules and texts intact", arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (city, _, document) = try await Self.stored(repositories)
            let read = try #require(try await repositories.plans.document(plan: document.plan.id))
            #expect(read == document)
            #expect(try await repositories.plans.list(city: city.id) == [document.plan])
        }
    }

    @Test(
        "actions and KPIs saved together land together; a KPI of an unknown action undoes the whole batch",
        arguments: TestEngine.available)
    func batchIsAtomic(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            // given
            let (_, _, document) = try await Self.stored(repositories)
            var changed = document.actions[0]
            changed.status = .done
            let added = PlanAction(
                planID: document.plan.id, objectiveID: document.objectives[0].id, number: 3,
                title: LocalizedText(original: "Tapaamiset", in: .finnish), firstYear: 2019, lastYear: 2020)
            let kpi = KPI(
                actionID: added.id, description: LocalizedText(original: "Tapaamisia", in: .finnish),
                target: .number(2), due: CalendarDay("2020-12-31")!)
            let orphan = KPI(
                actionID: PlanActionID(), description: LocalizedText(original: "Orpo", in: .finnish), target: .yes,
                due: CalendarDay("2020-12-31")!)
            // when
            await #expect(throws: NotFound.self) {
                try await repositories.plans.save(actions: [changed, added], kpis: [kpi, orphan])
            }
            // then
            #expect(try await repositories.plans.document(plan: document.plan.id) == document)
            // when
            try await repositories.plans.save(actions: [changed, added], kpis: [kpi])
            // then
            let read = try #require(try await repositories.plans.document(plan: document.plan.id))
            #expect(read.actions.first { $0.id == changed.id }?.status == .done)
            #expect(read.actions.contains(added) && read.kpis.contains(kpi))
        }
    }

    @Test("a status note sets its action's status; an edited KPI replaces the old one", arguments: TestEngine.available)
    func notesAndEdits(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (_, lead, document) = try await Self.stored(repositories)
            let action = document.actions[0]
            try await repositories.plans.add(
                StatusNote(
                    actionID: action.id, day: CalendarDay("2020-01-10")!, status: .done, text: "Valmis",
                    organisationID: lead.id, authorID: nil, createdAt: Self.moment))
            var kpi = document.kpis[1]
            kpi.target = .number(1_500)
            kpi.direction = .atMost
            kpi.rule = .eventCost(kind: .cooperationForum, network: nil)
            try await repositories.plans.save(kpi)
            let read = try #require(try await repositories.plans.document(plan: document.plan.id))
            #expect(read.actions[0].status == .done)
            #expect(read.notes.map(\.text) == ["Valmis"])
            #expect(read.kpis.first { $0.id == kpi.id } == kpi)
            #expect(read.kpis.count == 2)
        }
    }

    @Test("a contribution is replaced per organisation until the year is locked", arguments: TestEngine.available)
    func contributionsStopAtLock(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let (_, lead, document) = try await Self.stored(repositories)
            func contribution(_ text: String) -> ReportContribution {
                ReportContribution(
                    planID: document.plan.id, year: 2019, actionID: document.actions[0].id, organisationID: lead.id,
                    text: text, authorID: nil, updatedAt: Self.moment)
            }
            #expect(try await repositories.plans.save(contribution("Ensimmäinen")))
            #expect(try await repositories.plans.save(contribution("Toinen")))
            try await repositories.plans.lock(
                ReportLock(planID: document.plan.id, year: 2019, lockedAt: Self.moment, lockedBy: nil))
            #expect(try await repositories.plans.save(contribution("Kolmas")) == false)
            let read = try #require(try await repositories.plans.document(plan: document.plan.id))
            #expect(read.contributions.map(\.text) == ["Toinen"])
            #expect(read.isLocked(year: 2019))
        }
    }
}
