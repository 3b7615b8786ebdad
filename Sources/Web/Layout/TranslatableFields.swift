import Domain

/// A translatable field in a form: one control per language of the city (`name_fi`, `name_sv`, …) in a
/// fieldset, each marked with its language and direction; and reading them back.
enum TranslatableFields {
    /// One-line texts, such as a name.
    static func lines(
        _ name: String, legend: String, hint: String? = nil, languages: [LanguageCode],
        values: [LanguageCode: String], errors: ValidationErrors, t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        return el("fieldset", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
            el("legend") { legend }
            if let hint { el("p", ["class": "hint"]) { hint } }
            FormFields.errorList(messages, id: "field-\(name)", t: t)
            for language in languages {
                el("div", ["class": "field"]) {
                    el("label", ["for": "field-\(name)_\(language.rawValue)"]) { LanguageNames.endonym(language) }
                    void(
                        "input",
                        [
                            "id": "field-\(name)_\(language.rawValue)", "name": "\(name)_\(language.rawValue)",
                            "type": "text", "value": values[language] ?? "", "lang": language.rawValue,
                            "dir": language.isRightToLeft ? "rtl" : "ltr",
                            "aria-invalid": messages.isEmpty ? nil : "true",
                            "aria-describedby": messages.isEmpty ? nil : "field-\(name)-errors",
                        ])
                }
            }
        }
    }

    /// Longer texts, such as a description.
    static func paragraphs(
        _ name: String, legend: String, languages: [LanguageCode], values: [LanguageCode: String],
        errors: ValidationErrors, t: Translator
    ) -> Node {
        el("fieldset", ["class": "field"]) {
            el("legend") { legend }
            FormFields.errorList(errors.messages(for: name), id: "field-\(name)", t: t)
            for language in languages {
                FormFields.textarea(
                    "\(name)_\(language.rawValue)", label: LanguageNames.endonym(language),
                    value: values[language] ?? "", lang: language.rawValue, errors: errors, t: t)
            }
        }
    }

    /// The texts a form sent for `name` in each language.
    static func read(_ name: String, languages: [LanguageCode], from context: AppRequestContext)
        -> [LanguageCode: String]
    {
        Dictionary(uniqueKeysWithValues: languages.map { ($0, context.field("\(name)_\($0.rawValue)")) })
    }
}
