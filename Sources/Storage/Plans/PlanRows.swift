import Domain
import Foundation
import SQLKit

/// The columns of the plan tables and how rows become plan values and back.
enum PlanRows {
    static let planColumns = ["id", "city_id", "title", "goal", "first_year", "last_year", "created_at"]
    static let objectiveColumns = ["id", "plan_id", "number", "title"]
    static let actionColumns = [
        "id", "plan_id", "objective_id", "number", "title", "description", "leads", "partner_ids", "first_year",
        "last_year", "funding_source", "budget_cents", "status",
    ]
    static let kpiColumns = [
        "id", "plan_id", "action_id", "description", "unit", "baseline", "target_type", "target_value", "direction",
        "period", "due", "rule",
    ]
    static let riskColumns = [
        "id", "plan_id", "action_id", "description", "likelihood", "impact", "mitigation", "owner_id", "status",
    ]
    static let noteColumns = [
        "id", "plan_id", "action_id", "day", "status", "text", "organisation_id", "author_id", "created_at",
    ]
    static let measurementColumns = ["id", "plan_id", "kpi_id", "day", "value", "evidence", "author_id", "created_at"]
    static let contributionColumns = [
        "id", "plan_id", "year", "action_id", "organisation_id", "text", "author_id", "updated_at",
    ]
    static let lockColumns = ["plan_id", "year", "locked_at", "locked_by"]

    static func text(_ value: LocalizedText) -> SQLBind {
        SQLBind((try? JSONColumn.encode(value)) ?? "{}")
    }

    static func values(_ plan: ActionPlan) -> [SQLBind] {
        [
            bind(plan.id), bind(plan.cityID), text(plan.title), text(plan.goal), SQLBind(Int64(plan.firstYear)),
            SQLBind(Int64(plan.lastYear)), SQLBind(plan.createdAt.epochSeconds),
        ]
    }

    static func plan(_ row: any SQLRow) throws -> ActionPlan {
        ActionPlan(
            id: try row.id("id"), cityID: try row.id("city_id"), title: try row.localizedText("title"),
            goal: try row.localizedText("goal"), firstYear: Int(try row.decode(column: "first_year", as: Int64.self)),
            lastYear: Int(try row.decode(column: "last_year", as: Int64.self)), createdAt: try row.date("created_at"))
    }

    static func values(_ objective: PlanObjective) -> [SQLBind] {
        [bind(objective.id), bind(objective.planID), SQLBind(Int64(objective.number)), text(objective.title)]
    }

    static func objective(_ row: any SQLRow) throws -> PlanObjective {
        PlanObjective(
            id: try row.id("id"), planID: try row.id("plan_id"),
            number: Int(try row.decode(column: "number", as: Int64.self)), title: try row.localizedText("title"))
    }

    static func values(_ action: PlanAction) throws -> [SQLBind] {
        let leads = Dictionary(uniqueKeysWithValues: action.leads.map { (String($0.key), $0.value.map(\.description)) })
        return [
            bind(action.id), bind(action.planID), bind(action.objectiveID), SQLBind(Int64(action.number)),
            text(action.title), text(action.description), SQLBind(try JSONColumn.encode(leads)),
            SQLBind(try JSONColumn.encode(action.partnerIDs.map(\.description))), SQLBind(Int64(action.firstYear)),
            SQLBind(Int64(action.lastYear)), text(action.fundingSource), SQLBind(action.budgetCents.map(Int64.init)),
            SQLBind(action.status.rawValue),
        ]
    }

    static func action(_ row: any SQLRow) throws -> PlanAction {
        let leads = try JSONColumn.decode([String: [String]].self, from: row.decode(column: "leads", as: String.self))
        return PlanAction(
            id: try row.id("id"), planID: try row.id("plan_id"), objectiveID: try row.id("objective_id"),
            number: Int(try row.decode(column: "number", as: Int64.self)), title: try row.localizedText("title"),
            description: try row.localizedText("description"),
            leads: Dictionary(
                uniqueKeysWithValues: leads.compactMap { year, ids in
                    Int(year).map { ($0, ids.compactMap(OrganisationID.init(string:))) }
                }),
            partnerIDs: try JSONColumn.decode([String].self, from: row.decode(column: "partner_ids", as: String.self))
                .compactMap(OrganisationID.init(string:)),
            firstYear: Int(try row.decode(column: "first_year", as: Int64.self)),
            lastYear: Int(try row.decode(column: "last_year", as: Int64.self)),
            fundingSource: try row.localizedText("funding_source"),
            budgetCents: try row.decode(column: "budget_cents", as: Int64?.self).map(Int.init),
            status: PlanAction.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned)
    }

    static func values(_ kpi: KPI, plan: PlanID) -> [SQLBind] {
        let target: (String, Double?) =
            switch kpi.target {
            case .yes: ("yes", nil)
            case .number(let value): ("number", value)
            }
        return [
            bind(kpi.id), bind(plan), bind(kpi.actionID), text(kpi.description), SQLBind(kpi.unit),
            SQLBind(kpi.baseline), SQLBind(target.0), SQLBind(target.1), SQLBind(kpi.direction.rawValue),
            SQLBind(kpi.period.rawValue), SQLBind(kpi.due.description), SQLBind(kpi.rule?.text),
        ]
    }

