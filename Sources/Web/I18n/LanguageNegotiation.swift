import Domain

/// Picks the UI language: an explicit choice (URL or remembered cookie) first, then the browser's
/// Accept-Language, then the city's default, then English.
public enum LanguageNegotiation {
    public static func choose(
        query: String?,
        cookie: String?,
        acceptLanguage: String?,
        cityDefault: LanguageCode?,
        available: [LanguageCode]
    ) -> (language: LanguageCode, explicit: Bool) {
        for candidate in [query, cookie] {
            if let code = candidate.flatMap(LanguageCode.init), available.contains(code) { return (code, true) }
        }
        if let header = acceptLanguage {
            for code in preferred(header) where available.contains(code) { return (code, false) }
        }
        if let cityDefault, available.contains(cityDefault) { return (cityDefault, false) }
        return (.english, false)
    }

    /// Languages named in an Accept-Language header, best first (`fi-FI;q=0.9` counts as `fi`).
    static func preferred(_ header: String) -> [LanguageCode] {
        let weighted: [(LanguageCode, Double)] = header.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let primary = tag.split(separator: "-").first,
                let code = LanguageCode(String(primary))
            else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (code, quality) : nil
        }
        return weighted.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
            .map(\.element.0)
    }
}
