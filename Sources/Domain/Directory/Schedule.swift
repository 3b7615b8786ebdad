import Foundation

/// When an activity takes place: a first day and a wall-clock time in the city's time zone, a duration, and
/// optionally a recurrence rule with cancelled days (RFC 5545 `DTSTART;TZID=…`, `RRULE`, `EXDATE`).
///
/// Occurrences are worked out on local calendar days and only then turned into moments, so a Tuesday 18:00 club
/// stays at 18:00 on both sides of a daylight-saving change.
public struct Schedule: Hashable, Sendable, Codable {
    public var firstDay: CalendarDay
    /// Minutes after local midnight.
    public var startMinutes: Int
    public var durationMinutes: Int
    public var rule: RecurrenceRule?
    /// Days on which an occurrence is cancelled.
    public var exceptions: Set<CalendarDay>

    public init(
        firstDay: CalendarDay, startMinutes: Int, durationMinutes: Int, rule: RecurrenceRule? = nil,
        exceptions: Set<CalendarDay> = []
    ) {
        self.firstDay = firstDay
        self.startMinutes = startMinutes
        self.durationMinutes = durationMinutes
        self.rule = rule
        self.exceptions = exceptions
    }

    enum CodingKeys: String, CodingKey {
        case firstDay = "first_day"
        case startMinutes = "start_minutes"
        case durationMinutes = "duration_minutes"
        case rule
        case exceptions
    }

    /// Stored with the rule in its RFC 5545 text, so a database row reads like a calendar entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        firstDay = try container.decode(CalendarDay.self, forKey: .firstDay)
        startMinutes = try container.decode(Int.self, forKey: .startMinutes)
        durationMinutes = try container.decode(Int.self, forKey: .durationMinutes)
        exceptions = Set(try container.decode([CalendarDay].self, forKey: .exceptions))
        if let text = try container.decodeIfPresent(String.self, forKey: .rule) {
            do {
                rule = try RecurrenceRule.parse(text)
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .rule, in: container, debugDescription: "bad rule")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(firstDay, forKey: .firstDay)
        try container.encode(startMinutes, forKey: .startMinutes)
        try container.encode(durationMinutes, forKey: .durationMinutes)
        try container.encodeIfPresent(rule?.text, forKey: .rule)
        try container.encode(exceptions.sorted(), forKey: .exceptions)
    }

    /// One occurrence: its local day and its moments.
    public struct Occurrence: Hashable, Sendable {
        public var day: CalendarDay
        public var start: Date
        public var end: Date

        public init(day: CalendarDay, start: Date, end: Date) {
            self.day = day
            self.start = start
            self.end = end
        }
    }

    /// The last day with an occurrence, or `nil` when the schedule goes on without end.
    public var lastDay: CalendarDay? {
        guard let rule else { return firstDay }
        if let until = rule.until { return until }
        guard rule.count != nil else { return nil }
        return days(from: firstDay, through: Self.horizon(firstDay), cancelled: false).last
    }

    /// The occurrences that overlap `[from, until)`, earliest first, at most `limit`.
    public func occurrences(from: Date, until: Date, in timeZone: TimeZone, limit: Int = 1_000) -> [Occurrence] {
        guard from < until else { return [] }
        // An occurrence that starts the day before can still be running.
        let first = CalendarDay(from, in: timeZone).adding(days: -1 - durationMinutes / 1_440)
        let last = CalendarDay(until, in: timeZone)
        var result: [Occurrence] = []
        guard limit > 0 else { return result }
        // Days are visited one by one, so the next date of a weekly rule looks at a week, not five years.
        visitDays(from: first, through: last, cancelled: true) { day in
            guard let start = Self.moment(day, minutes: startMinutes, in: timeZone) else { return true }
            let end = start.addingTimeInterval(TimeInterval(durationMinutes * 60))
            guard end > from, start < until else { return true }
            result.append(Occurrence(day: day, start: start, end: end))
            return result.count < limit
        }
        return result
    }

    /// The next occurrence that has not ended at `date`.
    public func next(after date: Date, in timeZone: TimeZone) -> Occurrence? {
        occurrences(from: date, until: date.addingTimeInterval(5 * 366 * 86_400), in: timeZone, limit: 1).first
    }

    /// The local days with an occurrence in `[from, through]`; cancelled days are left out unless `cancelled` is
    /// false (counting needs them: RFC 5545 counts `COUNT` before removing `EXDATE`).
    func days(from: CalendarDay, through: CalendarDay, cancelled: Bool) -> [CalendarDay] {
        var result: [CalendarDay] = []
        visitDays(from: from, through: through, cancelled: cancelled) { day in
            result.append(day)
            return true
        }
        return result
    }

    /// Calls `visit` with each local day of `days(from:through:cancelled:)`, earliest first, until it answers
    /// false.
    private func visitDays(
        from: CalendarDay, through: CalendarDay, cancelled: Bool, _ visit: (CalendarDay) -> Bool
    ) {
        guard from <= through else { return }
        guard let rule else {
            if firstDay >= from && firstDay <= through && !(cancelled && exceptions.contains(firstDay)) {
                _ = visit(firstDay)
            }
            return
        }
        let end = min(through, rule.until ?? through, Self.horizon(firstDay))
        var counted = 0
        var period = rule.count == nil ? skipTo(from, rule: rule) : 0
        while true {
            let candidates = Self.candidates(period: period, rule: rule, firstDay: firstDay)
            guard let periodStart = candidates.start, periodStart <= end else { return }
            for day in candidates.days where day >= firstDay && day <= end {
                if day == firstDay && period != 0 { continue }
                counted += 1
                if day >= from && !(cancelled && exceptions.contains(day)) && !visit(day) { return }
                if let count = rule.count, counted == count { return }
            }
            period += rule.interval
        }
    }

