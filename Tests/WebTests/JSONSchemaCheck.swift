import Foundation

/// Checks decoded JSON (from `JSONSerialization`) against a schema of an OpenAPI 3.1 document, for the part of JSON
/// Schema the document uses: `$ref` to its components, `type` (one or several, `null` among them), `enum`, `const`,
/// `oneOf`,
/// `properties`, `required`, `additionalProperties` (false or a schema), `items`, `minItems`/`maxItems`,
/// `minimum`/`maximum`, `maxLength`, `pattern`, and the formats `date`, `date-time`, `uuid` and `uri` (loosely). A
/// keyword it does not know is reported as a problem, so nothing passes unchecked.
struct JSONSchemaCheck {
    /// `components/schemas` of the document.
    let components: [String: Any]

    init(document: [String: Any]) {
        components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
    }

    /// Keywords that only describe.
    static let annotations: Set<String> = ["description", "title", "contentMediaType", "examples"]

    static let checked: Set<String> = [
        "$ref", "type", "enum", "const", "oneOf", "properties", "required", "additionalProperties", "items", "minItems",
        "maxItems", "minimum", "maximum", "maxLength", "minLength", "pattern", "format",
    ]

    /// What is wrong with `value`, one line each; empty when it matches.
    func problems(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        let unknown = Set(schema.keys).subtracting(Self.checked).subtracting(Self.annotations)
        if !unknown.isEmpty { return ["\(path): the check does not know \(unknown.sorted())"] }
        if let reference = schema["$ref"] as? String {
            let prefix = "#/components/schemas/"
            guard reference.hasPrefix(prefix), let target = components[String(reference.dropFirst(prefix.count))]
            else { return ["\(path): unresolved \(reference)"] }
            return problems(value, against: target as? [String: Any] ?? [:], at: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { problems(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { return ["\(path): matches \(matching) of oneOf's \(options.count) schemas"] }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            guard types.contains(where: { Self.matches(value, type: $0) }) else {
                return ["\(path): \(Self.describe(value)) is not \(types.joined(separator: " or "))"]
            }
        }
        var found: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(Self.describe(value)) is not one of \(allowed)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): \(Self.describe(value)) is not \(Self.describe(constant))")
        }
        if let text = value as? String { found += stringProblems(text, schema, at: path) }
        if let number = value as? NSNumber, !Self.isBoolean(number) {
            if let minimum = schema["minimum"] as? NSNumber, number.doubleValue < minimum.doubleValue {
                found.append("\(path): \(number) is below \(minimum)")
            }
            if let maximum = schema["maximum"] as? NSNumber, number.doubleValue > maximum.doubleValue {
                found.append("\(path): \(number) is above \(maximum)")
            }
        }
        if let object = value as? [String: Any] { found += objectProblems(object, schema, at: path) }
        if let array = value as? [Any] {
            if let least = schema["minItems"] as? Int, array.count < least {
                found.append("\(path): fewer than \(least) items")
            }
            if let most = schema["maxItems"] as? Int, array.count > most {
                found.append("\(path): more than \(most) items")
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() {
                    found += problems(item, against: items, at: "\(path)[\(index)]")
                }
            }
        }
        return found
    }

    private func objectProblems(_ object: [String: Any], _ schema: [String: Any], at path: String) -> [String] {
        var found: [String] = []
        for name in schema["required"] as? [String] ?? [] where object[name] == nil {
            found.append("\(path).\(name): required but absent")
        }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for (name, child) in object.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] as? [String: Any] {
                found += problems(child, against: property, at: "\(path).\(name)")
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                found += problems(child, against: additional, at: "\(path).\(name)")
            } else if let additional = schema["additionalProperties"] as? NSNumber, Self.isBoolean(additional),
                !additional.boolValue
            {
                found.append("\(path).\(name): not in the schema")
            }
        }
        return found
    }

    private func stringProblems(_ text: String, _ schema: [String: Any], at path: String) -> [String] {
        var found: [String] = []
        if let most = schema["maxLength"] as? Int, text.count > most { found.append("\(path): longer than \(most)") }
        if let least = schema["minLength"] as? Int, text.count < least {
            found.append("\(path): shorter than \(least)")
        }
        if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        let day = #"^\d{4}-\d{2}-\d{2}"#
        let wrong: Bool =
            switch schema["format"] as? String {
            case "date": text.range(of: day + "$", options: .regularExpression) == nil
            case "date-time": text.range(of: day + #"T\d{2}:\d{2}"#, options: .regularExpression) == nil
            case "uuid": UUID(uuidString: text) == nil
            case "uri": URL(string: text)?.scheme == nil || text.contains(" ")
            default: false
            }
        if wrong { found.append("\(path): \"\(text)\" is not a \(schema["format"] ?? "")") }
        return found
    }

    /// JSON `true` and `false` come back as NSNumber with the type code of a C char; `0` and `1` as integers.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return isBoolean(value)
        case "number": return value is NSNumber && !isBoolean(value)
        case "integer":
            guard let number = value as? NSNumber, !isBoolean(value) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        default: return false
        }
    }

    static func equal(_ left: Any, _ right: Any) -> Bool {
        switch (left, right) {
        case (let left as String, let right as String): left == right
        case (let left as NSNumber, let right as NSNumber): isBoolean(left) == isBoolean(right) && left == right
        case (is NSNull, is NSNull): true
        default: false
        }
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case let text as String: "\"\(text.prefix(40))\""
        case is NSNull: "null"
        case is [String: Any]: "an object"
        case is [Any]: "an array"
        default: isBoolean(value) ? "a boolean" : "\(value)"
        }
    }
}
