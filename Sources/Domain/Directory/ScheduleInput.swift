import Foundation

/// A schedule as an editor fills it in: a first day, a time span, how it repeats (a simple choice, or an RFC 5545
/// rule for anything else), when it stops and the days it is cancelled.
public struct ScheduleInput: Hashable, Sendable {
    /// The simple choices a form offers; `custom` reads `rule`.
    public enum Repeat: String, Hashable, Sendable, CaseIterable {
        case none
        case daily
        case weekly
        case fortnightly
        case monthlyByDay = "monthly_day"
        case monthlyByWeekday = "monthly_weekday"
        case custom
    }

    public var firstDay: String
    public var from: String
    public var until: String
    public var repeats: String
    /// ISO weekdays "1"…"7" for weekly and fortnightly schedules.
    public var weekdays: [String]
    public var rule: String
    public var endsOn: String
    /// Cancelled days, separated by commas, semicolons or spaces.
    public var cancelled: String

    public init(
        firstDay: String = "", from: String = "", until: String = "", repeats: String = Repeat.none.rawValue,
        weekdays: [String] = [], rule: String = "", endsOn: String = "", cancelled: String = ""
    ) {
        self.firstDay = firstDay
        self.from = from
        self.until = until
        self.repeats = repeats
        self.weekdays = weekdays
        self.rule = rule
        self.endsOn = endsOn
        self.cancelled = cancelled
    }

    /// The input that shows a schedule: simple choices where the rule is one of them, else the rule itself.
    public init(_ schedule: Schedule?) {
        guard let schedule else {
            self.init()
            return
        }
        let end = schedule.startMinutes + schedule.durationMinutes
        self.init(
            firstDay: schedule.firstDay.description, from: OpeningHours.Span.clock(schedule.startMinutes),
            until: OpeningHours.Span.clock(min(end, 1_440)),
            cancelled: schedule.exceptions.sorted().map(\.description).joined(separator: " "))
        guard var rule = schedule.rule else { return }
        endsOn = rule.until?.description ?? ""
        rule.until = nil
        let plainWeekdays = !rule.byDay.isEmpty && rule.byDay.allSatisfy { $0.ordinal == nil }
        let simple = rule.count == nil && rule.byMonth.isEmpty && rule.byMonthDay.isEmpty
        switch (rule.frequency, rule.interval) {
        case (.daily, 1) where simple && rule.byDay.isEmpty: repeats = Repeat.daily.rawValue
        case (.weekly, 1) where simple && (rule.byDay.isEmpty || plainWeekdays):
            repeats = Repeat.weekly.rawValue
        case (.weekly, 2) where simple && (rule.byDay.isEmpty || plainWeekdays):
            repeats = Repeat.fortnightly.rawValue
        case (.monthly, 1) where simple && rule.byDay.isEmpty: repeats = Repeat.monthlyByDay.rawValue
        case (.monthly, 1) where simple && Self.nthWeekday(schedule.firstDay).map({ rule.byDay == [$0] }) == true:
            repeats = Repeat.monthlyByWeekday.rawValue
        default:
            repeats = Repeat.custom.rawValue
            self.rule = schedule.rule!.text
            endsOn = ""
        }
        if repeats == Repeat.weekly.rawValue || repeats == Repeat.fortnightly.rawValue {
            weekdays = (rule.byDay.isEmpty ? [schedule.firstDay.isoWeekday] : rule.byDay.map(\.weekday)).sorted()
                .map(String.init)
        }
    }

    /// Whether the editor left every schedule field empty: the activity has no fixed times.
    public var isEmpty: Bool {
        [firstDay, from, until, rule, endsOn, cancelled].allSatisfy {
            $0.trimmingCharacters(in: .whitespaces).isEmpty
        } && (repeats.isEmpty || repeats == Repeat.none.rawValue)
    }

    /// The schedule, or `nil` when every field is empty.
    public func validate() throws(ValidationErrors) -> Schedule? {
        if isEmpty { return nil }
        var errors = ValidationErrors()
        let firstDay = CalendarDay(firstDay)
        errors.require(firstDay != nil, "stakeholders.errors.date.invalid", field: "first_day")
        let start = OpeningHours.minutes(from.trimmingCharacters(in: .whitespaces)).flatMap { $0 < 1_440 ? $0 : nil }
        let end = OpeningHours.minutes(until.trimmingCharacters(in: .whitespaces))
        errors.require(start != nil, "directory.errors.time.invalid", field: "from")
        errors.require(end != nil, "directory.errors.time.invalid", field: "until")
        if let start, let end { errors.require(end > start, "directory.errors.booking.reversed", field: "until") }
        let endsText = endsOn.trimmingCharacters(in: .whitespaces)
        let endsOn = CalendarDay(endsText)
        errors.require(endsText.isEmpty || endsOn != nil, "stakeholders.errors.date.invalid", field: "ends_on")
        if let firstDay, let endsOn {
            errors.require(endsOn >= firstDay, "stakeholders.errors.period.reversed", field: "ends_on")
        }
        let cancelledWords = OrganisationInput.words(cancelled)
        let cancelled = cancelledWords.compactMap(CalendarDay.init)
        errors.require(
            cancelled.count == cancelledWords.count, "stakeholders.errors.date.invalid", field: "cancelled")
        var rule: RecurrenceRule?
        switch Repeat(rawValue: repeats.isEmpty ? Repeat.none.rawValue : repeats) {
        case nil: errors.add("directory.errors.recurrence.invalid", to: "repeats")
        case .none?: break
        case .daily?: rule = RecurrenceRule(.daily)
        case .weekly?, .fortnightly?:
            let days = weekdays.compactMap { Int($0) }.filter { (1...7).contains($0) }
            errors.require(days.count == weekdays.count, "directory.errors.recurrence.invalid", field: "weekdays")
            rule = RecurrenceRule(
                .weekly, interval: repeats == Repeat.weekly.rawValue ? 1 : 2,
                byDay: OrganisationInput.unique(days).sorted().map { RecurrenceRule.Weekday($0) })
        case .monthlyByDay?: rule = RecurrenceRule(.monthly)
        case .monthlyByWeekday?:
            rule = firstDay.flatMap(Self.nthWeekday).map { RecurrenceRule(.monthly, byDay: [$0]) }
        case .custom?:
            do {
                rule = try RecurrenceRule.parse(self.rule)
            } catch {
                errors.add("directory.errors.recurrence.invalid", to: "rule")
            }
        }
        if let endsOn, rule != nil {
            errors.require(rule?.count == nil, "directory.errors.recurrence.invalid", field: "ends_on")
            rule?.until = endsOn
        }
        if !errors.isEmpty { throw errors }
        return Schedule(
            firstDay: firstDay!, startMinutes: start!, durationMinutes: end! - start!, rule: rule,
            exceptions: Set(cancelled))
    }

    /// "The second Tuesday" of a day's month; a fifth one becomes "the last", which every month has.
    static func nthWeekday(_ day: CalendarDay) -> RecurrenceRule.Weekday? {
        let ordinal = (day.day - 1) / 7 + 1
        return RecurrenceRule.Weekday(day.isoWeekday, ordinal: ordinal == 5 ? -1 : ordinal)
    }
}
