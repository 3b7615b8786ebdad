import Foundation

/// When a place is open: weekly hours, dated exceptions (closed days, other hours), or by appointment only.
/// Written and read in a short form people already know from maps:
/// `Mo-Fr 09:00-17:00; Sa 10:00-14:00`, exceptions `2026-12-24 closed; 2026-12-31 10:00-14:00`.
public struct OpeningHours: Hashable, Sendable, Codable {
    /// Minutes since midnight, `start < end`, within one day.
    public struct Span: Hashable, Sendable, Codable, Comparable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        public static func < (lhs: Span, rhs: Span) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

        public var description: String { Self.clock(start) + "-" + Self.clock(end) }

        public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    }

    /// ISO weekdays: 1 is Monday, 7 is Sunday.
    public var weekly: [Int: [Span]]
    /// A dated exception replaces the weekly hours of that day; an empty list means closed.
    public var exceptions: [CalendarDay: [Span]]
    public var appointmentOnly: Bool

    public init(weekly: [Int: [Span]] = [:], exceptions: [CalendarDay: [Span]] = [:], appointmentOnly: Bool = false) {
        self.weekly = weekly
        self.exceptions = exceptions
        self.appointmentOnly = appointmentOnly
    }

    public static let dayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    enum CodingKeys: String, CodingKey {
        case weekly, exceptions, appointmentOnly
    }

    /// Stored in its written form, so a database row reads like the form a person filled in.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            self = try Self.parse(
                weekly: try container.decode(String.self, forKey: .weekly),
                exceptions: try container.decode(String.self, forKey: .exceptions),
                appointmentOnly: try container.decode(Bool.self, forKey: .appointmentOnly))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad hours"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weeklyText, forKey: .weekly)
        try container.encode(exceptionsText, forKey: .exceptions)
        try container.encode(appointmentOnly, forKey: .appointmentOnly)
    }

    /// Whether nothing is known about the hours.
    public var isEmpty: Bool { weekly.isEmpty && exceptions.isEmpty && !appointmentOnly }

    /// The hours of a day: its exception if there is one, else its weekday's.
    public func spans(on day: CalendarDay) -> [Span] {
        exceptions[day] ?? weekly[day.isoWeekday] ?? []
    }

    /// Whether the place is open for the whole of `start..<end` in `timeZone`. A stretch may run over
    /// several days only through hours that meet at midnight. Appointment-only places are always bookable.
    public func covers(start: Date, end: Date, timeZone: TimeZone) -> Bool {
        guard start < end else { return false }
        if appointmentOnly || (weekly.isEmpty && exceptions.isEmpty) { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var cursor = start
        while cursor < end {
            let day = CalendarDay(cursor, in: timeZone)
            let midnight = calendar.startOfDay(for: cursor)
            let nextMidnight = calendar.date(byAdding: .day, value: 1, to: midnight)!
            let from = Int(cursor.timeIntervalSince(midnight) / 60)
            let until = end < nextMidnight ? Int((end.timeIntervalSince(midnight) / 60).rounded(.up)) : 24 * 60
            guard spans(on: day).contains(where: { $0.start <= from && until <= $0.end }) else { return false }
            cursor = nextMidnight
        }
        return true
    }

    // MARK: - The written form

    /// Reads weekly hours and exceptions. Throws the field name and key of the first problem.
    public static func parse(weekly weeklyText: String, exceptions exceptionText: String, appointmentOnly: Bool)
        throws(ValidationErrors) -> OpeningHours
    {
        var errors = ValidationErrors()
        var weekly: [Int: [Span]] = [:]
        for rule in parts(weeklyText) {
            let pieces = rule.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count >= 2, let days = Self.days(String(pieces[0])) else {
                errors.add("directory.errors.hours.invalid", to: "hours")
                break
            }
            guard let spans = Self.spans(pieces.dropFirst().joined(separator: " ")) else {
                errors.add("directory.errors.hours.invalid", to: "hours")
                break
            }
            for day in days { weekly[day, default: []].append(contentsOf: spans) }
        }
        var exceptions: [CalendarDay: [Span]] = [:]
        for rule in parts(exceptionText) {
            let pieces = rule.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard pieces.count == 2, let day = CalendarDay(String(pieces[0])) else {
                errors.add("directory.errors.hours.exception_invalid", to: "exceptions")
                break
            }
            let rest = pieces[1].trimmingCharacters(in: .whitespaces).lowercased()
            if rest == "closed" || rest == "off" {
                exceptions[day] = []
            } else if let spans = Self.spans(rest) {
                exceptions[day] = spans
            } else {
                errors.add("directory.errors.hours.exception_invalid", to: "exceptions")
                break
            }
        }
        if !errors.isEmpty { throw errors }
        return OpeningHours(
            weekly: weekly.mapValues { $0.sorted() }, exceptions: exceptions, appointmentOnly: appointmentOnly)
    }

    /// The weekly hours written back, days with the same hours joined: `Mo-Fr 09:00-17:00; Sa 10:00-14:00`.
    public var weeklyText: String {
        var rules: [String] = []
        var day = 1
        while day <= 7 {
            guard let spans = weekly[day], !spans.isEmpty else {
                day += 1
                continue
            }
            var last = day
            while last < 7, weekly[last + 1] == spans { last += 1 }
            let days = last == day ? Self.dayCodes[day - 1] : Self.dayCodes[day - 1] + "-" + Self.dayCodes[last - 1]
            rules.append(days + " " + spans.map(\.description).joined(separator: ","))
            day = last + 1
        }
        return rules.joined(separator: "; ")
    }

    public var exceptionsText: String {
        exceptions.sorted { $0.key < $1.key }.map { day, spans in
            day.description + " " + (spans.isEmpty ? "closed" : spans.map(\.description).joined(separator: ","))
        }.joined(separator: "; ")
    }

    /// Rules separated by `;` or new lines. Direction marks (which right-to-left text puts around examples, and
    /// which come along when one is copied) are not part of the rule.
    static func parts(_ text: String) -> [String] {
        let marks: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        let text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !marks.contains($0) }))
        return text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// `Mo`, `Mo-Fr`, `Mo,We,Fr` (case does not matter) → ISO weekdays.
    static func days(_ text: String) -> [Int]? {
        var result: [Int] = []
        let codes = dayCodes.map { $0.lowercased() }
        for group in text.lowercased().split(separator: ",") {
            let ends = group.split(separator: "-").map(String.init)
            guard (1...2).contains(ends.count), let first = codes.firstIndex(of: ends[0]),
                let last = codes.firstIndex(of: ends[ends.count - 1]), first <= last
            else { return nil }
            result.append(contentsOf: (first...last).map { $0 + 1 })
        }
        return result.isEmpty ? nil : result
    }

    /// `09:00-12:00,13:00-17:00` → spans; `24:00` is allowed as an end.
    static func spans(_ text: String) -> [Span]? {
        var result: [Span] = []
        for piece in text.split(separator: ",") {
            let ends = piece.trimmingCharacters(in: .whitespaces).split(separator: "-").map(String.init)
            guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end,
                start < 24 * 60
            else { return nil }
            result.append(Span(start: start, end: end))
        }
        return result.isEmpty ? nil : result
    }

    /// Minutes after midnight from `HH:MM` (`24:00` allowed), or `nil`.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let hours = Int(parts[0]),
            let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
            hours < 24 || minutes == 0
        else { return nil }
        return hours * 60 + minutes
    }
}

extension CalendarDay {
    /// 1 for Monday … 7 for Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday.
        ((ordinal + 3) % 7 + 7) % 7 + 1
    }
}
