import Domain
import Foundation

/// Activities as an RFC 5545 calendar: one `VEVENT` per scheduled activity with its `RRULE` and `EXDATE`s, times
/// in the city's zone (`DTSTART;TZID=…`) and a `VTIMEZONE` that spells out that zone's changes, so any calendar
/// program shows the right hour across daylight-saving changes.
enum ICalendar {
    /// At most this many activities go into one feed; a narrower filter gives the rest.
    static let feedLimit = 1_000

    static func feed(
        _ activities: [Activity], events: [Event] = [], city: City, name: String, language: LanguageCode,
        places: [PlaceID: Place], baseURL: String, now: Date
    ) -> String {
        let zone = TimeZone(identifier: city.timeZone) ?? TimeZone(identifier: "UTC")!
        let scheduled = activities.filter { $0.schedule != nil }
        let nowYear = CalendarDay(now, in: zone).year
        let firstYear = min(
            scheduled.map { $0.schedule!.firstDay.year }.min() ?? nowYear,
            events.map { CalendarDay($0.start, in: zone).year }.min() ?? nowYear, nowYear)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Arrival//Directory//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + text(name), "X-WR-TIMEZONE:" + zone.identifier,
        ]
        // From the year before the first start (the observance in force then began earlier) to ten years on.
        lines += timeZone(zone, from: max(firstYear, nowYear - 20) - 1, through: nowYear + 10)
        let host = URL(string: baseURL)?.host ?? "arrival"
        for activity in scheduled {
            lines += event(
                activity, schedule: activity.schedule!, city: city, zone: zone, language: language,
                place: activity.placeID.flatMap { places[$0] }, baseURL: baseURL, host: host)
        }
        for event in events {
            lines += Self.event(
                event, city: city, zone: zone, language: language, place: event.placeID.flatMap { places[$0] },
                baseURL: baseURL, host: host)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(
        _ activity: Activity, schedule: Schedule, city: City, zone: TimeZone, language: LanguageCode, place: Place?,
        baseURL: String, host: String
    ) -> [String] {
        let tzid = "TZID=" + zone.identifier
        let endMinutes = schedule.startMinutes + schedule.durationMinutes
        let endDay = schedule.firstDay.adding(days: endMinutes / 1_440)
        var lines = [
            "BEGIN:VEVENT", "UID:\(activity.id)@\(host)", "DTSTAMP:" + utc(activity.updatedAt),
            "LAST-MODIFIED:" + utc(activity.updatedAt),
            "DTSTART;\(tzid):" + local(schedule.firstDay, minutes: schedule.startMinutes),
            "DTEND;\(tzid):" + local(endDay, minutes: endMinutes % 1_440),
        ]
        if let rule = schedule.rule {
            lines.append("RRULE:" + rule.calendarText(timeZone: zone))
            if !schedule.exceptions.isEmpty {
                lines.append(
                    "EXDATE;\(tzid):"
                        + schedule.exceptions.sorted().map { local($0, minutes: schedule.startMinutes) }
                        .joined(separator: ","))
            }
        }
        lines.append("SUMMARY:" + text(activity.title.text(in: language, fallback: city.defaultLanguage)))
        let description = activity.description.text(in: language, fallback: city.defaultLanguage)
        if !description.isEmpty { lines.append("DESCRIPTION:" + text(description)) }
        if let place {
            let name = place.name.text(in: language, fallback: city.defaultLanguage)
            lines.append("LOCATION:" + text([name, place.address].filter { !$0.isEmpty }.joined(separator: ", ")))
            if let latitude = place.latitude, let longitude = place.longitude {
                lines.append(String(format: "GEO:%.6f;%.6f", latitude, longitude))
            }
        }
        lines.append("URL:" + baseURL + Route.activity(city.slug, activity.id).path)
        lines.append("STATUS:CONFIRMED")
        lines.append("END:VEVENT")
        return lines
    }

    /// A one-off event, its times in the city's zone.
    static func event(
        _ event: Event, city: City, zone: TimeZone, language: LanguageCode, place: Place?, baseURL: String,
        host: String
    ) -> [String] {
        let tzid = "TZID=" + zone.identifier
        var lines = [
            "BEGIN:VEVENT", "UID:\(event.id)@\(host)", "DTSTAMP:" + utc(event.updatedAt),
            "LAST-MODIFIED:" + utc(event.updatedAt), "DTSTART;\(tzid):" + wallClock(event.start, zone),
            "DTEND;\(tzid):" + wallClock(event.end, zone),
            "SUMMARY:" + text(event.title.text(in: language, fallback: city.defaultLanguage)),
        ]
        let description = event.description.text(in: language, fallback: city.defaultLanguage)
        if !description.isEmpty { lines.append("DESCRIPTION:" + text(description)) }
        if let place {
            let name = place.name.text(in: language, fallback: city.defaultLanguage)
            lines.append("LOCATION:" + text([name, place.address].filter { !$0.isEmpty }.joined(separator: ", ")))
        }
        lines += [
            "URL:" + baseURL + Route.event(city.slug, event.id).path,
            "STATUS:" + (event.status == .cancelled ? "CANCELLED" : "CONFIRMED"), "END:VEVENT",
        ]
        return lines
    }

    /// A moment as the wall clock in `zone` shows it.
    static func wallClock(_ date: Date, _ zone: TimeZone) -> String {
        localStamp(date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
    }

    /// The zone's observances year by year: each change of offset becomes a `STANDARD` or `DAYLIGHT` block
    /// starting at the local time it happens. A zone without changes gets one `STANDARD` block.
    static func timeZone(_ zone: TimeZone, from firstYear: Int, through lastYear: Int) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: firstYear, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: lastYear + 1, month: 1, day: 1))!
        var cursor = start
        var observances = 0
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < end {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:\(kind)", "DTSTART:" + localStamp(change.addingTimeInterval(TimeInterval(before))),
                "TZOFFSETFROM:" + offset(before), "TZOFFSETTO:" + offset(after), "END:\(kind)",
            ]
            observances += 1
            cursor = change
        }
        if observances == 0 {
            let seconds = zone.secondsFromGMT(for: start)
            lines += [
                "BEGIN:STANDARD", "DTSTART:" + localStamp(start.addingTimeInterval(TimeInterval(seconds))),
                "TZOFFSETFROM:" + offset(seconds), "TZOFFSETTO:" + offset(seconds), "END:STANDARD",
            ]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// `+0300`.
    static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }

    /// `20261124T180000`: a wall-clock time, read in the zone named next to it.
    static func local(_ day: CalendarDay, minutes: Int) -> String {
        String(format: "%04d%02d%02dT%02d%02d00", day.year, day.month, day.day, minutes / 60, minutes % 60)
    }

    /// A moment already shifted to wall-clock time, written without a zone.
    static func localStamp(_ shifted: Date) -> String {
        String(utc(shifted).dropLast())
    }

    /// `20261124T160000Z`.
    static func utc(_ date: Date) -> String { RecurrenceRule.utcStamp(date) }

    /// A TEXT value: backslashes, semicolons, commas and line breaks escaped.
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var length = 0
        for character in line {
            let size = String(character).utf8.count
            if length + size > 75 {
                result += "\r\n "
                length = 1
            }
            result.append(character)
            length += size
        }
        return result
    }
}
