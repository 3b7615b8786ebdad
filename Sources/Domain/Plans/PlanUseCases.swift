import Foundation

/// Action plans: building them, reporting on them, and measuring their KPIs from the platform's records.
///
/// Coordinators shape a plan (objectives, actions, KPIs, risks) and lock a year's report. Editors of an
/// organisation that leads or partners an action write its status notes, enter manual KPI values and add their
/// part to the yearly report. Everyone may read plans: the advisory board and the public follow their progress.
public struct PlanUseCases: Sendable {
    var plans: any PlanRepository
    var events: any EventRepository
    var networks: any NetworkRepository
    var places: any PlaceRepository
    var bookings: any BookingRepository
    var organisations: any OrganisationRepository
    public var now: @Sendable () -> Date

    public init(
        plans: any PlanRepository, events: any EventRepository, networks: any NetworkRepository,
        places: any PlaceRepository, bookings: any BookingRepository, organisations: any OrganisationRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.plans = plans
        self.events = events
        self.networks = networks
        self.places = places
        self.bookings = bookings
        self.organisations = organisations
        self.now = now
    }

    public func list(city: CityID) async throws -> [ActionPlan] {
        try await plans.list(city: city)
    }

    /// A plan of the city with everything under it, or `NotFound`.
    public func document(city: CityID, id: PlanID) async throws -> PlanDocument {
        guard let document = try await plans.document(plan: id), document.plan.cityID == city else {
            throw NotFound()
        }
        return document
    }

    public func mayManage(_ actor: Actor?, city: City) -> Bool {
        Authorization.allows(actor, .coordinate(city.id))
    }

    /// Whether the actor may write notes, values and report parts for an action: coordinators, and editors of an
    /// organisation leading or partnering it.
    public func mayReport(_ actor: Actor?, city: City, action: PlanAction) -> Bool {
        mayManage(actor, city: city)
            || action.responsibleIDs.contains { Authorization.allows(actor, .editOrganisation(city.id, $0)) }
    }

    /// The responsible organisations the actor may write for.
    public func reportingOrganisations(_ actor: Actor?, city: City, action: PlanAction) -> [OrganisationID] {
        action.responsibleIDs.filter { Authorization.allows(actor, .editOrganisation(city.id, $0)) }
            .sorted { $0.description < $1.description }
    }

    @discardableResult
    public func create(actor: Actor?, city: City, input: PlanInput) async throws -> ActionPlan {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        var plan = ActionPlan(
            cityID: city.id, title: .init(), goal: .init(), firstYear: 0, lastYear: 0, createdAt: now())
        try input.apply(to: &plan, original: city.defaultLanguage)
        try await plans.save(plan)
        return plan
    }

    @discardableResult
    public func update(actor: Actor?, city: City, id: PlanID, input: PlanInput) async throws -> ActionPlan {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let document = try await self.document(city: city.id, id: id)
        var plan = document.plan
        try input.apply(to: &plan, original: city.defaultLanguage)
        // Actions must stay inside the plan's period.
        if document.actions.contains(where: { !plan.years.contains($0.firstYear) || !plan.years.contains($0.lastYear) })
        {
            throw ValidationErrors(["last_year": ["plans.errors.period.actions_outside"]])
        }
        try await plans.save(plan)
        return plan
    }

    @discardableResult
    public func saveObjective(
        actor: Actor?, city: City, plan id: PlanID, objective objectiveID: ObjectiveID? = nil, input: ObjectiveInput
    ) async throws -> PlanObjective {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let document = try await self.document(city: city.id, id: id)
        var objective = PlanObjective(planID: id, number: 0, title: .init())
        if let objectiveID {
            guard let existing = document.objectives.first(where: { $0.id == objectiveID }) else { throw NotFound() }
            objective = existing
        }
        try input.apply(to: &objective, original: city.defaultLanguage)
        try await plans.save(objective)
        return objective
    }

    @discardableResult
    public func saveAction(
        actor: Actor?, city: City, plan id: PlanID, action actionID: PlanActionID? = nil, input: ActionInput
    ) async throws -> PlanAction {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let document = try await self.document(city: city.id, id: id)
        var action = PlanAction(
            planID: id, objectiveID: ObjectiveID(), number: 0, title: .init(), firstYear: 0, lastYear: 0)
        if let actionID {
            guard let existing = document.actions.first(where: { $0.id == actionID }) else { throw NotFound() }
            action = existing
        }
        let known = Set(try await organisations.list(city: city.id).map(\.id))
        try input.apply(
            to: &action, plan: document.plan, objectives: Set(document.objectives.map(\.id)), organisations: known,
            original: city.defaultLanguage)
        try await plans.save(action)
        return action
    }

    @discardableResult
    public func saveKPI(
        actor: Actor?, city: City, plan id: PlanID, action actionID: PlanActionID, kpi kpiID: KPIID? = nil,
        input: KPIInput
    ) async throws -> KPI {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let document = try await self.document(city: city.id, id: id)
        guard document.actions.contains(where: { $0.id == actionID }) else { throw NotFound() }
        var kpi = KPI(
            actionID: actionID, description: .init(), target: .yes,
            due: CalendarDay(year: document.plan.lastYear, month: 12, day: 31)!)
        if let kpiID {
            guard let existing = document.kpis.first(where: { $0.id == kpiID && $0.actionID == actionID }) else {
                throw NotFound()
            }
            kpi = existing
        }
        let networks = Set(try await self.networks.list(city: city.id).map(\.id))
        try input.apply(to: &kpi, networks: networks, original: city.defaultLanguage)
        try await plans.save(kpi)
        return kpi
    }

