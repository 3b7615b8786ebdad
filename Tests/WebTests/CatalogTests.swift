import Domain
import Foundation
import Testing

@testable import Web

@Suite("Translation catalogs")
struct CatalogTests {
    static let catalogs = try! Catalog.bundled()
    static var english: Catalog { catalogs[.english]! }

    @Test(
        "Finnish and Swedish have every key; Arabic may be partial but has no unknown keys",
        arguments: ["fi", "sv", "ar"])
    func keysAreComplete(code: String) throws {
        let catalog = try #require(Self.catalogs[LanguageCode(code)!])
        let missing = Set(Self.english.entries.keys).subtracting(catalog.entries.keys)
        let unknown = Set(catalog.entries.keys).subtracting(Self.english.entries.keys)
        #expect(unknown.isEmpty, "keys not in English: \(unknown.sorted())")
        if code != "ar" { #expect(missing.isEmpty, "missing in \(code): \(missing.sorted())") }
    }

    @Test("every translation uses exactly the English placeholders", arguments: ["fi", "sv", "ar"])
    func placeholdersMatch(code: String) throws {
        let catalog = try #require(Self.catalogs[LanguageCode(code)!])
        for (key, entry) in catalog.entries {
            let expected = Self.placeholders(Self.english.entries[key])
            switch entry {
            case .text(let text):
                #expect(Catalog.placeholders(in: text) == expected, "\(code) \(key)")
            case .plural(let forms):
                #expect(Set(forms.keys) == PluralRules.requiredCategories(language: code), "\(code) \(key) forms")
                for (form, text) in forms {
                    #expect(Catalog.placeholders(in: text) == expected, "\(code) \(key) \(form)")
                }
            }
        }
    }

    @Test("every key the code uses exists in English")
    func usedKeysExist() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        let pattern = try NSRegularExpression(
            pattern:
                #""((?:accounts|areas|cities|city|common|errors|home|layout|nav|roles|organisations|consent|stakeholders|directory)\.[a-z_.]+)""#
        )
        var used = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        let dynamic =
            RoleKind.allCases.map { "roles.kind.\($0.rawValue)" }
            + Organisation.Kind.allCases.map { "organisations.kind.\($0.rawValue)" } + ["consent.purpose.account"]
        let missing = used.union(dynamic).filter { !$0.hasSuffix(".") && Self.english.entries[$0] == nil }
        #expect(missing.isEmpty, "keys used but not in en.json: \(missing.sorted())")
    }

    @Test(
        "Arabic plural categories follow CLDR",
        arguments: [(0, "zero"), (1, "one"), (2, "two"), (5, "few"), (11, "many"), (100, "other"), (103, "few")])
    func arabicPlurals(count: Int, category: String) {
        #expect(PluralRules.category(for: count, language: "ar") == category)
    }

    @Test("a translator fills placeholders, picks plural forms, and falls back to English per key")
    func translatorBehaviour() {
        let partial = Catalog(language: .arabic, entries: ["nav.sign_in": .text("تسجيل الدخول")])
        let t = Translator(language: .arabic, catalogs: [.english: Self.english, .arabic: partial])
        #expect(t("nav.sign_in") == "تسجيل الدخول")
        #expect(t("nav.sign_out") == "Sign out")
        let finnish = Translator(language: .finnish, catalogs: Self.catalogs)
        #expect(finnish.plural("city.areas.count", count: 1).hasPrefix("1 "))
        #expect(
            finnish.plural("city.areas.count", count: 37)
                != finnish.plural("city.areas.count", count: 1).replacingOccurrences(of: "1", with: "37"))
        #expect(finnish("areas.title", ["city": "Vantaa"]).contains("Vantaa"))
    }

    static func placeholders(_ entry: Catalog.Entry?) -> Set<String> {
        switch entry {
        case .text(let text)?: return Catalog.placeholders(in: text)
        case .plural(let forms)?: return Catalog.placeholders(in: forms["other"] ?? "")
        case nil: return []
        }
    }
}
