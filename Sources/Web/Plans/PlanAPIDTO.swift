import Domain
import Foundation
import OpenAPIKit

/// A plan in the API's list of a city's plans.
struct PlanSummaryDTO: Encodable {
    var id: String
    var title: String
    var titles: [String: String]
    var goal: String
    var goals: [String: String]
    var firstYear: Int
    var lastYear: Int
}

extension PlanSummaryDTO {
    init(_ plan: ActionPlan, language: LanguageCode, fallback: LanguageCode) {
        id = plan.id.description
        title = plan.title.text(in: language, fallback: fallback)
        titles = plan.title.plainTexts
        goal = plan.goal.text(in: language, fallback: fallback)
        goals = plan.goal.plainTexts
        firstYear = plan.firstYear
        lastYear = plan.lastYear
    }
}

extension PlanSummaryDTO: APISchema {
    static var schemaName: String { "PlanSummary" }

    static var schema: JSONSchema {
        .record(
            "An action plan of the city: its main goal for a period of years",
            [
                "id": .id(),
                "title": .string,
                "titles": .translations(),
                "goal": .string,
                "goals": .translations(),
                "firstYear": .integer,
                "lastYear": .integer,
            ])
    }

    static var example: Self {
        PlanSummaryDTO(
            id: "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e", title: "Integration plan 2018–2022",
            titles: ["en": "Integration plan 2018–2022"], goal: "Everyone takes part.",
            goals: ["en": "Everyone takes part."], firstYear: 2018, lastYear: 2022)
    }
}

/// A plan as the API reads it: the goal, the objectives, the actions with their leads, timescale and status, the
/// risks, and every KPI with its target, its readings so far, its latest value and where it stands. Status notes,
/// report parts and manual measurements' evidence are left to the plan's pages and its export.
struct PlanDetailDTO: Encodable {
    struct Objective: Encodable {
        var id: String
        var number: Int
        var title: String
        var titles: [String: String]
    }

    struct Action: Encodable {
        var id: String
        var objective: String
        var number: Int
        var title: String
        var titles: [String: String]
        var description: String
        /// Year → lead organisation ids; a year's leads hold until the next year listed.
        var leads: [String: [String]]
        var partners: [String]
        var firstYear: Int
        var lastYear: Int
        var fundingSource: String
        var budgetCents: Int?
        var status: String
    }

    struct Risk: Encodable {
        var id: String
        var action: String
        var description: String
        var likelihood: Int
        var impact: Int
        var severity: String
        var mitigation: String
        var owner: String?
        var status: String
    }

    struct KPI: Encodable {
        struct Reading: Encodable {
            var year: Int
            var value: Double
        }

        struct Rule: Encodable {
            var name: String
            var eventKind: String?
            var network: String?
            var minimumAttendance: Int?
            var placeKind: String?
        }

        var id: String
        var action: String
        var description: String
        var unit: String
        var baseline: Double?
        var target: PlanDTO.Target
        var direction: String
        var period: String
        var due: String
        /// How the values are computed from the platform's records; absent when people enter them.
        var rule: Rule?
        var status: String
        /// The latest reading.
        var current: Reading?
        var readings: [Reading]
    }

    var id: String
    var title: String
    var titles: [String: String]
    var goal: String
    var goals: [String: String]
    var firstYear: Int
    var lastYear: Int
    /// The day the KPIs were read on.
    var measuredOn: String
    var objectives: [Objective]
    var actions: [Action]
    var risks: [Risk]
    var kpis: [KPI]
}

