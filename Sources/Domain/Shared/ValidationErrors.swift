/// Field → translation keys of the problems found. Empty means valid.
///
/// Keys are catalogue keys (`accounts.errors.email.invalid`), so every surface can translate them.
public struct ValidationErrors: Error, Hashable, Sendable {
    public private(set) var fields: [String: [String]]

    public init(_ fields: [String: [String]] = [:]) {
        self.fields = fields
    }

    public var isEmpty: Bool { fields.isEmpty }

    public mutating func add(_ key: String, to field: String) {
        fields[field, default: []].append(key)
    }

    /// Adds `key` to `field` when `condition` is false.
    public mutating func require(_ condition: Bool, _ key: String, field: String) {
        if !condition { add(key, to: field) }
    }

    public func messages(for field: String) -> [String] { fields[field] ?? [] }

    /// What a typed code names, found by `find`: `nil` for an empty code, and `key` on `field` for a code that names
    /// nothing (a filter's category, area or language).
    public mutating func lookup<Value>(_ code: String, field: String, _ key: String, _ find: (String) -> Value?)
        -> Value?
    {
        guard !code.isEmpty else { return nil }
        let value = find(code)
        require(value != nil, key, field: field)
        return value
    }

    /// Adds another check's problems, each field name after `prefix` (`actions.csv, line 3: ` + `status`).
    public mutating func add(_ other: ValidationErrors, prefix: String = "") {
        for (field, keys) in other.fields {
            for key in keys { add(key, to: prefix + field) }
        }
    }

    /// Throws `self` when any problem was recorded.
    public func throwIfAny() throws {
        if !isEmpty { throw self }
    }
}

/// A use case's refusal because the actor may not do this.
public struct NotPermitted: Error, Hashable, Sendable {
    public init() {}
}

/// The record asked for does not exist (or is not visible to the actor).
public struct NotFound: Error, Hashable, Sendable {
    public init() {}
}
