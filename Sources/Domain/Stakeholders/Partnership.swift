import Foundation

public typealias PartnershipID = Identifier<Partnership>

/// A typed, dated tie between two organisations.
public struct Partnership: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case jointProject = "joint_project"
        case referral
        case funding
        case sharedPremises = "shared_premises"
        case other
    }

    public var id: PartnershipID
    public var cityID: CityID
    public var kind: Kind
    public var first: OrganisationID
    public var second: OrganisationID
    public var since: CalendarDay?
    public var until: CalendarDay?
    public var note: String

    public init(
        id: PartnershipID = PartnershipID(), cityID: CityID, kind: Kind, first: OrganisationID,
        second: OrganisationID, since: CalendarDay? = nil, until: CalendarDay? = nil, note: String = ""
    ) {
        self.id = id
        self.cityID = cityID
        self.kind = kind
        self.first = first
        self.second = second
        self.since = since
        self.until = until
        self.note = note
    }

    public func involves(_ organisation: OrganisationID) -> Bool { first == organisation || second == organisation }
}

/// A partnership as typed into a form or sent to the API.
public struct PartnershipInput: Hashable, Sendable {
    public var kind: String
    public var first: String
    public var second: String
    public var since: String
    public var until: String
    public var note: String

    public init(
        kind: String = Partnership.Kind.jointProject.rawValue, first: String = "", second: String = "",
        since: String = "", until: String = "", note: String = ""
    ) {
        self.kind = kind
        self.first = first
        self.second = second
        self.since = since
        self.until = until
        self.note = note
    }

    /// Checks the fields against the city's organisations.
    public func validate(city: CityID, organisations: Set<OrganisationID>, id: PartnershipID = PartnershipID())
        throws(ValidationErrors) -> Partnership
    {
        var errors = ValidationErrors()
        let kind = Partnership.Kind(rawValue: kind)
        errors.require(kind != nil, "stakeholders.errors.kind.invalid", field: "kind")
        let first = OrganisationID(string: first).flatMap { organisations.contains($0) ? $0 : nil }
        let second = OrganisationID(string: second).flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(first != nil, "stakeholders.errors.organisation.unknown", field: "first")
        errors.require(second != nil, "stakeholders.errors.organisation.unknown", field: "second")
        if let first, let second {
            errors.require(first != second, "stakeholders.errors.partnership.same", field: "second")
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(note.count <= 2_000, "common.errors.too_long", field: "note")
        let (since, until) = PeriodInput.validate(since: since, until: until, errors: &errors)
        if !errors.isEmpty { throw errors }
        return Partnership(
            id: id, cityID: city, kind: kind!, first: first!, second: second!, since: since, until: until, note: note)
    }
}

/// Where partnerships are kept.
public protocol PartnershipRepository: Sendable {
    func list(city: CityID) async throws -> [Partnership]
    func list(organisation: OrganisationID) async throws -> [Partnership]
    func find(id: PartnershipID) async throws -> Partnership?
    func save(_ partnership: Partnership) async throws
    func delete(id: PartnershipID) async throws
}
