import Foundation

/// Where a KPI stands, from its target, its due date and the trend of its readings.
///
/// - A **yearly** KPI (a target every year, like "at least 60 at each forum") is *met* once its due date has passed
///   if every measured year met the target, otherwise *off track*. Before then it is *on track* while the latest
///   year met the target; when the latest year missed it is *at risk* if that was better than the year before (or
///   the first reading), else *off track*.
/// - A **whole-period** KPI (one target by the due date) is *met* as soon as a reading reaches an "at least" or
///   yes/no target, and at the due date for an "at most" target. Missing it, it is *on track* when the line through
///   the last two readings reaches the target by the due year, *at risk* when it moves towards it but too slowly
///   (or has one reading), and *off track* when it stands still or moves away. Past the due date, a miss is
///   *off track*.
/// - Without any reading it is *not measured*, or *off track* once the due date has passed.
public enum KPIStatus: String, Hashable, Sendable, CaseIterable {
    case met
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"
    case notMeasured = "not_measured"

    /// Whether a coordinator should look at it.
    public var needsAttention: Bool { self == .atRisk || self == .offTrack }

    public static func of(_ kpi: KPI, readings: [KPIReading], today: CalendarDay) -> KPIStatus {
        let readings = readings.sorted { $0.year < $1.year }
        let overdue = today > kpi.due
        guard let latest = readings.last else { return overdue ? .offTrack : .notMeasured }
        let previous = readings.dropLast().last
        switch kpi.period {
        case .yearly:
            if overdue { return readings.allSatisfy { kpi.meets($0.value) } ? .met : .offTrack }
            if kpi.meets(latest.value) { return .onTrack }
            guard let previous else { return .atRisk }
            return improves(kpi, from: previous.value, to: latest.value) ? .atRisk : .offTrack
        case .whole:
            if kpi.meets(latest.value) {
                return kpi.direction == .atMost && !overdue && kpi.target != .yes ? .onTrack : .met
            }
            if overdue { return .offTrack }
            guard let previous else { return .atRisk }
            guard improves(kpi, from: previous.value, to: latest.value) else { return .offTrack }
            let perYear = (latest.value - previous.value) / Double(max(1, latest.year - previous.year))
            let projected = latest.value + perYear * Double(max(0, kpi.due.year - latest.year))
            return kpi.meets(projected) ? .onTrack : .atRisk
        }
    }

    private static func improves(_ kpi: KPI, from old: Double, to new: Double) -> Bool {
        kpi.direction == .atMost && kpi.target != .yes ? new < old : new > old
    }
}
