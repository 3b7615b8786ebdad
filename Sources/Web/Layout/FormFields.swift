import Domain

/// Form controls with their label, hint and errors tied together for assistive technology.
public enum FormFields {
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
