import Foundation

public typealias ContributionID = Identifier<ReportContribution>

/// A partner organisation's own words on an action for a year's monitoring report, written before it is locked.
public struct ReportContribution: Hashable, Sendable {
    public var id: ContributionID
    public var planID: PlanID
    public var year: Int
    public var actionID: PlanActionID
    public var organisationID: OrganisationID
    public var text: String
    public var authorID: PersonID?
    public var updatedAt: Date

    public init(
        id: ContributionID = ContributionID(), planID: PlanID, year: Int, actionID: PlanActionID,
        organisationID: OrganisationID, text: String, authorID: PersonID?, updatedAt: Date
    ) {
        self.id = id
        self.planID = planID
        self.year = year
        self.actionID = actionID
        self.organisationID = organisationID
        self.text = text
        self.authorID = authorID
        self.updatedAt = updatedAt
    }
}

/// A year's monitoring report, locked for the advisory board: nothing more is added to it.
public struct ReportLock: Hashable, Sendable {
    public var planID: PlanID
    public var year: Int
    public var lockedAt: Date
    public var lockedBy: PersonID?

    public init(planID: PlanID, year: Int, lockedAt: Date, lockedBy: PersonID?) {
        self.planID = planID
        self.year = year
        self.lockedAt = lockedAt
        self.lockedBy = lockedBy
    }
}

/// A whole plan with everything under it, as it is shown, reported, exported and imported.
public struct PlanDocument: Hashable, Sendable {
    public var plan: ActionPlan
    public var objectives: [PlanObjective]
    public var actions: [PlanAction]
    public var kpis: [KPI]
    public var risks: [Risk]
    public var notes: [StatusNote]
    public var measurements: [KPIMeasurement]
    public var contributions: [ReportContribution]
    public var locks: [ReportLock]

    public init(
        plan: ActionPlan, objectives: [PlanObjective] = [], actions: [PlanAction] = [], kpis: [KPI] = [],
        risks: [Risk] = [], notes: [StatusNote] = [], measurements: [KPIMeasurement] = [],
        contributions: [ReportContribution] = [], locks: [ReportLock] = []
    ) {
        self.plan = plan
        self.objectives = objectives
        self.actions = actions
        self.kpis = kpis
        self.risks = risks
        self.notes = notes
        self.measurements = measurements
        self.contributions = contributions
        self.locks = locks
    }

    /// The actions under an objective, by number.
    public func actions(of objective: ObjectiveID) -> [PlanAction] {
        actions.filter { $0.objectiveID == objective }.sorted { $0.number < $1.number }
    }

    public func kpis(of action: PlanActionID) -> [KPI] { kpis.filter { $0.actionID == action } }
    public func risks(of action: PlanActionID) -> [Risk] { risks.filter { $0.actionID == action } }

    /// The action's status notes, newest first.
    public func notes(of action: PlanActionID) -> [StatusNote] {
        notes.filter { $0.actionID == action }.sorted { ($0.day, $0.createdAt) > ($1.day, $1.createdAt) }
    }

    public func isLocked(year: Int) -> Bool { locks.contains { $0.year == year } }
}

/// Where action plans and everything under them are kept.
public protocol PlanRepository: Sendable {
    /// The city's plans, latest period first.
    func list(city: CityID) async throws -> [ActionPlan]
    /// A plan with everything under it, or `nil`.
    func document(plan: PlanID) async throws -> PlanDocument?
    /// One KPI with the action it measures and that action's plan, without the rest of the plan, or `nil`.
    func kpi(id: KPIID) async throws -> (plan: ActionPlan, action: PlanAction, kpi: KPI)?
    func save(_ plan: ActionPlan) async throws
    func save(_ objective: PlanObjective) async throws
    func save(_ action: PlanAction) async throws
    func save(_ kpi: KPI) async throws
    func save(_ risk: Risk) async throws
    /// Adds a status note and sets the action's status to the note's, in one transaction.
    func add(_ note: StatusNote) async throws
    func add(_ measurement: KPIMeasurement) async throws
    /// Adds or replaces an organisation's contribution for an action and year, unless that year's report is
    /// locked; checked in the same transaction. Returns whether it was saved.
    func save(_ contribution: ReportContribution) async throws -> Bool
    /// Locks a year's report (once).
    func lock(_ lock: ReportLock) async throws
    /// Saves actions, then KPIs (which may belong to those actions), in one transaction: all of them or none.
    func save(actions: [PlanAction], kpis: [KPI]) async throws
    /// Writes a whole imported plan in one transaction: all of it or nothing.
    func insert(_ document: PlanDocument) async throws
}
