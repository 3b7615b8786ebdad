import Foundation

/// How a schedule repeats, in the words of RFC 5545 (`RRULE`): `FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270601`.
///
/// Supported parts: `FREQ` (daily, weekly, monthly, yearly), `INTERVAL`, `COUNT`, `UNTIL` (a date, or a date-time
/// of which the date is kept), `BYDAY` (with an ordinal such as `2SA` or `-1FR` in monthly and yearly rules),
/// `BYMONTHDAY` (negative counts from the month's end), `BYMONTH` and `WKST=MO`. Anything else is refused, so a rule
/// is never silently read as something it does not say.
public struct RecurrenceRule: Hashable, Sendable {
    public enum Frequency: String, Hashable, Sendable, CaseIterable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A weekday, optionally the n-th of its month (`2SA`) or counted from the end (`-1FR`).
    public struct Weekday: Hashable, Sendable {
        /// ISO weekday: 1 is Monday, 7 is Sunday.
        public var weekday: Int
        public var ordinal: Int?

        public init(_ weekday: Int, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// `TU`, `2SA`, `-1FR`.
        public var text: String { (ordinal.map(String.init) ?? "") + RecurrenceRule.dayCodes[weekday - 1] }
    }

    public var frequency: Frequency
    public var interval: Int
    public var count: Int?
    /// The last day an occurrence may fall on, in the schedule's time zone.
    public var until: CalendarDay?
    public var byDay: [Weekday]
    public var byMonthDay: [Int]
    public var byMonth: [Int]

    public init(
        _ frequency: Frequency, interval: Int = 1, count: Int? = nil, until: CalendarDay? = nil, byDay: [Weekday] = [],
        byMonthDay: [Int] = [], byMonth: [Int] = []
    ) {
        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byMonth = byMonth
    }

    static let dayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Reads a rule, with or without the `RRULE:` prefix. Errors use the key
    /// `directory.errors.recurrence.invalid` on the field `recurrence`.
    public static func parse(_ text: String) throws(ValidationErrors) -> RecurrenceRule {
        let invalid = ValidationErrors(["recurrence": ["directory.errors.recurrence.invalid"]])
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if body.hasPrefix("RRULE:") { body.removeFirst(6) }
        var parts: [String: String] = [:]
        for part in body.split(separator: ";", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[1].isEmpty, parts[pair[0]] == nil else { throw invalid }
            parts[pair[0]] = pair[1]
        }
        guard let frequency = parts.removeValue(forKey: "FREQ").flatMap(Frequency.init(rawValue:)) else {
            throw invalid
        }
        var rule = RecurrenceRule(frequency)
        if let interval = parts.removeValue(forKey: "INTERVAL") {
            guard let value = Int(interval), (1...999).contains(value) else { throw invalid }
            rule.interval = value
        }
        if let count = parts.removeValue(forKey: "COUNT") {
            guard let value = Int(count), (1...5_000).contains(value) else { throw invalid }
            rule.count = value
        }
        if let until = parts.removeValue(forKey: "UNTIL") {
            guard rule.count == nil, until.count >= 8, let day = Self.day(String(until.prefix(8))) else {
                throw invalid
            }
            rule.until = day
        }
        if let wkst = parts.removeValue(forKey: "WKST"), wkst != "MO" { throw invalid }
        if let days = parts.removeValue(forKey: "BYDAY") {
            rule.byDay = try days.split(separator: ",").map { code throws(ValidationErrors) in
                guard let weekday = Self.weekday(String(code), frequency: frequency) else { throw invalid }
                return weekday
            }
        }
        if let days = parts.removeValue(forKey: "BYMONTHDAY") {
            rule.byMonthDay = try Self.numbers(days, allowed: -31...31, invalid: invalid)
            guard frequency != .weekly else { throw invalid }
        }
        if let months = parts.removeValue(forKey: "BYMONTH") {
            rule.byMonth = try Self.numbers(months, allowed: 1...12, invalid: invalid)
        }
        guard parts.isEmpty else { throw invalid }
        return rule
    }

    /// The rule as RFC 5545 writes it, with `UNTIL` as a date (the form people and this platform store).
    public var text: String { parts(until: until.map(Self.compact)).joined(separator: ";") }

    /// The rule for an iCalendar feed whose `DTSTART` has a `TZID`: RFC 5545 then wants `UNTIL` in UTC, which is
    /// the end of the last day in the schedule's time zone.
    public func calendarText(timeZone: TimeZone) -> String {
        let until = until.flatMap { Schedule.moment($0.adding(days: 1), minutes: 0, in: timeZone) }
            .map { Self.utcStamp($0.addingTimeInterval(-1)) }
        return parts(until: until).joined(separator: ";")
    }

    private func parts(until: String?) -> [String] {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map(String.init).joined(separator: ",")) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map(String.init).joined(separator: ",")) }
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.text).joined(separator: ",")) }
        return parts
    }

    static func compact(_ day: CalendarDay) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    /// `20261124T170000Z`.
    public static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!)
    }

    static func day(_ compact: String) -> CalendarDay? {
        guard compact.count == 8, compact.allSatisfy(\.isASCII), let year = Int(compact.prefix(4)),
            let month = Int(compact.dropFirst(4).prefix(2)), let day = Int(compact.suffix(2))
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    private static func weekday(_ code: String, frequency: Frequency) -> Weekday? {
        guard code.count >= 2, let index = dayCodes.firstIndex(of: String(code.suffix(2))) else { return nil }
        let prefix = code.dropLast(2)
        if prefix.isEmpty { return Weekday(index + 1) }
        // An ordinal only means something within a month or a year.
        guard frequency == .monthly || frequency == .yearly, let ordinal = Int(prefix), ordinal != 0,
            (-53...53).contains(ordinal)
        else { return nil }
        return Weekday(index + 1, ordinal: ordinal)
    }

    private static func numbers(
        _ text: String, allowed: ClosedRange<Int>, invalid: ValidationErrors
    ) throws(ValidationErrors) -> [Int] {
        let values = text.split(separator: ",").map { Int($0) }
        guard !values.isEmpty, values.allSatisfy({ $0.map { allowed.contains($0) && $0 != 0 } ?? false }) else {
            throw invalid
        }
        return values.map { $0! }
    }
}
