import Domain
import Foundation
import Testing

@Suite("Recurring schedules (RFC 5545)")
struct RecurrenceTests {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki")!

    static func schedule(
        _ first: String, at clock: Int = 18 * 60, minutes: Int = 120, _ rule: String?, except: [String] = []
    ) throws -> Schedule {
        Schedule(
            firstDay: CalendarDay(first)!, startMinutes: clock, durationMinutes: minutes,
            rule: try rule.map { try RecurrenceRule.parse($0) }, exceptions: Set(except.map { CalendarDay($0)! }))
    }

    /// The days with an occurrence between two days (inclusive), in Helsinki.
    static func days(_ schedule: Schedule, _ from: String, _ through: String) -> [String] {
        let start = Schedule.moment(CalendarDay(from)!, minutes: 0, in: helsinki)!
        let end = Schedule.moment(CalendarDay(through)!.adding(days: 1), minutes: 0, in: helsinki)!
        return schedule.occurrences(from: start, until: end, in: helsinki).map(\.day.description)
    }

    @Test(
        "rules are read and written back in RFC 5545 form",
        arguments: [
            "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270601;BYDAY=MO",
            "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "FREQ=YEARLY;BYMONTH=6;BYDAY=3SA",
            "FREQ=DAILY",
        ])
    func roundTrip(text: String) throws {
        #expect(try RecurrenceRule.parse(text).text == text)
        #expect(try RecurrenceRule.parse("RRULE:" + text.lowercased()).text == text)
    }

