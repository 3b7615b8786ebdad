import Domain
import Foundation

/// How referrals read on a page: reasons, times of the week, statuses, money and the newcomer's pseudonym.
enum ReferralText {
    /// "Tuesday evening".
    static func time(day: Int, part: Int, t: Translator) -> String {
        t("matching.time", ["day": t("directory.weekday.\(day + 1)"), "part": t("matching.part.\(part)")])
    }

    /// Every time of the week as a form option: `day-part` and "Tuesday evening", Monday morning first.
    static func weekTimes(_ t: Translator) -> [(value: String, label: String)] {
        (0..<7).flatMap { day in (0..<3).map { part in ("\(day)-\(part)", time(day: day, part: part, t: t)) } }
    }

    /// One reason, translated: "Interest: Language learning", "Speaks Arabic", "Tuesday evening", "1.2 km away".
    static func reason(_ reason: MatchingReason, categories: [String: LocalizedText], _ context: PageContext) -> String
    {
        let t = context.t
        switch reason {
        case .sharedInterest(let id):
            let name = categories[id].map { Localized.string($0, context) } ?? id
            return t("matching.reason.interest", ["interest": name])
        case .sharedLanguage(let code):
            return t("matching.reason.language", ["language": LanguageCode(code).map(LanguageNames.endonym) ?? code])
        case .sharedTime(let day, let part):
            return time(day: day, part: part, t: t)
        case .distance(let metres):
            return t("matching.reason.distance", ["km": kilometres(metres, language: context.language)])
        case .trainingsMet:
            return t("matching.reason.trainings")
        }
    }

    /// The reasons as one line, times shortened to the first three so a weekly club does not fill the row.
    static func reasons(_ reasons: [MatchingReason], categories: [String: LocalizedText], _ context: PageContext)
        -> String
    {
        var times = 0
        return reasons.compactMap { reason -> String? in
            if case .sharedTime = reason {
                times += 1
                if times > 3 { return nil }
            }
            return Self.reason(reason, categories: categories, context)
        }.joined(separator: " · ")
    }

    /// "1.2" (or "1,2" in languages that write a decimal comma).
    static func kilometres(_ metres: Int, language: LanguageCode) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.minimumFractionDigits = 1
        formatter.maximumFractionDigits = 1
        return formatter.string(from: NSNumber(value: Double(metres) / 1_000)) ?? String(metres)
    }

    /// "40,00 €" in the reader's language.
    static func euros(_ cents: Int, language: LanguageCode) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.numberStyle = .currency
        formatter.currencyCode = "EUR"
        return formatter.string(from: NSNumber(value: Double(cents) / 100)) ?? ActivityInput.euros(cents)
    }

    /// The "from" and "through" date fields of a period.
    static func period(from: String, through: String, errors: ValidationErrors, t: Translator) -> Node {
        .fragment([
            FormFields.text(
                "from", label: t("matching.rounds.field.from"), value: from, type: "date", errors: errors, t: t),
            FormFields.text(
                "through", label: t("matching.rounds.field.through"), value: through, type: "date", errors: errors,
                t: t),
        ])
    }

    static func status(_ status: Referral.Status, t: Translator) -> String {
        t("matching.status.\(status.rawValue)")
    }

    /// A pseudonym, kept left-to-right in right-to-left pages.
    static func pseudonym(_ text: String) -> Node {
        el("bdi", ["dir": "ltr", "class": "pseudonym"]) { text }
    }

    /// A hidden count as a dash with an explanation for screen readers; a shown one as its number.
    static func count(_ value: Int?, t: Translator) -> Node {
        guard let value else {
            return el("span", ["title": t("matching.monitoring.hidden")]) {
                el("span", ["aria-hidden": "true"]) { "–" }
                el("span", ["class": "visually-hidden"]) { t("matching.monitoring.hidden") }
            }
        }
        return .text(String(value))
    }
}
