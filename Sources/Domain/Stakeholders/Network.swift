import Foundation

public typealias NetworkID = Identifier<Network>
public typealias MembershipID = Identifier<NetworkMembership>

/// A group of organisations working together: a local group, a volunteer network.
public struct Network: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case localGroup = "local_group"
        case volunteerNetwork = "volunteer_network"
        case thematic
        case other
    }

    public var id: NetworkID
    public var cityID: CityID
    public var kind: Kind
    public var name: LocalizedText
    public var description: LocalizedText
    public var createdAt: Date

    public init(
        id: NetworkID = NetworkID(), cityID: CityID, kind: Kind, name: LocalizedText,
        description: LocalizedText = .init(), createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.kind = kind
        self.name = name
        self.description = description
        self.createdAt = createdAt
    }
}

/// An organisation's membership of a network, with its role and period.
public struct NetworkMembership: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case lead
        case member
        case observer
    }

    public var id: MembershipID
    public var networkID: NetworkID
    public var organisationID: OrganisationID
    public var role: Role
    public var since: CalendarDay?
    public var until: CalendarDay?

    public init(
        id: MembershipID = MembershipID(), networkID: NetworkID, organisationID: OrganisationID, role: Role,
        since: CalendarDay? = nil, until: CalendarDay? = nil
    ) {
        self.id = id
        self.networkID = networkID
        self.organisationID = organisationID
        self.role = role
        self.since = since
        self.until = until
    }

    /// Whether the membership holds on a day.
    public func isActive(on day: CalendarDay) -> Bool {
        (since.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }
}

/// A network as typed into a form or sent to the API.
public struct NetworkInput: Hashable, Sendable {
    public var kind: String
    public var names: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]

    public init(
        kind: String = Network.Kind.localGroup.rawValue, names: [LanguageCode: String] = [:],
        descriptions: [LanguageCode: String] = [:]
    ) {
        self.kind = kind
        self.names = names
        self.descriptions = descriptions
    }

    public func validate() throws(ValidationErrors) -> (
        kind: Network.Kind, names: [LanguageCode: String], descriptions: [LanguageCode: String]
    ) {
        var errors = ValidationErrors()
        let kind = Network.Kind(rawValue: kind)
        errors.require(kind != nil, "stakeholders.errors.kind.invalid", field: "kind")
        let names = names.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        errors.require(!names.isEmpty, "stakeholders.errors.name.missing", field: "name")
        errors.require(names.values.allSatisfy { $0.count <= 200 }, "stakeholders.errors.name.too_long", field: "name")
        let descriptions = descriptions.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.value.isEmpty }
        errors.require(
            descriptions.values.allSatisfy { $0.count <= 5_000 }, "stakeholders.errors.description.too_long",
            field: "description")
        if !errors.isEmpty { throw errors }
        return (kind!, names, descriptions)
    }
}

/// A period typed as two optional dates; the end may not come before the start.
public enum PeriodInput {
    public static func validate(since: String, until: String, errors: inout ValidationErrors) -> (
        CalendarDay?, CalendarDay?
    ) {
        let sinceText = since.trimmingCharacters(in: .whitespaces)
        let untilText = until.trimmingCharacters(in: .whitespaces)
        let start = sinceText.isEmpty ? nil : CalendarDay(sinceText)
        let end = untilText.isEmpty ? nil : CalendarDay(untilText)
        errors.require(sinceText.isEmpty || start != nil, "stakeholders.errors.date.invalid", field: "since")
        errors.require(untilText.isEmpty || end != nil, "stakeholders.errors.date.invalid", field: "until")
        if let start, let end {
            errors.require(start <= end, "stakeholders.errors.period.reversed", field: "until")
        }
        return (start, end)
    }
}

/// Where networks and their memberships are kept.
public protocol NetworkRepository: Sendable {
    func list(city: CityID) async throws -> [Network]
    func find(id: NetworkID) async throws -> Network?
    func create(_ network: Network) async throws
    func update(_ network: Network) async throws
    func members(of network: NetworkID) async throws -> [NetworkMembership]
    func memberships(of organisation: OrganisationID) async throws -> [NetworkMembership]
    func findMembership(id: MembershipID) async throws -> NetworkMembership?
    func saveMembership(_ membership: NetworkMembership) async throws
    func deleteMembership(id: MembershipID) async throws
}
