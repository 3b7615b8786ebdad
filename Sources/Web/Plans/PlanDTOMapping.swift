import Domain
import Foundation

extension PlanDTO {
    init(_ document: PlanDocument) {
        let plan = document.plan
        let document = document.ordered
        self.init(
            id: plan.id.description, title: plan.title, goal: plan.goal, firstYear: plan.firstYear,
            lastYear: plan.lastYear,
            objectives: document.objectives.map { .init(id: $0.id.description, number: $0.number, title: $0.title) },
            actions: document.actions.map { action in
                Action(
                    id: action.id.description, objectiveId: action.objectiveID.description, number: action.number,
                    title: action.title, description: action.description,
                    leads: Dictionary(
                        uniqueKeysWithValues: action.leads.map { (String($0.key), $0.value.map(\.description)) }),
                    partnerIds: action.partnerIDs.map(\.description), firstYear: action.firstYear,
                    lastYear: action.lastYear, fundingSource: action.fundingSource, budgetCents: action.budgetCents,
                    status: action.status)
            },
            kpis: document.kpis.map { kpi in
                KPIEntry(
                    id: kpi.id.description, actionId: kpi.actionID.description, description: kpi.description,
                    unit: kpi.unit, baseline: kpi.baseline,
                    target: {
                        switch kpi.target {
                        case .yes: return .yes
                        case .number(let value): return .number(value)
                        }
                    }(), direction: kpi.direction, period: kpi.period, due: kpi.due,
                    rule: kpi.rule.map { rule in
                        Rule(
                            name: rule.name.rawValue,
                            eventKind: rule.name.needsEventKind ? rule.eventKind?.rawValue : nil,
                            networkId: rule.networkID?.description, minimumAttendance: rule.minimumAttendance,
                            placeKind: rule.placeKind?.rawValue)
                    })
            },
            risks: document.risks.map { risk in
                RiskEntry(
                    id: risk.id.description, actionId: risk.actionID.description, description: risk.description,
                    likelihood: risk.likelihood, impact: risk.impact, mitigation: risk.mitigation,
                    ownerId: risk.ownerID?.description, status: risk.status)
            },
            notes: document.notes.map { note in
                Note(
                    id: note.id.description, actionId: note.actionID.description, day: note.day, status: note.status,
                    text: note.text, organisationId: note.organisationID?.description, createdAt: note.createdAt)
            },
            measurements: document.measurements.map { measurement in
                MeasurementEntry(
                    id: measurement.id.description, kpiId: measurement.kpiID.description, day: measurement.day,
                    value: measurement.value, evidence: measurement.evidence, createdAt: measurement.createdAt)
            },
            contributions: document.contributions.map { contribution in
                Contribution(
                    id: contribution.id.description, year: contribution.year,
                    actionId: contribution.actionID.description,
                    organisationId: contribution.organisationID.description, text: contribution.text,
                    updatedAt: contribution.updatedAt)
            },
            locks: document.locks.map { Lock(year: $0.year, lockedAt: $0.lockedAt) })
    }

