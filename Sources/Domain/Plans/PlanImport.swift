import Foundation

extension PlanUseCases {
    /// Imports a whole plan (read from an export) into the city as a new plan: every part gets a new id, and
    /// references between parts follow. Every problem is named by its place in the file (`actions[2].leads`);
    /// with any problem nothing is written.
    @discardableResult
    public func importPlan(actor: Actor?, city: City, document: PlanDocument) async throws -> PlanDocument {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let organisations = Set(try await organisations.list(city: city.id).map(\.id))
        let networks = Set(try await networks.list(city: city.id).map(\.id))
        try Self.check(document, organisations: organisations, networks: networks)
        let copy = Self.rekeyed(document, city: city.id, at: now())
        try await plans.insert(copy)
        return copy
    }

    /// Checks an imported plan's parts against each other and the city.
    static func check(_ document: PlanDocument, organisations: Set<OrganisationID>, networks: Set<NetworkID>)
        throws(ValidationErrors)
    {
        var errors = ValidationErrors()
        let plan = document.plan
        errors.require(!plan.title.translations.isEmpty, "plans.errors.title.missing", field: "plan.title")
        errors.require(
            (1900...2200).contains(plan.firstYear) && (1900...2200).contains(plan.lastYear), "plans.errors.year",
            field: "plan.first_year")
        errors.require(plan.firstYear <= plan.lastYear, "plans.errors.period.reversed", field: "plan.last_year")
        let objectives = Set(document.objectives.map(\.id))
        errors.require(
            objectives.count == document.objectives.count, "plans.errors.import.duplicate_id", field: "objectives")
        let actions = Set(document.actions.map(\.id))
        errors.require(actions.count == document.actions.count, "plans.errors.import.duplicate_id", field: "actions")
        for (index, action) in document.actions.enumerated() {
            let field = "actions[\(index)]"
            errors.require(
                objectives.contains(action.objectiveID), "plans.errors.objective.unknown", field: field + ".objective")
            errors.require(
                plan.years.contains(action.firstYear) && plan.years.contains(action.lastYear)
                    && action.firstYear <= action.lastYear, "plans.errors.period.outside", field: field + ".years")
            errors.require(
                action.leads.values.joined().allSatisfy(organisations.contains),
                "stakeholders.errors.organisation.unknown", field: field + ".leads")
            errors.require(
                action.partnerIDs.allSatisfy(organisations.contains), "stakeholders.errors.organisation.unknown",
                field: field + ".partners")
            errors.require((action.budgetCents ?? 0) >= 0, "plans.errors.budget", field: field + ".budget")
        }
        for (index, kpi) in document.kpis.enumerated() {
            let field = "kpis[\(index)]"
            errors.require(actions.contains(kpi.actionID), "plans.errors.action.unknown", field: field + ".action")
            if let network = kpi.rule?.networkID {
                errors.require(networks.contains(network), "plans.errors.rule.network", field: field + ".rule.network")
            }
            if case .number(let value) = kpi.target {
                errors.require(value.isFinite, "plans.errors.target.not_number", field: field + ".target")
            }
        }
        for (index, risk) in document.risks.enumerated() {
            let field = "risks[\(index)]"
            errors.require(actions.contains(risk.actionID), "plans.errors.action.unknown", field: field + ".action")
            errors.require(
                Risk.scale.contains(risk.likelihood) && Risk.scale.contains(risk.impact), "plans.errors.scale",
                field: field + ".likelihood")
            errors.require(
                risk.ownerID.map(organisations.contains) ?? true, "stakeholders.errors.organisation.unknown",
                field: field + ".owner")
        }
        for (index, note) in document.notes.enumerated() {
            errors.require(
                actions.contains(note.actionID), "plans.errors.action.unknown", field: "notes[\(index)].action")
        }
        let kpis = Set(document.kpis.map(\.id))
        for (index, measurement) in document.measurements.enumerated() {
            errors.require(
                kpis.contains(measurement.kpiID), "plans.errors.kpi.unknown", field: "measurements[\(index)].kpi")
        }
        for (index, contribution) in document.contributions.enumerated() {
            errors.require(
                actions.contains(contribution.actionID), "plans.errors.action.unknown",
                field: "contributions[\(index)].action")
            errors.require(
                organisations.contains(contribution.organisationID), "stakeholders.errors.organisation.unknown",
                field: "contributions[\(index)].organisation")
        }
        if !errors.isEmpty { throw errors }
    }

    /// The same plan under new ids in `city`.
    static func rekeyed(_ document: PlanDocument, city: CityID, at date: Date) -> PlanDocument {
        var copy = document
        let planID = PlanID()
        copy.plan.id = planID
        copy.plan.cityID = city
        copy.plan.createdAt = date
        let objectiveIDs = Dictionary(uniqueKeysWithValues: document.objectives.map { ($0.id, ObjectiveID()) })
        let actionIDs = Dictionary(uniqueKeysWithValues: document.actions.map { ($0.id, PlanActionID()) })
        let kpiIDs = Dictionary(uniqueKeysWithValues: document.kpis.map { ($0.id, KPIID()) })
        copy.objectives = document.objectives.map { objective in
            var objective = objective
            objective.id = objectiveIDs[objective.id]!
            objective.planID = planID
            return objective
        }
        copy.actions = document.actions.map { action in
            var action = action
            action.id = actionIDs[action.id]!
            action.planID = planID
            action.objectiveID = objectiveIDs[action.objectiveID]!
            return action
        }
        copy.kpis = document.kpis.map { kpi in
            var kpi = kpi
            kpi.id = kpiIDs[kpi.id]!
            kpi.actionID = actionIDs[kpi.actionID]!
            return kpi
        }
        copy.risks = document.risks.map { risk in
            var risk = risk
            risk.id = RiskID()
            risk.actionID = actionIDs[risk.actionID]!
            return risk
        }
        copy.notes = document.notes.map { note in
            var note = note
            note.id = StatusNoteID()
            note.actionID = actionIDs[note.actionID]!
            return note
        }
        copy.measurements = document.measurements.map { measurement in
            var measurement = measurement
            measurement.id = MeasurementID()
            measurement.kpiID = kpiIDs[measurement.kpiID]!
            return measurement
        }
        copy.contributions = document.contributions.map { contribution in
            var contribution = contribution
            contribution.id = ContributionID()
            contribution.planID = planID
            contribution.actionID = actionIDs[contribution.actionID]!
            return contribution
        }
        copy.locks = document.locks.map { lock in
            var lock = lock
            lock.planID = planID
            return lock
        }
        return copy
    }
}
