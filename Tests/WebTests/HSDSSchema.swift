import Foundation

/// Reads the published HSDS 3.0 JSON schemas from `shared/data/hsds-3.0` and checks a value against the
/// parts of JSON Schema they use: type, required, properties, items, enum and the uuid, uri and email formats.
enum HSDSSchema {
    static func load(_ name: String) throws -> [String: Any] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("shared/data/hsds-3.0/schema/compiled/\(name).json")
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func problems(_ value: Any, against schema: [String: Any], path: String = "$") -> [String] {
        var problems: [String] = []
        if let type = schema["type"] as? String, !matches(value, type: type) {
            return ["\(path): expected \(type)"]
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): not one of the allowed values")
        }
        if let text = value as? String, let format = schema["format"] as? String {
            switch format {
            case "uuid" where UUID(uuidString: text) == nil: problems.append("\(path): not a uuid")
            case "uri" where URL(string: text)?.scheme == nil || text.contains(" "):
                problems.append("\(path): not a uri")
            case "email" where !text.contains("@"): problems.append("\(path): not an email")
            default: break
            }
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path).\(name): required")
            }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (name, child) in object.sorted(by: { $0.key < $1.key }) {
                guard let childSchema = properties[name] else {
                    problems.append("\(path).\(name): not in the schema")
                    continue
                }
                problems += Self.problems(child, against: childSchema, path: "\(path).\(name)")
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                problems += Self.problems(item, against: items, path: "\(path)[\(index)]")
            }
        }
        return problems
    }

    /// JSON `true` and `false` come back as NSNumber with the type code of a C char; `0` and `1` as integers,
    /// which `is Bool` would also accept.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "number": return value is NSNumber && !isBoolean(value)
        case "integer":
            return !isBoolean(value)
                && ((value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false)
        case "boolean": return isBoolean(value)
        default: return true
        }
    }
}
