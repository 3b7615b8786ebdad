import Domain
import Foundation

/// Schedules and dates in the reader's language: "Every week on Tuesday and Thursday", "ti 24.11. 18.00–20.00".
/// Weekday and month names come from the locale data of the reader's language, so they need no translation keys.
enum ScheduleText {
    static func locale(_ language: LanguageCode) -> Locale { Locale(identifier: language.rawValue) }

    /// One occurrence with its weekday, date and times in the city's time zone.
    static func occurrence(_ occurrence: Schedule.Occurrence, language: LanguageCode, zone: TimeZone) -> String {
        DateTexts.string(occurrence.start, skeleton: "EEEdMMMyyyy", language: language, zone: zone) + " "
            + DateTexts.string(occurrence.start, skeleton: "Hm", language: language, zone: zone) + "–"
            + DateTexts.string(occurrence.end, skeleton: "Hm", language: language, zone: zone)
    }

    /// A day such as 25 May 2027.
    static func day(_ day: CalendarDay, language: LanguageCode) -> String {
        let utc = TimeZone(identifier: "UTC")!
        let date = Schedule.moment(day, minutes: 12 * 60, in: utc)!
        return DateTexts.string(date, skeleton: "dMMMMyyyy", language: language, zone: utc)
    }

    /// The reader's name of an ISO weekday (1 is Monday).
    static func weekday(_ weekday: Int, language: LanguageCode) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = locale(language)
        let symbols = calendar.standaloneWeekdaySymbols  // Sunday first
        return symbols[weekday % 7]
    }

    /// How often it happens, in words, with the time of day and the last day.
    static func summary(_ schedule: Schedule, t: Translator) -> String {
        let language = t.language
        let clock =
            OpeningHours.Span.clock(schedule.startMinutes) + "–"
            + OpeningHours.Span.clock(min(schedule.startMinutes + schedule.durationMinutes, 1_440))
        guard let rule = schedule.rule else {
            return t("directory.schedule.once", ["day": day(schedule.firstDay, language: language), "time": clock])
        }
        let days = (rule.byDay.isEmpty ? [RecurrenceRule.Weekday(schedule.firstDay.isoWeekday)] : rule.byDay)
        let names = days.map { weekday($0.weekday, language: language) }.joined(separator: ", ")
        var text: String
        switch rule.frequency {
        case .daily where rule.interval == 1 && rule.byDay.isEmpty && rule.byMonth.isEmpty:
            text = t("directory.schedule.daily", ["time": clock])
        case .weekly where rule.byMonth.isEmpty:
            text =
                rule.interval == 1
                ? t("directory.schedule.weekly", ["days": names, "time": clock])
                : t(
                    "directory.schedule.every_weeks",
                    [
                        "count": String(rule.interval), "days": names, "time": clock,
                    ])
        case .monthly
        where rule.interval == 1 && rule.byMonth.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.count == 1
            && rule.byDay[0].ordinal != nil:
            let ordinal = rule.byDay[0].ordinal!
            let position = (1...4).contains(ordinal) ? String(ordinal) : "last"
            text =
                ordinal == -1 || (1...4).contains(ordinal)
                ? t(
                    "directory.schedule.monthly_weekday",
                    [
                        "position": t("directory.schedule.position.\(position)"),
                        "day": weekday(rule.byDay[0].weekday, language: language), "time": clock,
                    ]) : t("directory.schedule.custom", ["rule": rule.text, "time": clock])
        case .monthly where rule.interval == 1 && rule.byMonth.isEmpty && rule.byDay.isEmpty && rule.byMonthDay == [-1]:
            text = t("directory.schedule.monthly_last_day", ["time": clock])
        case .monthly
        where rule.interval == 1 && rule.byMonth.isEmpty && rule.byDay.isEmpty && rule.byMonthDay.allSatisfy({ $0 > 0 }):
            let dates = rule.byMonthDay.isEmpty ? [schedule.firstDay.day] : rule.byMonthDay
            text = t(
                "directory.schedule.monthly_day",
                ["dates": dates.map(String.init).joined(separator: ", "), "time": clock])
        default:
            text = t("directory.schedule.custom", ["rule": rule.text, "time": clock])
        }
        if let last = schedule.lastDay {
            text += " " + t("directory.schedule.until", ["day": day(last, language: language)])
        }
        return text
    }
}
