import Foundation

/// The picture of a network: its current members on a circle and the partnerships between them as lines.
/// Pure geometry, so the drawing is the same on every server and easy to test.
public struct NetworkGraph: Hashable, Sendable {
    public struct Node: Hashable, Sendable {
        public var organisation: OrganisationID
        public var x: Double
        public var y: Double
    }

    public struct Edge: Hashable, Sendable {
        public var partnership: PartnershipID
        public var kind: Partnership.Kind
        public var from: OrganisationID
        public var to: OrganisationID
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public var size: Double

    /// Lays out `members` (in the order given) evenly on a circle in a square of `size`, and keeps the
    /// partnerships active on `day` whose both ends are members.
    public init(members: [OrganisationID], partnerships: [Partnership], on day: CalendarDay, size: Double = 480) {
        self.size = size
        let centre = size / 2
        let radius = size * 0.36
        nodes = members.enumerated().map { index, organisation in
            let angle = 2 * Double.pi * Double(index) / Double(max(members.count, 1)) - Double.pi / 2
            let x = members.count == 1 ? centre : centre + radius * cos(angle)
            let y = members.count == 1 ? centre : centre + radius * sin(angle)
            return Node(organisation: organisation, x: (x * 10).rounded() / 10, y: (y * 10).rounded() / 10)
        }
        let present = Set(members)
        edges = partnerships.filter { partnership in
            present.contains(partnership.first) && present.contains(partnership.second)
                && (partnership.since.map { $0 <= day } ?? true) && (partnership.until.map { day <= $0 } ?? true)
        }.map { Edge(partnership: $0.id, kind: $0.kind, from: $0.first, to: $0.second) }
    }

    public func node(_ organisation: OrganisationID) -> Node? { nodes.first { $0.organisation == organisation } }
}