    @Test(
        "rules that are wrong or not supported are refused rather than misread",
        arguments: [
            "", "BYDAY=MO", "FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=2MO", "FREQ=WEEKLY;INTERVAL=0",
            "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=WEEKLY;COUNT=3;UNTIL=20270101",
            "FREQ=WEEKLY;BYSETPOS=1", "FREQ=WEEKLY;WKST=SU", "FREQ=WEEKLY;FREQ=DAILY", "FREQ=DAILY;UNTIL=2027",
            "FREQ=YEARLY;BYMONTH=13", "FREQ=WEEKLY;BYMONTHDAY=1",
        ])
    func refused(text: String) {
        #expect(throws: ValidationErrors(["recurrence": ["directory.errors.recurrence.invalid"]])) {
            try RecurrenceRule.parse(text)
        }
    }

    @Test("a weekly club on Tuesdays and Thursdays, with a cancelled day")
    func weekly() throws {
        // given the club starts on Tuesday 3 November 2026
        let club = try Self.schedule("2026-11-03", "FREQ=WEEKLY;BYDAY=TU,TH", except: ["2026-11-12"])
        // then
        #expect(
            Self.days(club, "2026-11-01", "2026-11-20") == [
                "2026-11-03", "2026-11-05", "2026-11-10", "2026-11-17", "2026-11-19",
            ])
    }

    @Test("every other Monday until a last day, which is included")
    func fortnightlyUntil() throws {
        let group = try Self.schedule("2026-01-05", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20260216")
        #expect(
            Self.days(group, "2026-01-01", "2026-12-31") == ["2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16"])
        #expect(group.lastDay == CalendarDay("2026-02-16"))
    }

    @Test("monthly on the last Friday and on the second Saturday")
    func monthlyByWeekday() throws {
        let last = try Self.schedule("2026-01-30", "FREQ=MONTHLY;BYDAY=-1FR")
        #expect(
            Self.days(last, "2026-01-01", "2026-05-31") == [
                "2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29",
            ])
        let second = try Self.schedule("2026-01-10", "FREQ=MONTHLY;BYDAY=2SA")
        #expect(Self.days(second, "2026-01-01", "2026-03-31") == ["2026-01-10", "2026-02-14", "2026-03-14"])
    }

    @Test("a monthly date that some months lack is skipped in them; the last day of the month is -1")
    func monthlyByDay() throws {
        let thirtyFirst = try Self.schedule("2026-01-31", "FREQ=MONTHLY")
        #expect(Self.days(thirtyFirst, "2026-01-01", "2026-05-31") == ["2026-01-31", "2026-03-31", "2026-05-31"])
        let last = try Self.schedule("2026-01-31", "FREQ=MONTHLY;BYMONTHDAY=-1")
        #expect(Self.days(last, "2026-02-01", "2026-04-30") == ["2026-02-28", "2026-03-31", "2026-04-30"])
    }

    @Test("COUNT counts cancelled days too, as RFC 5545 says, and the first day always counts")
    func countWithExceptions() throws {
        let course = try Self.schedule("2026-09-01", "FREQ=WEEKLY;COUNT=4", except: ["2026-09-08"])
        #expect(Self.days(course, "2026-08-01", "2026-12-31") == ["2026-09-01", "2026-09-15", "2026-09-22"])
        #expect(course.lastDay == CalendarDay("2026-09-22"))
        // A first day that the rule does not name is still the first occurrence.
        let odd = try Self.schedule("2026-09-02", "FREQ=WEEKLY;COUNT=3;BYDAY=MO")
        #expect(Self.days(odd, "2026-09-01", "2026-12-31") == ["2026-09-02", "2026-09-07", "2026-09-14"])
    }

    @Test("yearly in chosen months")
    func yearly() throws {
        let fair = try Self.schedule("2026-06-20", "FREQ=YEARLY;BYMONTH=6;BYDAY=3SA")
        #expect(Self.days(fair, "2026-01-01", "2028-12-31") == ["2026-06-20", "2027-06-19", "2028-06-17"])
    }

    @Test("18:00 in Helsinki stays 18:00 on both sides of the change to winter time")
    func daylightSaving() throws {
        // given a Tuesday club; Finland leaves summer time on Sunday 25 October 2026
        let club = try Self.schedule("2026-10-20", "FREQ=WEEKLY")
        let start = Schedule.moment(CalendarDay("2026-10-19")!, minutes: 0, in: Self.helsinki)!
        // when
        let occurrences = club.occurrences(from: start, until: start.addingTimeInterval(14 * 86_400), in: Self.helsinki)
        // then the wall clock is 18:00 both times: 15:00 UTC in summer time, 16:00 UTC in winter time
        let utc = occurrences.map { RecurrenceTests.utcClock($0.start) }
        #expect(utc == ["2026-10-20 15:00", "2026-10-27 16:00"])
        #expect(occurrences.allSatisfy { $0.end.timeIntervalSince($0.start) == 7_200 })
    }

    @Test("a time skipped by the change to summer time moves forward by the gap")
    func springGap() throws {
        // 29 March 2026: clocks in Helsinki jump from 03:00 to 04:00.
        let night = try Self.schedule("2026-03-28", at: 3 * 60 + 30, minutes: 60, "FREQ=DAILY;COUNT=2")
        let start = Schedule.moment(CalendarDay("2026-03-28")!, minutes: 0, in: Self.helsinki)!
        let occurrences = night.occurrences(from: start, until: start.addingTimeInterval(3 * 86_400), in: Self.helsinki)
        #expect(occurrences.map { RecurrenceTests.utcClock($0.start) } == ["2026-03-28 01:30", "2026-03-29 01:30"])
    }

    @Test("a window far from the first day gives the same days as expanding from the start")
    func skippingAhead() throws {
        for rule in [
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE,SA", "FREQ=MONTHLY;INTERVAL=5;BYDAY=1MO", "FREQ=DAILY;INTERVAL=9",
        ] {
            let schedule = try Self.schedule("2019-02-13", rule)
            let all = Self.days(schedule, "2019-01-01", "2031-12-31")
            let window = Self.days(schedule, "2030-03-01", "2030-09-30")
            #expect(!window.isEmpty)
            #expect(window == all.filter { $0 >= "2030-03-01" && $0 <= "2030-09-30" }, "\(rule)")
        }
    }

    @Test(
        "a limited expansion and the next date are the first occurrences of the whole expansion",
        arguments: [
            "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=DAILY;COUNT=5",
            "FREQ=YEARLY;BYMONTH=6;BYDAY=3SA",
            "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270601;BYDAY=MO",
        ])
    func limitedExpansion(rule: String) throws {
        // given a schedule with a cancelled day among its first dates
        let schedule = try Self.schedule("2026-11-03", rule, except: ["2026-11-05", "2026-11-27"])
        let from = Schedule.moment(CalendarDay("2026-11-04")!, minutes: 0, in: Self.helsinki)!
        let until = from.addingTimeInterval(3 * 366 * 86_400)
        // when
        let all = schedule.occurrences(from: from, until: until, in: Self.helsinki)
        let first3 = schedule.occurrences(from: from, until: until, in: Self.helsinki, limit: 3)
        // then
        #expect(!all.isEmpty)
        #expect(first3 == Array(all.prefix(3)))
        #expect(schedule.next(after: from, in: Self.helsinki) == all.first)
        #expect(schedule.occurrences(from: from, until: until, in: Self.helsinki, limit: 0).isEmpty)
    }

    @Test("a rule naming a day that never exists ends instead of running forever")
    func impossibleRule() throws {
        let never = try Self.schedule("2026-01-01", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3")
        #expect(Self.days(never, "2026-01-02", "2040-12-31").isEmpty)
        #expect(never.lastDay == CalendarDay("2026-01-01"))
    }

    @Test("the UNTIL of a feed is the end of the last day in the city's time zone, in UTC")
    func feedUntil() throws {
        let rule = try RecurrenceRule.parse("FREQ=WEEKLY;UNTIL=20270601;BYDAY=TU")
        #expect(rule.calendarText(timeZone: Self.helsinki) == "FREQ=WEEKLY;UNTIL=20270601T205959Z;BYDAY=TU")
    }

    @Test(
        "days are numbered and named fast and right",
        arguments: ["1970-01-01", "2000-02-29", "2026-11-22", "1899-12-31"])
    func ordinals(text: String) {
        let day = CalendarDay(text)!
        #expect(CalendarDay(ordinal: day.ordinal) == day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        #expect(day.ordinal == Int(date.timeIntervalSince1970 / 86_400))
        let weekday = calendar.component(.weekday, from: date)
        #expect(day.isoWeekday == (weekday == 1 ? 7 : weekday - 1))
    }

    static func utcClock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}
