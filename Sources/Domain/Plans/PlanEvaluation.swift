import Foundation

/// Every KPI of a plan with its readings and status, as of one day.
public struct PlanEvaluation: Hashable, Sendable {
    public var readings: [KPIID: [KPIReading]]
    public var statuses: [KPIID: KPIStatus]
    public var today: CalendarDay

    public init(document: PlanDocument, facts: PlanFacts) {
        var readings: [KPIID: [KPIReading]] = [:]
        var statuses: [KPIID: KPIStatus] = [:]
        let actions = Dictionary(uniqueKeysWithValues: document.actions.map { ($0.id, $0) })
        for kpi in document.kpis {
            // A KPI is read over its action's timescale, within the plan's period.
            let plan = document.plan.years
            let years =
                actions[kpi.actionID].map { action in
                    max(
                        plan.lowerBound, action.firstYear)...min(
                            plan.upperBound, max(action.lastYear, action.firstYear))
                } ?? plan
            let series = kpi.readings(
                years: years.isEmpty ? plan : years, facts: facts, measurements: document.measurements)
            readings[kpi.id] = series
            statuses[kpi.id] = KPIStatus.of(kpi, readings: series, today: facts.today)
        }
        self.readings = readings
        self.statuses = statuses
        self.today = facts.today
    }

    public func reading(_ kpi: KPIID, year: Int) -> KPIReading? {
        readings[kpi]?.first { $0.year == year }
    }
}

/// What a coordinator looks at first: actions by status, KPIs needing attention, what is due, risks by severity.
public struct PlanDashboard: Hashable, Sendable {
    public var plan: ActionPlan
    public var actionsByStatus: [PlanAction.Status: Int]
    /// KPIs at risk or off track, with their actions.
    public var attention: [(kpi: KPI, action: PlanAction, status: KPIStatus)]
    /// KPIs due within a year from today, soonest first.
    public var dueSoon: [(kpi: KPI, action: PlanAction, status: KPIStatus)]
    /// Open or occurred risks, most severe first.
    public var risks: [(risk: Risk, action: PlanAction)]

    public init(document: PlanDocument, evaluation: PlanEvaluation) {
        plan = document.plan
        actionsByStatus = Dictionary(grouping: document.actions, by: \.status).mapValues(\.count)
        let actions = Dictionary(uniqueKeysWithValues: document.actions.map { ($0.id, $0) })
        let rows = document.kpis.compactMap { kpi in
            actions[kpi.actionID].map { (kpi: kpi, action: $0, status: evaluation.statuses[kpi.id] ?? .notMeasured) }
        }
        attention = rows.filter(\.status.needsAttention).sorted {
            ($0.action.number, $0.kpi.due) < ($1.action.number, $1.kpi.due)
        }
        let today = evaluation.today
        let horizon = CalendarDay(year: today.year + 1, month: today.month, day: min(today.day, 28))!
        dueSoon = rows.filter { $0.kpi.due >= today && $0.kpi.due <= horizon && $0.status != .met }
            .sorted { $0.kpi.due < $1.kpi.due }
        risks = document.risks.filter(\.isLive).compactMap { risk in actions[risk.actionID].map { (risk, $0) } }
            .sorted {
                ($0.risk.severity, $0.risk.likelihood * $0.risk.impact) > (
                    $1.risk.severity, $1.risk.likelihood * $1.risk.impact
                )
            }
    }

    public static func == (lhs: PlanDashboard, rhs: PlanDashboard) -> Bool {
        lhs.plan == rhs.plan && lhs.actionsByStatus == rhs.actionsByStatus
            && lhs.attention.map(\.kpi.id) == rhs.attention.map(\.kpi.id)
            && lhs.risks.map(\.risk.id) == rhs.risks.map(\.risk.id)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(plan)
        hasher.combine(attention.map(\.kpi.id))
    }
}

extension PlanUseCases {
    /// The records the plan's rules read, over the plan's years.
    public func facts(city: City, plan: ActionPlan) async throws -> PlanFacts {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let start = Schedule.moment(CalendarDay(year: plan.firstYear, month: 1, day: 1)!, minutes: 0, in: zone)!
        let end = Schedule.moment(CalendarDay(year: plan.lastYear + 1, month: 1, day: 1)!, minutes: 0, in: zone)!
        let held = try await events.list(
            city: city.id, filter: EventFilter(from: start, until: end, statuses: [.published]))
        let attendance = try await events.attendance(events: held.map(\.id))
        let eventFacts = held.map { event in
            let summary = attendance[event.id] ?? .init()
            return PlanFacts.EventFact(
                id: event.id, kind: event.kind, networkID: event.networkID, organiserIDs: event.organiserIDs,
                day: CalendarDay(event.start, in: zone), attendance: summary.total,
                sectors: Set(Attendance.sectors(summary.counts)), costCents: event.costCents)
        }
        var memberships: [NetworkID: [NetworkMembership]] = [:]
        for network in try await networks.list(city: city.id) {
            memberships[network.id] = try await networks.members(of: network.id)
        }
        let cityPlaces = try await places.list(city: city.id)
        let kinds = Dictionary(uniqueKeysWithValues: cityPlaces.map { ($0.id, $0.kind) })
        let confirmed = try await bookings.confirmed(places: cityPlaces.map(\.id), from: start, until: end)
        let bookingFacts = confirmed.compactMap { booking in
            kinds[booking.placeID].map {
                PlanFacts.BookingFact(
                    id: booking.id, placeID: booking.placeID, placeKind: $0, day: CalendarDay(booking.start, in: zone))
            }
        }
        return PlanFacts(events: eventFacts, memberships: memberships, bookings: bookingFacts, today: today(city))
    }

    /// Every KPI's readings and status today.
    public func evaluate(city: City, document: PlanDocument) async throws -> PlanEvaluation {
        PlanEvaluation(document: document, facts: try await facts(city: city, plan: document.plan))
    }

    /// The coordinator's view of the city's current plans (those whose period includes this year, else the latest).
    public func dashboards(city: City) async throws -> [PlanDashboard] {
        let all = try await plans.list(city: city.id)
        let year = today(city).year
        let current = all.filter { $0.years.contains(year) }
        var result: [PlanDashboard] = []
        for plan in current.isEmpty ? Array(all.prefix(1)) : current {
            let document = try await self.document(city: city.id, id: plan.id)
            result.append(
                PlanDashboard(document: document, evaluation: try await evaluate(city: city, document: document)))
        }
        return result
    }
}
