import Foundation

public typealias KPIID = Identifier<KPI>
public typealias MeasurementID = Identifier<KPIMeasurement>

/// A key performance indicator of an action: what is measured, from where to where, by when.
public struct KPI: Hashable, Sendable {
    /// What counts as success: a number to reach (or stay under), or a thing done.
    public enum Target: Hashable, Sendable {
        case number(Double)
        case yes
    }

    /// Which way is better.
    public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
        /// At least the target.
        case atLeast = "at_least"
        /// At most the target.
        case atMost = "at_most"
    }

    /// Whether the indicator is read for each year on its own (forums per year) or once for the whole plan.
    public enum Period: String, Hashable, Sendable, Codable, CaseIterable {
        case yearly
        case whole
    }

    public var id: KPIID
    public var actionID: PlanActionID
    public var description: LocalizedText
    /// The unit the values are in ("participants", "€", "meetings").
    public var unit: String
    public var baseline: Double?
    public var target: Target
    public var direction: Direction
    public var period: Period
    public var due: CalendarDay
    /// How values are computed from the platform's records; `nil` when people enter them.
    public var rule: KPIRule?

    public init(
        id: KPIID = KPIID(), actionID: PlanActionID, description: LocalizedText, unit: String = "",
        baseline: Double? = nil, target: Target, direction: Direction = .atLeast, period: Period = .yearly,
        due: CalendarDay, rule: KPIRule? = nil
    ) {
        self.id = id
        self.actionID = actionID
        self.description = description
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.direction = direction
        self.period = period
        self.due = due
        self.rule = rule
    }

    /// Whether a value reaches the target: yes/no targets are met by any value of 1 or more.
    public func meets(_ value: Double) -> Bool {
        switch target {
        case .yes: return value >= 1
        case .number(let goal): return direction == .atLeast ? value >= goal : value <= goal
        }
    }
}

/// A value of a KPI entered by a person, with its evidence.
public struct KPIMeasurement: Hashable, Sendable {
    public var id: MeasurementID
    public var kpiID: KPIID
    public var day: CalendarDay
    public var value: Double
    public var evidence: String
    public var authorID: PersonID?
    public var createdAt: Date

    public init(
        id: MeasurementID = MeasurementID(), kpiID: KPIID, day: CalendarDay, value: Double, evidence: String,
        authorID: PersonID?, createdAt: Date
    ) {
        self.id = id
        self.kpiID = kpiID
        self.day = day
        self.value = value
        self.evidence = evidence
        self.authorID = authorID
        self.createdAt = createdAt
    }
}
