import Domain

/// Translatable content in the reader's language, marked with the language it is really in when it
/// fell back to another, so screen readers pronounce it right.
enum Localized {
    static func text(_ text: LocalizedText, _ context: PageContext, tag: String = "span") -> Node {
        guard let resolved = text.resolve(context.language, fallback: context.city?.defaultLanguage) else {
            return .fragment([])
        }
        let lang = resolved.language == context.language ? nil : resolved.language.rawValue
        if lang == nil && tag == "span" { return .text(resolved.text) }
        return el(tag, ["lang": lang, "dir": lang == nil ? nil : (resolved.language.isRightToLeft ? "rtl" : "ltr")]) {
            resolved.text
        }
    }

    static func string(_ text: LocalizedText, _ context: PageContext) -> String {
        text.text(in: context.language, fallback: context.city?.defaultLanguage)
    }
}