    @discardableResult
    public func saveRisk(
        actor: Actor?, city: City, plan id: PlanID, action actionID: PlanActionID, risk riskID: RiskID? = nil,
        input: RiskInput
    ) async throws -> Risk {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let document = try await self.document(city: city.id, id: id)
        guard document.actions.contains(where: { $0.id == actionID }) else { throw NotFound() }
        var risk = Risk(actionID: actionID, description: .init(), likelihood: 1, impact: 1)
        if let riskID {
            guard let existing = document.risks.first(where: { $0.id == riskID && $0.actionID == actionID }) else {
                throw NotFound()
            }
            risk = existing
        }
        let known = Set(try await organisations.list(city: city.id).map(\.id))
        try input.apply(to: &risk, organisations: known, original: city.defaultLanguage)
        try await plans.save(risk)
        return risk
    }

    /// Adds a dated status note, which also sets the action's status.
    @discardableResult
    public func addNote(
        actor: Actor?, city: City, plan id: PlanID, action actionID: PlanActionID, input: StatusNoteInput
    ) async throws -> StatusNote {
        let document = try await self.document(city: city.id, id: id)
        guard let action = document.actions.first(where: { $0.id == actionID }) else { throw NotFound() }
        guard let actor, mayReport(actor, city: city, action: action) else { throw NotPermitted() }
        let valid = try input.validate(
            organisations: Set(reportingOrganisations(actor, city: city, action: action)),
            mayWriteAsCity: mayManage(actor, city: city))
        let note = StatusNote(
            actionID: actionID, day: today(city), status: valid.status, text: valid.text,
            organisationID: valid.organisation, authorID: actor.person.id, createdAt: now())
        try await plans.add(note)
        return note
    }

    /// Records a value of a manually measured KPI.
    @discardableResult
    public func addMeasurement(
        actor: Actor?, city: City, plan id: PlanID, kpi kpiID: KPIID, input: MeasurementInput
    ) async throws -> KPIMeasurement {
        // Only the KPI, its action and the plan: a value is recorded without reading the whole plan.
        guard let (plan, action, kpi) = try await plans.kpi(id: kpiID), plan.id == id, plan.cityID == city.id else {
            throw NotFound()
        }
        guard let actor, mayReport(actor, city: city, action: action) else { throw NotPermitted() }
        guard kpi.rule == nil else { throw ValidationErrors(["value": ["plans.errors.value.computed"]]) }
        let valid = try input.validate(kpi: kpi, today: today(city))
        let measurement = KPIMeasurement(
            kpiID: kpiID, day: valid.day, value: valid.value, evidence: valid.evidence, authorID: actor.person.id,
            createdAt: now())
        try await plans.add(measurement)
        return measurement
    }

    /// A responsible organisation's words on an action for a year's report, until the report is locked.
    @discardableResult
    public func contribute(
        actor: Actor?, city: City, plan id: PlanID, year: Int, action actionID: PlanActionID, organisation: String,
        text: String
    ) async throws -> ReportContribution {
        let document = try await self.document(city: city.id, id: id)
        guard document.plan.years.contains(year), let action = document.actions.first(where: { $0.id == actionID })
        else { throw NotFound() }
        guard let actor, mayReport(actor, city: city, action: action) else { throw NotPermitted() }
        var errors = ValidationErrors()
        let organisationID = OrganisationID(string: organisation).flatMap { id in
            reportingOrganisations(actor, city: city, action: action).contains(id) ? id : nil
        }
        errors.require(organisationID != nil, "stakeholders.errors.organisation.unknown", field: "organisation")
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!text.isEmpty, "common.errors.required", field: "text")
        errors.require(text.count <= 5_000, "common.errors.too_long", field: "text")
        errors.require(!document.isLocked(year: year), "plans.errors.report.locked", field: "text")
        try errors.throwIfAny()
        let existing = document.contributions.first {
            $0.year == year && $0.actionID == actionID && $0.organisationID == organisationID
        }
        let contribution = ReportContribution(
            id: existing?.id ?? ContributionID(), planID: id, year: year, actionID: actionID,
            organisationID: organisationID!, text: text, authorID: actor.person.id, updatedAt: now())
        guard try await plans.save(contribution) else {
            throw ValidationErrors(["text": ["plans.errors.report.locked"]])
        }
        return contribution
    }

    /// Locks a year's report; afterwards it is what the advisory board reads.
    public func lockReport(actor: Actor?, city: City, plan id: PlanID, year: Int) async throws {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let document = try await self.document(city: city.id, id: id)
        guard document.plan.years.contains(year) else { throw NotFound() }
        guard !document.isLocked(year: year) else { return }
        try await plans.lock(ReportLock(planID: id, year: year, lockedAt: now(), lockedBy: actor?.person.id))
    }

    func today(_ city: City) -> CalendarDay {
        CalendarDay(now(), in: TimeZone(identifier: city.timeZone) ?? .current)
    }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension PlanUseCases {
    /// The city's networks, for a KPI measured from their meetings.
    public func networks(city: CityID) async throws -> [Network] {
        try await networks.list(city: city)
    }

    /// One event, for naming it beside a KPI value it counted in.
    public func event(id: EventID) async throws -> Event? {
        try await events.find(id: id)
    }

    /// The places with these ids, for naming them beside a KPI value.
    public func places(ids: Set<PlaceID>) async throws -> [Place] {
        try await places.find(ids: ids)
    }
}
