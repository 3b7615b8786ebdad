import Domain

/// Form controls with their label, hint and errors tied together for assistive technology.
public enum FormFields {
    /// A form that posts to `action`: the CSRF token first, then the summary of what failed, then `fields`. The
    /// browser's own checks are off (`novalidate`), so every error is the server's, translated, next to its field.
    static func post(
        to action: String, errors: ValidationErrors, context: PageContext, labelledBy: String? = nil,
        @NodeBuilder _ fields: () -> [Node]
    ) -> Node {
        el("form", ["method": "post", "action": action, "aria-labelledby": labelledBy, "novalidate": "novalidate"]) {
            context.csrfField
            summary(errors, t: context.t)
            fields()
        }
    }

    public static func text(
        _ name: String,
        label: String,
        value: String = "",
        type: String = "text",
        autocomplete: String? = nil,
        required: Bool = true,
        errors: ValidationErrors,
        t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        let id = "field-" + name
        // A date field cannot hold text that is not a date; show what was typed as text so it can be corrected.
        let type = type == "date" && !value.isEmpty && CalendarDay(value) == nil ? "text" : type
        return el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
            el("label", ["for": id]) { label }
            errorList(messages, id: id, t: t)
            void(
                "input",
                [
                    "id": id, "name": name, "type": type, "value": type == "password" ? nil : value,
                    "autocomplete": autocomplete, "required": required ? "required" : nil,
                    "aria-invalid": messages.isEmpty ? nil : "true",
                    "aria-describedby": messages.isEmpty ? nil : id + "-errors",
                ])
        }
    }

    public static func select(
        _ name: String,
        label: String,
        options: [(value: String, label: String)],
        selected: String,
        errors: ValidationErrors,
        t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        let id = "field-" + name
        return el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
            el("label", ["for": id]) { label }
            errorList(messages, id: id, t: t)
            el(
                "select",
                [
                    "id": id, "name": name, "aria-invalid": messages.isEmpty ? nil : "true",
                    "aria-describedby": messages.isEmpty ? nil : id + "-errors",
                ]
            ) {
                for option in options {
                    el("option", ["value": option.value, "selected": option.value == selected ? "selected" : nil]) {
                        option.label
                    }
                }
            }
        }
    }

    public static func checkbox(_ name: String, label: String, checked: Bool, errors: ValidationErrors, t: Translator)
        -> Node
    {
        let messages = errors.messages(for: name)
        let id = "field-" + name
        return el("div", ["class": messages.isEmpty ? "field field-check" : "field field-check field-invalid"]) {
            errorList(messages, id: id, t: t)
            void(
                "input",
                [
                    "id": id, "name": name, "type": "checkbox", "value": "yes", "checked": checked ? "checked" : nil,
                    "aria-invalid": messages.isEmpty ? nil : "true",
                    "aria-describedby": messages.isEmpty ? nil : id + "-errors",
                ])
            el("label", ["for": id]) { label }
        }
    }

    /// A multi-line text field; `lang` marks the language of its content.
    public static func textarea(
        _ name: String,
        label: String,
        value: String,
        lang: String? = nil,
        hint: String? = nil,
        errors: ValidationErrors,
        t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        let id = "field-" + name
        let described = ([hint == nil ? nil : id + "-hint", messages.isEmpty ? nil : id + "-errors"] as [String?])
            .compactMap { $0 }.joined(separator: " ")
        return el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
            el("label", ["for": id]) { label }
            if let hint { el("p", ["class": "hint", "id": id + "-hint"]) { hint } }
            errorList(messages, id: id, t: t)
            el(
                "textarea",
                [
                    "id": id, "name": name, "rows": "4", "lang": lang,
                    "aria-invalid": messages.isEmpty ? nil : "true",
                    "aria-describedby": described.isEmpty ? nil : described,
                ]
            ) { value }
        }
    }

    /// A text field with a hint under its label.
    public static func hinted(
        _ name: String,
        label: String,
        hint: String,
        value: String,
        type: String = "text",
        lang: String? = nil,
        errors: ValidationErrors,
        t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        let id = "field-" + name
        return el("div", ["class": messages.isEmpty ? "field" : "field field-invalid"]) {
            el("label", ["for": id]) { label }
            el("p", ["class": "hint", "id": id + "-hint"]) { hint }
            errorList(messages, id: id, t: t)
            void(
                "input",
                [
                    "id": id, "name": name, "type": type, "value": value, "lang": lang,
                    "aria-invalid": messages.isEmpty ? nil : "true",
                    "aria-describedby": messages.isEmpty ? id + "-hint" : id + "-hint " + id + "-errors",
                ])
        }
    }

    /// A group of checkboxes sharing one name, in a fieldset with a legend.
    public static func checkboxes(
        _ name: String,
        legend: String,
        options: [(value: String, label: String)],
        checked: Set<String>,
        errors: ValidationErrors,
        t: Translator
    ) -> Node {
        let messages = errors.messages(for: name)
        return el("fieldset", ["class": messages.isEmpty ? "field choices" : "field choices field-invalid"]) {
            el("legend") { legend }
            errorList(messages, id: "field-" + name, t: t)
            el("div", ["class": "choice-list"]) {
                for (index, option) in options.enumerated() {
                    el("div", ["class": "field-check"]) {
                        void(
                            "input",
                            [
                                "id": "field-\(name)-\(index)", "name": name, "type": "checkbox", "value": option.value,
                                "checked": checked.contains(option.value) ? "checked" : nil,
                            ])
                        el("label", ["for": "field-\(name)-\(index)"]) { option.label }
                    }
                }
            }
        }
    }

    static func errorList(_ messages: [String], id: String, t: Translator) -> Node {
        guard !messages.isEmpty else { return .fragment([]) }
        return el("ul", ["class": "field-errors", "id": id + "-errors"]) {
            for key in messages { el("li") { t(key) } }
        }
    }

    /// A summary at the top of a form that failed, so screen readers hear it first.
    public static func summary(_ errors: ValidationErrors, t: Translator) -> Node {
        guard !errors.isEmpty else { return .fragment([]) }
        return el("div", ["class": "error-summary", "role": "alert"]) {
            el("p") { t("common.form.has_errors") }
        }
    }
}
