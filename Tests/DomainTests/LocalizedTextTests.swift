import Domain
import Foundation
import Testing

@Suite("LocalizedText")
struct LocalizedTextTests {
    static let text: LocalizedText = {
        var text = LocalizedText(original: "Kielikahvila", in: .finnish)
        text.set("Språkcafé", in: .swedish, status: .upToDate)
        return text
    }()

    @Test(
        "falls back from the requested language to the city default, then to the original",
        arguments: [
            ("sv", "en", "Språkcafé", "sv"),
            ("ar", "sv", "Språkcafé", "sv"),
            ("ar", "en", "Kielikahvila", "fi"),
            ("ar", nil, "Kielikahvila", "fi"),
        ])
    func fallsBack(requested: String, fallback: String?, expected: String, language: String) {
        let resolved = Self.text.resolve(LanguageCode(requested)!, fallback: fallback.flatMap(LanguageCode.init))
        #expect(resolved?.text == expected)
        #expect(resolved?.language.rawValue == language)
    }

    @Test("rewriting the original marks every translation outdated")
    func originalChangeOutdatesTranslations() {
        var text = Self.text
        text.set("Kielikahvila Tikkurilassa", in: .finnish, status: .original)
        #expect(text.translations[.swedish]?.status == .outdated)
        #expect(text.translations[.finnish]?.status == .original)
    }

    @Test("survives a JSON round trip with statuses")
    func roundTrips() throws {
        let data = try JSONEncoder().encode(Self.text)
        #expect(try JSONDecoder().decode(LocalizedText.self, from: data) == Self.text)
    }

    @Test("empty text resolves to nothing")
    func emptyResolvesToNothing() {
        #expect(LocalizedText().resolve(.english) == nil)
        #expect(LocalizedText().text(in: .english) == "")
    }

    @Test(
        "language codes are normalised and right-to-left is known",
        arguments: [
            ("FI", "fi", false), ("ar", "ar", true), ("fa", "fa", true), ("sv", "sv", false),
        ])
    func languageCodes(raw: String, normalised: String, rtl: Bool) {
        let code = LanguageCode(raw)
        #expect(code?.rawValue == normalised)
        #expect(code?.isRightToLeft == rtl)
    }

    @Test("malformed language codes are refused", arguments: ["", "f", "fin-FI", "12", "ä"])
    func badLanguageCodes(raw: String) {
        #expect(LanguageCode(raw) == nil)
    }
}
