import Domain
import Foundation

/// An event's time in the reader's language, in the city's time zone: "ti 24.11.2026 18.00–20.00".
enum EventText {
    static func when(_ event: Event, city: City, language: LanguageCode) -> String {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        return ScheduleText.occurrence(
            Schedule.Occurrence(day: CalendarDay(event.start, in: zone), start: event.start, end: event.end),
            language: language, zone: zone)
    }

    /// Whether registration is open now: published, not begun, taking registrations.
    static func registrationOpen(_ event: Event, now: Date) -> Bool {
        event.registration && event.status == .published && event.start > now
    }
}