extension PlanDetailDTO {
    init(_ document: PlanDocument, evaluation: PlanEvaluation, language: LanguageCode, fallback: LanguageCode) {
        let document = document.ordered
        let plan = document.plan
        let text = { (text: LocalizedText) in text.text(in: language, fallback: fallback) }
        id = plan.id.description
        title = text(plan.title)
        titles = plan.title.plainTexts
        goal = text(plan.goal)
        goals = plan.goal.plainTexts
        firstYear = plan.firstYear
        lastYear = plan.lastYear
        measuredOn = evaluation.today.description
        objectives = document.objectives.map {
            Objective(id: $0.id.description, number: $0.number, title: text($0.title), titles: $0.title.plainTexts)
        }
        actions = document.actions.map { action in
            Action(
                id: action.id.description, objective: action.objectiveID.description, number: action.number,
                title: text(action.title), titles: action.title.plainTexts, description: text(action.description),
                leads: Dictionary(
                    uniqueKeysWithValues: action.leads.map { (String($0.key), $0.value.map(\.description)) }),
                partners: action.partnerIDs.map(\.description), firstYear: action.firstYear,
                lastYear: action.lastYear, fundingSource: text(action.fundingSource), budgetCents: action.budgetCents,
                status: action.status.rawValue)
        }
        risks = document.risks.map { risk in
            Risk(
                id: risk.id.description, action: risk.actionID.description, description: text(risk.description),
                likelihood: risk.likelihood, impact: risk.impact, severity: risk.severity.rawValue,
                mitigation: text(risk.mitigation), owner: risk.ownerID?.description, status: risk.status.rawValue)
        }
        kpis = document.kpis.map { kpi in
            let readings = (evaluation.readings[kpi.id] ?? []).sorted { $0.year < $1.year }
                .map { KPI.Reading(year: $0.year, value: $0.value) }
            return KPI(
                id: kpi.id.description, action: kpi.actionID.description, description: text(kpi.description),
                unit: kpi.unit, baseline: kpi.baseline,
                target: {
                    switch kpi.target {
                    case .yes: return .yes
                    case .number(let value): return .number(value)
                    }
                }(), direction: kpi.direction.rawValue, period: kpi.period.rawValue, due: kpi.due.description,
                rule: kpi.rule.map { rule in
                    KPI.Rule(
                        name: rule.name.rawValue, eventKind: rule.name.needsEventKind ? rule.eventKind?.rawValue : nil,
                        network: rule.networkID?.description, minimumAttendance: rule.minimumAttendance,
                        placeKind: rule.placeKind?.rawValue)
                }, status: (evaluation.statuses[kpi.id] ?? .notMeasured).rawValue, current: readings.last,
                readings: readings)
        }
    }
}

extension PlanDetailDTO: APISchema {
    static var schemaName: String { "Plan" }

    static var schema: JSONSchema {
        .record(
            "An action plan with its objectives, actions, risks and KPIs, the KPIs read as of `measuredOn`",
            [
                "id": .id(),
                "title": .string,
                "titles": .translations(),
                "goal": .string,
                "goals": .translations(),
                "firstYear": .integer,
                "lastYear": .integer,
                "measuredOn": .day(description: "the day the KPIs were read on"),
                "objectives": .array(
                    items: .record(
                        "A specific objective",
                        ["id": .id(), "number": .integer, "title": .string, "titles": .translations()])),
                "actions": .array(items: actionSchema),
                "risks": .array(items: riskSchema),
                "kpis": .array(items: kpiSchema),
            ])
    }

    static var actionSchema: JSONSchema {
        .record(
            "An action under an objective",
            [
                "id": .id(),
                "objective": .id(),
                "number": .integer,
                "title": .string,
                "titles": .translations(),
                "description": .string,
                "leads": .object(
                    description: "year → lead organisation ids; a year's leads hold until the next year listed",
                    additionalProperties: .b(.array(items: .id()))),
                "partners": .array(description: "partner organisation ids", items: .id()),
                "firstYear": .integer,
                "lastYear": .integer,
                "fundingSource": .string,
                "budgetCents": .integer(required: false),
                "status": .oneOf(PlanAction.Status.self),
            ])
    }