    /// The plan as domain values for `city`. Unreadable ids, kinds and rules are reported by their place in the
    /// file; checks across parts (a KPI's action exists, organisations are the city's) are the use case's.
    func document(city: CityID) throws(ValidationErrors) -> PlanDocument {
        var errors = ValidationErrors()
        func id<Tag>(_ text: String, _ field: String) -> Identifier<Tag> {
            guard let id = Identifier<Tag>(string: text) else {
                errors.add("plans.errors.import.id", to: field)
                return Identifier<Tag>()
            }
            return id
        }
        errors.require(format == "arrival-plan/1", "plans.errors.import.format", field: "format")
        let planID: PlanID = id(self.id, "id")
        let plan = ActionPlan(
            id: planID, cityID: city, title: title, goal: goal, firstYear: firstYear, lastYear: lastYear,
            createdAt: Date())
        let objectives = self.objectives.enumerated().map { index, objective in
            PlanObjective(
                id: id(objective.id, "objectives[\(index)].id"), planID: planID, number: objective.number,
                title: objective.title)
        }
        let actions = self.actions.enumerated().map { index, action in
            var leads: [Int: [OrganisationID]] = [:]
            for (year, ids) in action.leads {
                guard let year = Int(year) else {
                    errors.add("plans.errors.year", to: "actions[\(index)].leads")
                    continue
                }
                leads[year] = ids.map { id($0, "actions[\(index)].leads") }
            }
            return PlanAction(
                id: id(action.id, "actions[\(index)].id"), planID: planID,
                objectiveID: id(action.objectiveId, "actions[\(index)].objective_id"), number: action.number,
                title: action.title, description: action.description, leads: leads,
                partnerIDs: action.partnerIds.map { id($0, "actions[\(index)].partner_ids") },
                firstYear: action.firstYear, lastYear: action.lastYear, fundingSource: action.fundingSource,
                budgetCents: action.budgetCents, status: action.status)
        }
        let kpis = self.kpis.enumerated().map { index, entry in
            var rule: KPIRule?
            if let dto = entry.rule {
                let name = KPIRule.Name(rawValue: dto.name)
                let kind = dto.eventKind.flatMap(Event.Kind.init(rawValue:))
                errors.require(name != nil, "plans.errors.rule.unknown", field: "kpis[\(index)].rule.name")
                errors.require(
                    dto.eventKind == nil || kind != nil, "plans.errors.rule.event_kind",
                    field: "kpis[\(index)].rule.event_kind")
                let place = dto.placeKind.flatMap(Place.Kind.init(rawValue:))
                errors.require(
                    dto.placeKind == nil || place != nil, "plans.errors.rule.place_kind",
                    field: "kpis[\(index)].rule.place_kind")
                let network: NetworkID? = dto.networkId.map { id($0, "kpis[\(index)].rule.network_id") }
                if let name {
                    rule = KPIRule(
                        name: name, eventKind: kind, network: network, minimumAttendance: dto.minimumAttendance,
                        placeKind: place)
                    errors.require(rule != nil, "plans.errors.rule.incomplete", field: "kpis[\(index)].rule")
                }
            }
            let target: KPI.Target =
                switch entry.target {
                case .yes: .yes
                case .number(let value): .number(value)
                }
            return KPI(
                id: id(entry.id, "kpis[\(index)].id"), actionID: id(entry.actionId, "kpis[\(index)].action_id"),
                description: entry.description, unit: entry.unit, baseline: entry.baseline, target: target,
                direction: entry.direction, period: entry.period, due: entry.due, rule: rule)
        }
        let risks = self.risks.enumerated().map { index, entry in
            Risk(
                id: id(entry.id, "risks[\(index)].id"), actionID: id(entry.actionId, "risks[\(index)].action_id"),
                description: entry.description, likelihood: entry.likelihood, impact: entry.impact,
                mitigation: entry.mitigation, ownerID: entry.ownerId.map { id($0, "risks[\(index)].owner_id") },
                status: entry.status)
        }
        let notes = self.notes.enumerated().map { index, note in
            StatusNote(
                id: id(note.id, "notes[\(index)].id"), actionID: id(note.actionId, "notes[\(index)].action_id"),
                day: note.day, status: note.status, text: note.text,
                organisationID: note.organisationId.map { id($0, "notes[\(index)].organisation_id") }, authorID: nil,
                createdAt: note.createdAt)
        }
        let measurements = self.measurements.enumerated().map { index, entry in
            KPIMeasurement(
                id: id(entry.id, "measurements[\(index)].id"), kpiID: id(entry.kpiId, "measurements[\(index)].kpi_id"),
                day: entry.day, value: entry.value, evidence: entry.evidence, authorID: nil, createdAt: entry.createdAt)
        }
        let contributions = self.contributions.enumerated().map { index, entry in
            ReportContribution(
                id: id(entry.id, "contributions[\(index)].id"), planID: planID, year: entry.year,
                actionID: id(entry.actionId, "contributions[\(index)].action_id"),
                organisationID: id(entry.organisationId, "contributions[\(index)].organisation_id"), text: entry.text,
                authorID: nil, updatedAt: entry.updatedAt)
        }
        let locks = self.locks.map { ReportLock(planID: planID, year: $0.year, lockedAt: $0.lockedAt, lockedBy: nil) }
        if !errors.isEmpty { throw errors }
        return PlanDocument(
            plan: plan, objectives: objectives, actions: actions, kpis: kpis, risks: risks, notes: notes,
            measurements: measurements, contributions: contributions, locks: locks)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension PlanDocument {
    /// The parts in an order that follows their content, so two readings of the same plan (an export, the API)
    /// read the same.
    var ordered: PlanDocument {
        var document = self
        let numbers = Dictionary(uniqueKeysWithValues: document.actions.map { ($0.id, $0.number) })
        let english = { (text: LocalizedText) in text.text(in: .english) }
        document.kpis.sort {
            (numbers[$0.actionID] ?? 0, $0.due, english($0.description))
                < (numbers[$1.actionID] ?? 0, $1.due, english($1.description))
        }
        document.risks.sort {
            (numbers[$0.actionID] ?? 0, english($0.description)) < (numbers[$1.actionID] ?? 0, english($1.description))
        }
        document.notes.sort { ($0.day, $0.createdAt, $0.text) < ($1.day, $1.createdAt, $1.text) }
        document.measurements.sort { ($0.day, $0.createdAt, $0.value) < ($1.day, $1.createdAt, $1.value) }
        document.contributions.sort { ($0.year, $0.updatedAt, $0.text) < ($1.year, $1.updatedAt, $1.text) }
        return document
    }
}
