import Domain
import Foundation

/// Dates written for people and for programs, with formatters made once and kept: making a formatter loads
/// locale data and costs far more than using one, and a page of 20 activities used to make 40.
enum DateTexts {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var formatters: [String: DateFormatter] = [:]
    nonisolated(unsafe) private static let iso = ISO8601DateFormatter()

    /// A moment by a CLDR skeleton (`EEEdMMMyyyy`, `Hm`) in a language and a time zone.
    static func string(_ date: Date, skeleton: String, language: LanguageCode, zone: TimeZone) -> String {
        let key = "\(language.rawValue)|\(zone.identifier)|\(skeleton)"
        return lock.withLock {
            if let formatter = formatters[key] { return formatter.string(from: date) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: language.rawValue)
            formatter.timeZone = zone
            formatter.setLocalizedDateFormatFromTemplate(skeleton)
            if formatters.count > 500 { formatters.removeAll() }
            formatters[key] = formatter
            return formatter.string(from: date)
        }
    }

    /// `2026-11-24T16:00:00Z`.
    static func iso8601(_ date: Date) -> String {
        lock.withLock { iso.string(from: date) }
    }
}
