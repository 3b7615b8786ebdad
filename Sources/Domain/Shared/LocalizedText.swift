/// Translatable content: one text per language, each with its translation status.
///
/// Reading falls back along a chain: the requested language, then the city's default, then any
/// language present (in a stable order), so a reader always sees something.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// Where a translation stands relative to the original.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case original
        case upToDate = "up_to_date"
        case outdated
    }

    public struct Translation: Hashable, Sendable, Codable {
        public var text: String
        public var status: Status

        public init(text: String, status: Status) {
            self.text = text
            self.status = status
        }
    }

    public private(set) var translations: [LanguageCode: Translation]

    public init(_ translations: [LanguageCode: Translation] = [:]) {
        self.translations = translations
    }

    /// A text written in one language only.
    public init(original text: String, in language: LanguageCode) {
        self.translations = [language: Translation(text: text, status: .original)]
    }

    public var isEmpty: Bool { translations.values.allSatisfy { $0.text.isEmpty } }

    public var languages: [LanguageCode] { translations.keys.sorted() }

    /// Sets the text in one language. Writing the original marks every other translation outdated.
    public mutating func set(_ text: String, in language: LanguageCode, status: Status) {
        if status == .original {
            for (code, translation) in translations where code != language && translation.status != .original {
                translations[code]?.status = .outdated
            }
        }
        translations[language] = Translation(text: text, status: status)
    }

    /// The text to show and the language it is actually in.
    public func resolve(_ requested: LanguageCode, fallback: LanguageCode? = nil) -> (
        text: String, language: LanguageCode
    )? {
        var chain = [requested]
        if let fallback { chain.append(fallback) }
        for code in chain {
            if let translation = translations[code], !translation.text.isEmpty {
                return (translation.text, code)
            }
        }
        let originals = translations.filter { $0.value.status == .original && !$0.value.text.isEmpty }
        if let code = originals.keys.min() { return (originals[code]!.text, code) }
        let any = translations.filter { !$0.value.text.isEmpty }
        if let code = any.keys.min() { return (any[code]!.text, code) }
        return nil
    }

    /// The text in the best available language, or an empty string when there is none.
    public func text(in requested: LanguageCode, fallback: LanguageCode? = nil) -> String {
        resolve(requested, fallback: fallback)?.text ?? ""
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Translation].self)
        var translations: [LanguageCode: Translation] = [:]
        for (key, value) in raw {
            guard let code = LanguageCode(key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: key))
            }
            translations[code] = value
        }
        self.translations = translations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value) }))
    }
}

extension LocalizedText {
    /// Removes the text in one language.
    public mutating func remove(_ language: LanguageCode) {
        translations[language] = nil
    }

    /// The text after an edit that gave these texts (languages left out are removed). A changed original
    /// marks the other translations outdated; a changed translation is up to date; a text with no original
    /// yet takes `original` (or the first language given) as its original.
    public func updated(with texts: [LanguageCode: String], original: LanguageCode) -> LocalizedText {
        var result = self
        for code in translations.keys where texts[code] == nil { result.remove(code) }
        let hasOriginal = result.translations.values.contains { $0.status == .original }
        let originalCode = hasOriginal ? nil : (texts[original] != nil ? original : texts.keys.sorted().first)
        if let originalCode, let text = texts[originalCode] {
            result.translations[originalCode] = Translation(text: text, status: .original)
        }
        for (code, text) in texts.sorted(by: { $0.key < $1.key }) where code != originalCode {
            guard let current = result.translations[code] else {
                result.translations[code] = Translation(text: text, status: .upToDate)
                continue
            }
            if current.text == text { continue }
            result.set(text, in: code, status: current.status == .original ? .original : .upToDate)
        }
        return result
    }
}
