import Foundation

/// A typed identifier: `Identifier<City>` and `Identifier<Person>` cannot be mixed up.
///
/// IDs are generated in Swift (never by the database) so the same code runs on every engine.
public struct Identifier<Tag>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID = UUID()) {
        self.rawValue = rawValue
    }

    /// Parses the canonical text form; `nil` for anything else.
    public init?(string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.rawValue = uuid
    }

    public var description: String { rawValue.uuidString.lowercased() }
}
