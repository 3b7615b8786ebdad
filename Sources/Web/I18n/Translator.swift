import Domain
import Foundation

/// Turns keys into text in one language, falling back per key to English so a partial
/// translation (Arabic may be partial) still shows every string.
public struct Translator: Sendable {
    public let language: LanguageCode
    let catalogs: [LanguageCode: Catalog]

    public init(language: LanguageCode, catalogs: [LanguageCode: Catalog]) {
        self.language = language
        self.catalogs = catalogs
    }

    public var isRightToLeft: Bool { language.isRightToLeft }

    /// The text for `key` with `{placeholders}` filled in. A missing key shows the key itself.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        guard case .text(let template)? = entry(key) else { return key }
        return Self.fill(template, values)
    }

    /// A counted phrase: picks the plural form for `count` and fills `{count}` and the other values.
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = formatNumber(count)
        switch entry(key) {
        case .plural(let forms)?:
            let category = PluralRules.category(for: count, language: language.rawValue)
            return Self.fill(forms[category] ?? forms["other"] ?? key, values)
        case .text(let template)?:
            return Self.fill(template, values)
        case nil:
            return key
        }
    }

    /// Whole numbers with the language's grouping (1 234 in Finnish, 1,234 in English).
    public func formatNumber(_ number: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: number)) ?? String(number)
    }

    public func formatPercent(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 1
        formatter.minimumFractionDigits = 1
        return (formatter.string(from: NSNumber(value: value)) ?? String(value)) + " %"
    }

    private func entry(_ key: String) -> Catalog.Entry? {
        catalogs[language]?.entries[key] ?? catalogs[.english]?.entries[key]
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = template
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }
}
