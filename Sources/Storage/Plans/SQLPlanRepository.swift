import Domain
import Foundation
import SQLKit

/// Action plans in `plans` and the `plan_*` tables under them.
public struct SQLPlanRepository: PlanRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(city: CityID) async throws -> [ActionPlan] {
        try await database.sql.select().columns(PlanRows.planColumns.map { SQLColumn($0) }).from("plans")
            .where("city_id", .equal, bind(city)).orderBy("last_year", .descending).orderBy("first_year", .descending)
            .orderBy("id").all().map(PlanRows.plan)
    }

    public func document(plan id: PlanID) async throws -> PlanDocument? {
        let sql = database.sql
        guard
            let plan = try await sql.select().columns(PlanRows.planColumns.map { SQLColumn($0) }).from("plans")
                .where("id", .equal, bind(id)).first().map(PlanRows.plan)
        else { return nil }
        func rows(_ table: String, _ columns: [String]) async throws -> [any SQLRow] {
            try await sql.select().columns(columns.map { SQLColumn($0) }).from(table)
                .where("plan_id", .equal, bind(id)).all()
        }
        return PlanDocument(
            plan: plan,
            objectives: try await rows("plan_objectives", PlanRows.objectiveColumns).map(PlanRows.objective)
                .sorted { $0.number < $1.number },
            actions: try await rows("plan_actions", PlanRows.actionColumns).map(PlanRows.action)
                .sorted { $0.number < $1.number },
            kpis: try await rows("plan_kpis", PlanRows.kpiColumns).map(PlanRows.kpi)
                .sorted { ($0.due, $0.id.description) < ($1.due, $1.id.description) },
            risks: try await rows("plan_risks", PlanRows.riskColumns).map(PlanRows.risk)
                .sorted { $0.id.description < $1.id.description },
            notes: try await rows("plan_status_notes", PlanRows.noteColumns).map(PlanRows.note),
            measurements: try await rows("plan_measurements", PlanRows.measurementColumns).map(PlanRows.measurement)
                .sorted { ($0.day, $0.createdAt) < ($1.day, $1.createdAt) },
            contributions: try await rows("plan_report_contributions", PlanRows.contributionColumns)
                .map(PlanRows.contribution).sorted { ($0.year, $0.updatedAt) < ($1.year, $1.updatedAt) },
            locks: try await rows("plan_report_locks", PlanRows.lockColumns).map(PlanRows.lock)
                .sorted { $0.year < $1.year })
    }

    public func kpi(id: KPIID) async throws -> (plan: ActionPlan, action: PlanAction, kpi: KPI)? {
        let sql = database.sql
        guard
            let kpi = try await sql.select().columns(PlanRows.kpiColumns.map { SQLColumn($0) }).from("plan_kpis")
                .where("id", .equal, bind(id)).first().map(PlanRows.kpi),
            let action = try await sql.select().columns(PlanRows.actionColumns.map { SQLColumn($0) })
                .from("plan_actions").where("id", .equal, bind(kpi.actionID)).first().map(PlanRows.action),
            let plan = try await sql.select().columns(PlanRows.planColumns.map { SQLColumn($0) }).from("plans")
                .where("id", .equal, bind(action.planID)).first().map(PlanRows.plan)
        else { return nil }
        return (plan, action, kpi)
    }

    public func save(_ plan: ActionPlan) async throws {
        try await database.transaction { sql in
            try await upsert(sql, "plans", PlanRows.planColumns + ["updated_at"], PlanRows.values(plan) + [now])
        }
    }

    public func save(_ objective: PlanObjective) async throws {
        try await database.transaction { sql in
            try await upsert(sql, "plan_objectives", PlanRows.objectiveColumns, PlanRows.values(objective))
        }
    }

    public func save(_ action: PlanAction) async throws {
        try await database.transaction { sql in
            try await upsert(
                sql, "plan_actions", PlanRows.actionColumns + ["updated_at"], try PlanRows.values(action) + [now])
        }
    }

    public func save(_ kpi: KPI) async throws {
        try await database.transaction { sql in
            let plan = try await planID(sql, action: kpi.actionID)
            try await upsert(sql, "plan_kpis", PlanRows.kpiColumns, PlanRows.values(kpi, plan: plan))
        }
    }

    public func save(actions: [PlanAction], kpis: [KPI]) async throws {
        try await database.transaction { sql in
            for action in actions {
                try await upsert(
                    sql, "plan_actions", PlanRows.actionColumns + ["updated_at"], try PlanRows.values(action) + [now])
            }
            for kpi in kpis {
                let plan = try await planID(sql, action: kpi.actionID)
                try await upsert(sql, "plan_kpis", PlanRows.kpiColumns, PlanRows.values(kpi, plan: plan))
            }
        }
    }

    public func save(_ risk: Risk) async throws {
        try await database.transaction { sql in
            let plan = try await planID(sql, action: risk.actionID)
            try await upsert(sql, "plan_risks", PlanRows.riskColumns, try PlanRows.values(risk, plan: plan))
        }
    }

    public func add(_ note: StatusNote) async throws {
        try await database.transaction { sql in
            let plan = try await planID(sql, action: note.actionID)
            try await sql.insert(into: "plan_status_notes").columns(PlanRows.noteColumns)
                .values(PlanRows.values(note, plan: plan)).run()
            try await sql.update("plan_actions").set("status", to: SQLBind(note.status.rawValue))
                .set("updated_at", to: now).where("id", .equal, bind(note.actionID)).run()
        }
    }

    public func add(_ measurement: KPIMeasurement) async throws {
        try await database.transaction { sql in
            guard
                let row = try await sql.select().column("plan_id").from("plan_kpis")
                    .where("id", .equal, bind(measurement.kpiID)).first()
            else { throw NotFound() }
            let plan: PlanID = try row.id("plan_id")
            try await sql.insert(into: "plan_measurements").columns(PlanRows.measurementColumns)
                .values(PlanRows.values(measurement, plan: plan)).run()
        }
    }

    public func save(_ contribution: ReportContribution) async throws -> Bool {
        try await database.transaction { sql in
            let locked =
                try await sql.select().column("year").from("plan_report_locks")
                .where("plan_id", .equal, bind(contribution.planID))
                .where("year", .equal, SQLBind(Int64(contribution.year))).first() != nil
            if locked { return false }
            try await sql.delete(from: "plan_report_contributions")
                .where("plan_id", .equal, bind(contribution.planID))
                .where("year", .equal, SQLBind(Int64(contribution.year)))
                .where("action_id", .equal, bind(contribution.actionID))
                .where("organisation_id", .equal, bind(contribution.organisationID)).run()
            try await sql.insert(into: "plan_report_contributions").columns(PlanRows.contributionColumns)
                .values(PlanRows.values(contribution)).run()
            return true
        }
    }

    public func lock(_ lock: ReportLock) async throws {
        try await database.transaction { sql in
            let exists =
                try await sql.select().column("year").from("plan_report_locks")
                .where("plan_id", .equal, bind(lock.planID)).where("year", .equal, SQLBind(Int64(lock.year)))
                .first() != nil
            guard !exists else { return }
            try await sql.insert(into: "plan_report_locks").columns(PlanRows.lockColumns)
                .values(PlanRows.values(lock)).run()
        }
    }

    public func insert(_ document: PlanDocument) async throws {
        let plan = document.plan.id
        try await database.transaction { sql in
            try await sql.insert(into: "plans").columns(PlanRows.planColumns + ["updated_at"])
                .values(PlanRows.values(document.plan) + [now]).run()
            for objective in document.objectives {
                try await sql.insert(into: "plan_objectives").columns(PlanRows.objectiveColumns)
                    .values(PlanRows.values(objective)).run()
            }
            for action in document.actions {
                try await sql.insert(into: "plan_actions").columns(PlanRows.actionColumns + ["updated_at"])
                    .values(try PlanRows.values(action) + [now]).run()
            }
            for kpi in document.kpis {
                try await sql.insert(into: "plan_kpis").columns(PlanRows.kpiColumns)
                    .values(PlanRows.values(kpi, plan: plan)).run()
            }
            for risk in document.risks {
                try await sql.insert(into: "plan_risks").columns(PlanRows.riskColumns)
                    .values(try PlanRows.values(risk, plan: plan)).run()
            }
            for note in document.notes {
                try await sql.insert(into: "plan_status_notes").columns(PlanRows.noteColumns)
                    .values(PlanRows.values(note, plan: plan)).run()
            }
            for measurement in document.measurements {
                try await sql.insert(into: "plan_measurements").columns(PlanRows.measurementColumns)
                    .values(PlanRows.values(measurement, plan: plan)).run()
            }
            for contribution in document.contributions {
                try await sql.insert(into: "plan_report_contributions").columns(PlanRows.contributionColumns)
                    .values(PlanRows.values(contribution)).run()
            }
            for lock in document.locks {
                try await sql.insert(into: "plan_report_locks").columns(PlanRows.lockColumns)
                    .values(PlanRows.values(lock)).run()
            }
        }
    }

    private var now: SQLBind { SQLBind(Date().epochSeconds) }

    private func planID(_ sql: any SQLDatabase, action: PlanActionID) async throws -> PlanID {
        guard
            let row = try await sql.select().column("plan_id").from("plan_actions").where("id", .equal, bind(action))
                .first()
        else { throw NotFound() }
        return try row.id("plan_id")
    }

    /// Updates the row with the first value as id, or inserts it.
    private func upsert(_ sql: any SQLDatabase, _ table: String, _ columns: [String], _ values: [SQLBind])
        async throws
    {
        let exists =
            try await sql.select().column("id").from(table).where("id", .equal, values[0]).first() != nil
        if exists {
            var update = sql.update(table)
            for (column, value) in zip(columns, values).dropFirst() where column != "created_at" {
                update = update.set(SQLIdentifier(column), to: value)
            }
            try await update.where("id", .equal, values[0]).run()
        } else {
            try await sql.insert(into: table).columns(columns).values(values).run()
        }
    }
}