    static func kpi(_ row: any SQLRow) throws -> KPI {
        let value = try row.decode(column: "target_value", as: Double?.self)
        let target: KPI.Target =
            try row.decode(column: "target_type", as: String.self) == "yes" ? .yes : .number(value ?? 0)
        return KPI(
            id: try row.id("id"), actionID: try row.id("action_id"), description: try row.localizedText("description"),
            unit: try row.decode(column: "unit", as: String.self),
            baseline: try row.decode(column: "baseline", as: Double?.self), target: target,
            direction: KPI.Direction(rawValue: try row.decode(column: "direction", as: String.self)) ?? .atLeast,
            period: KPI.Period(rawValue: try row.decode(column: "period", as: String.self)) ?? .yearly,
            due: CalendarDay(try row.decode(column: "due", as: String.self)) ?? CalendarDay(
                year: 2000, month: 1, day: 1)!,
            rule: try row.decode(column: "rule", as: String?.self).flatMap(KPIRule.init(text:)))
    }

    static func values(_ risk: Risk, plan: PlanID) throws -> [SQLBind] {
        [
            bind(risk.id), bind(plan), bind(risk.actionID), text(risk.description), SQLBind(Int64(risk.likelihood)),
            SQLBind(Int64(risk.impact)), text(risk.mitigation), bind(risk.ownerID), SQLBind(risk.status.rawValue),
        ]
    }

    static func risk(_ row: any SQLRow) throws -> Risk {
        Risk(
            id: try row.id("id"), actionID: try row.id("action_id"), description: try row.localizedText("description"),
            likelihood: Int(try row.decode(column: "likelihood", as: Int64.self)),
            impact: Int(try row.decode(column: "impact", as: Int64.self)),
            mitigation: try row.localizedText("mitigation"), ownerID: try row.optionalID("owner_id"),
            status: Risk.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open)
    }

    static func values(_ note: StatusNote, plan: PlanID) -> [SQLBind] {
        [
            bind(note.id), bind(plan), bind(note.actionID), SQLBind(note.day.description),
            SQLBind(note.status.rawValue), SQLBind(note.text), bind(note.organisationID), bind(note.authorID),
            SQLBind(note.createdAt.epochSeconds),
        ]
    }

    static func note(_ row: any SQLRow) throws -> StatusNote {
        StatusNote(
            id: try row.id("id"), actionID: try row.id("action_id"),
            day: CalendarDay(try row.decode(column: "day", as: String.self)) ?? CalendarDay(
                year: 2000, month: 1, day: 1)!,
            status: PlanAction.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            text: try row.decode(column: "text", as: String.self),
            organisationID: try row.optionalID("organisation_id"),
            authorID: try row.optionalID("author_id"), createdAt: try row.date("created_at"))
    }

    static func values(_ measurement: KPIMeasurement, plan: PlanID) -> [SQLBind] {
        [
            bind(measurement.id), bind(plan), bind(measurement.kpiID), SQLBind(measurement.day.description),
            SQLBind(measurement.value), SQLBind(measurement.evidence), bind(measurement.authorID),
            SQLBind(measurement.createdAt.epochSeconds),
        ]
    }

    static func measurement(_ row: any SQLRow) throws -> KPIMeasurement {
        KPIMeasurement(
            id: try row.id("id"), kpiID: try row.id("kpi_id"),
            day: CalendarDay(try row.decode(column: "day", as: String.self)) ?? CalendarDay(
                year: 2000, month: 1, day: 1)!,
            value: try row.decode(column: "value", as: Double.self),
            evidence: try row.decode(column: "evidence", as: String.self), authorID: try row.optionalID("author_id"),
            createdAt: try row.date("created_at"))
    }

    static func values(_ contribution: ReportContribution) -> [SQLBind] {
        [
            bind(contribution.id), bind(contribution.planID), SQLBind(Int64(contribution.year)),
            bind(contribution.actionID), bind(contribution.organisationID), SQLBind(contribution.text),
            bind(contribution.authorID), SQLBind(contribution.updatedAt.epochSeconds),
        ]
    }

    static func contribution(_ row: any SQLRow) throws -> ReportContribution {
        ReportContribution(
            id: try row.id("id"), planID: try row.id("plan_id"),
            year: Int(try row.decode(column: "year", as: Int64.self)),
            actionID: try row.id("action_id"), organisationID: try row.id("organisation_id"),
            text: try row.decode(column: "text", as: String.self), authorID: try row.optionalID("author_id"),
            updatedAt: try row.date("updated_at"))
    }

    static func values(_ lock: ReportLock) -> [SQLBind] {
        [bind(lock.planID), SQLBind(Int64(lock.year)), SQLBind(lock.lockedAt.epochSeconds), bind(lock.lockedBy)]
    }

    static func lock(_ row: any SQLRow) throws -> ReportLock {
        ReportLock(
            planID: try row.id("plan_id"), year: Int(try row.decode(column: "year", as: Int64.self)),
            lockedAt: try row.date("locked_at"), lockedBy: try row.optionalID("locked_by"))
    }
}