    /// Schedules are expanded at most this far: a rule that names no day that exists (the 30th of February)
    /// must still end.
    static func horizon(_ firstDay: CalendarDay) -> CalendarDay {
        CalendarDay(year: min(firstDay.year + 100, 9_000), month: 12, day: 31)!
    }

    /// A period index, a multiple of the interval, safely before `day`, so long schedules are not walked from
    /// their first day.
    private func skipTo(_ day: CalendarDay, rule: RecurrenceRule) -> Int {
        let elapsed: Int
        switch rule.frequency {
        case .daily: elapsed = day.ordinal - firstDay.ordinal
        case .weekly: elapsed = (day.ordinal - firstDay.ordinal) / 7
        case .monthly: elapsed = (day.year - firstDay.year) * 12 + day.month - firstDay.month
        case .yearly: elapsed = day.year - firstDay.year
        }
        guard elapsed > rule.interval else { return 0 }
        return (elapsed / rule.interval - 1) * rule.interval
    }

    /// The days a period of the rule yields, sorted, and the first day of the period. The first day of the
    /// schedule always counts as the first occurrence.
    static func candidates(period: Int, rule: RecurrenceRule, firstDay: CalendarDay) -> (
        start: CalendarDay?, days: [CalendarDay]
    ) {
        var days: [CalendarDay] = period == 0 ? [firstDay] : []
        let start: CalendarDay?
        switch rule.frequency {
        case .daily:
            let day = CalendarDay(ordinal: firstDay.ordinal + period)
            start = day
            if rule.admits(day, checkWeekday: true) { days.append(day) }
        case .weekly:
            let monday = firstDay.ordinal - (firstDay.isoWeekday - 1) + 7 * period
            start = CalendarDay(ordinal: monday)
            let weekdays = rule.byDay.isEmpty ? [firstDay.isoWeekday] : rule.byDay.map(\.weekday)
            for weekday in Set(weekdays) {
                let day = CalendarDay(ordinal: monday + weekday - 1)
                if rule.admits(day, checkWeekday: false) { days.append(day) }
            }
        case .monthly:
            let index = firstDay.year * 12 + firstDay.month - 1 + period
            start = CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)
            if let start { days += monthDays(year: start.year, month: start.month, rule: rule, firstDay: firstDay) }
        case .yearly:
            let year = firstDay.year + period
            start = CalendarDay(year: year, month: 1, day: 1)
            for month in rule.byMonth.isEmpty ? [firstDay.month] : rule.byMonth.sorted() where start != nil {
                days += monthDays(year: year, month: month, rule: rule, firstDay: firstDay)
            }
        }
        return (start, Array(Set(days)).sorted())
    }

    /// The days of one month a monthly or yearly rule names: by month day, by (n-th) weekday, both (the days
    /// named by both), or else the first day's day of the month.
    private static func monthDays(year: Int, month: Int, rule: RecurrenceRule, firstDay: CalendarDay) -> [CalendarDay] {
        guard rule.byMonth.isEmpty || rule.byMonth.contains(month) else { return [] }
        let length = CalendarDay.days(in: month, of: year)
        let all = (1...length).compactMap { CalendarDay(year: year, month: month, day: $0) }
        var byMonthDay: [CalendarDay]?
        if !rule.byMonthDay.isEmpty {
            byMonthDay = rule.byMonthDay.compactMap { value in
                let day = value > 0 ? value : length + value + 1
                return (1...length).contains(day) ? all[day - 1] : nil
            }
        }
        var byWeekday: [CalendarDay]?
        if !rule.byDay.isEmpty {
            byWeekday = rule.byDay.flatMap { entry -> [CalendarDay] in
                let matching = all.filter { $0.isoWeekday == entry.weekday }
                guard let ordinal = entry.ordinal else { return matching }
                let index = ordinal > 0 ? ordinal - 1 : matching.count + ordinal
                return matching.indices.contains(index) ? [matching[index]] : []
            }
        }
        switch (byMonthDay, byWeekday) {
        case (let days?, let weekdays?): return days.filter(Set(weekdays).contains)
        case (let days?, nil): return days
        case (nil, let weekdays?): return weekdays
        case (nil, nil): return firstDay.day <= length ? [all[firstDay.day - 1]] : []
        }
    }

    /// The moment a clock shows on a day in a time zone. A time that does not exist (the hour skipped in spring)
    /// moves forward by the gap, as RFC 5545 asks; an ambiguous one (autumn) takes the first of the two.
    public static func moment(_ day: CalendarDay, minutes: Int, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(
            from: DateComponents(
                year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60))
    }
}

extension RecurrenceRule {
    /// Whether a day passes the rule's `BYMONTH`, `BYMONTHDAY` and (for daily rules) `BYDAY` filters.
    fileprivate func admits(_ day: CalendarDay, checkWeekday: Bool) -> Bool {
        if !byMonth.isEmpty && !byMonth.contains(day.month) { return false }
        if !byMonthDay.isEmpty {
            let length = CalendarDay.days(in: day.month, of: day.year)
            guard byMonthDay.contains(where: { ($0 > 0 ? $0 : length + $0 + 1) == day.day }) else { return false }
        }
        if checkWeekday && !byDay.isEmpty && !byDay.contains(where: { $0.weekday == day.isoWeekday }) { return false }
        return true
    }
}

extension CalendarDay {
    /// Days since 1970-01-01 (negative before), for fast day arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)!
    }
}