    static var riskSchema: JSONSchema {
        .record(
            "Something that could keep an action from succeeding",
            [
                "id": .id(),
                "action": .id(),
                "description": .string,
                "likelihood": .integer(
                    description: "1 rare to 5 almost certain", maximum: (5, exclusive: false),
                    minimum: (1, exclusive: false)),
                "impact": .integer(
                    description: "1 minor to 5 severe", maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
                "severity": .oneOf(Domain.Risk.Severity.self, description: "from likelihood × impact"),
                "mitigation": .string,
                "owner": .id(required: false, description: "the organisation that watches it"),
                "status": .oneOf(Domain.Risk.Status.self),
            ])
    }

    static var kpiSchema: JSONSchema {
        let reading = JSONSchema.record(
            "A value: for a yearly KPI that year's, for a whole-period one the total up to that year's end",
            ["year": .integer, "value": .number])
        return .record(
            "A key performance indicator of an action",
            [
                "id": .id(),
                "action": .id(),
                "description": .string,
                "unit": .string,
                "baseline": .number(required: false),
                "target": .one(
                    of: .number, .string(allowedValues: ["yes"]),
                    description: "a number to reach (or stay under), or yes for a thing to be done"),
                "direction": .oneOf(Domain.KPI.Direction.self),
                "period": .oneOf(Domain.KPI.Period.self),
                "due": .day(),
                "rule": .record(
                    "How the values are computed from the platform's records",
                    [
                        "name": .oneOf(KPIRule.Name.self),
                        "eventKind": .oneOf(Event.Kind.self, required: false),
                        "network": .id(required: false),
                        "minimumAttendance": .integer(required: false),
                        "placeKind": .oneOf(Place.Kind.self, required: false),
                    ]
                ).optional,
                "status": .oneOf(KPIStatus.self),
                "current": reading.optional,
                "readings": .array(description: "one per year read so far", items: reading),
            ])
    }

    static var example: Self {
        let action = "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"
        let reading = KPI.Reading(year: 2025, value: 58)
        return PlanDetailDTO(
            id: PlanSummaryDTO.example.id, title: "Integration plan 2018–2022",
            titles: ["en": "Integration plan 2018–2022"], goal: "Everyone takes part.",
            goals: ["en": "Everyone takes part."], firstYear: 2018, lastYear: 2022, measuredOn: "2026-03-01",
            objectives: [
                Objective(
                    id: "0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f", number: 1, title: "Work together",
                    titles: ["en": "Work together"])
            ],
            actions: [
                Action(
                    id: action, objective: "0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f", number: 2,
                    title: "A cooperation forum every year", titles: ["en": "A cooperation forum every year"],
                    description: "Organisations meet the city.",
                    leads: ["2018": ["6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01"]],
                    partners: ["7a2d3b5f-9c2e-4d66-8b4f-3a7e8d9c0b12"], firstYear: 2018, lastYear: 2022,
                    fundingSource: "City budget", budgetCents: 500_000, status: PlanAction.Status.ongoing.rawValue)
            ],
            risks: [
                Risk(
                    id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b", action: action, description: "Too few come",
                    likelihood: 3, impact: 4, severity: Domain.Risk.Severity.high.rawValue,
                    mitigation: "Invite early", owner: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
                    status: Domain.Risk.Status.open.rawValue)
            ],
            kpis: [
                KPI(
                    id: "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c", action: action,
                    description: "Participants at each forum",
                    unit: "participants", baseline: 40, target: .number(60),
                    direction: Domain.KPI.Direction.atLeast.rawValue, period: Domain.KPI.Period.yearly.rawValue,
                    due: "2022-12-31",
                    rule: KPI.Rule(
                        name: KPIRule.Name.eventAttendance.rawValue, eventKind: Event.Kind.cooperationForum.rawValue,
                        network: "0b6f8e2c-3d4a-4e1f-8a7b-9c0d1e2f3a4b", minimumAttendance: 60,
                        placeKind: Place.Kind.library.rawValue),
                    status: KPIStatus.atRisk.rawValue, current: reading, readings: [reading]),
                KPI(
                    id: "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d", action: action, description: "A volunteer network",
                    unit: "", baseline: nil, target: .yes, direction: Domain.KPI.Direction.atLeast.rawValue,
                    period: Domain.KPI.Period.whole.rawValue, due: "2022-12-31", rule: nil,
                    status: KPIStatus.notMeasured.rawValue, current: nil, readings: []),
            ])
    }
}
