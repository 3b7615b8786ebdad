import Domain
import Foundation

/// One language's UI strings, read from `Resources/locales/<code>.json`.
///
/// A value is either a string or, for counted phrases, an object of CLDR plural forms
/// (`zero`, `one`, `two`, `few`, `many`, `other`). Placeholders are written `{name}`.
public struct Catalog: Sendable {
    public enum Entry: Sendable, Hashable {
        case text(String)
        case plural([String: String])
    }

    public let language: LanguageCode
    public let entries: [String: Entry]

    public init(language: LanguageCode, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    public init(language: LanguageCode, json: Data) throws {
        let object = try JSONSerialization.jsonObject(with: json)
        guard let dictionary = object as? [String: Any] else { throw CatalogError.notAnObject(language.rawValue) }
        var entries: [String: Entry] = [:]
        for (key, value) in dictionary {
            if let text = value as? String {
                entries[key] = .text(text)
            } else if let forms = value as? [String: String] {
                entries[key] = .plural(forms)
            } else {
                throw CatalogError.badEntry(language.rawValue, key)
            }
        }
        self.init(language: language, entries: entries)
    }

    /// The languages the UI is translated into, in switcher order.
    public static let uiLanguages: [LanguageCode] = [.finnish, .swedish, .english, .arabic]

    /// Loads every bundled catalog.
    public static func bundled() throws -> [LanguageCode: Catalog] {
        var catalogs: [LanguageCode: Catalog] = [:]
        for language in uiLanguages {
            guard
                let url = Bundle.module.url(
                    forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/locales")
            else { throw CatalogError.missingFile(language.rawValue) }
            catalogs[language] = try Catalog(language: language, json: Data(contentsOf: url))
        }
        return catalogs
    }

    /// The placeholder names used in a piece of text, e.g. `["count", "name"]`.
    public static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty { names.insert(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }
}

public enum CatalogError: Error, CustomStringConvertible {
    case notAnObject(String)
    case badEntry(String, String)
    case missingFile(String)

    public var description: String {
        switch self {
        case .notAnObject(let language): return "locale \(language) is not a JSON object"
        case .badEntry(let language, let key): return "locale \(language): \(key) is neither text nor plural forms"
        case .missingFile(let language): return "locale \(language) is missing"
        }
    }
}
