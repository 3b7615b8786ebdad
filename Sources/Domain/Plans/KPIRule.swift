import Foundation

/// How a KPI's value is computed from the platform's own records, chosen from a small documented set.
///
/// "Events of a kind for a network" means events of that kind held for the network, or organised by an
/// organisation that was a member of it on the event's day. Cancelled and draft events never count.
///
/// | rule | value for a year |
/// |---|---|
/// | `event_count` | how many such events took place, counting only those with at least `min` people when set |
/// | `event_attendance` | the lowest attendance of one such event (so "at least 60 per forum" reads directly) |
/// | `event_cost` | the highest cost of one such event, in euros (events without a recorded cost are left out) |
/// | `sectors_attending` | how many different sectors attended such events |
/// | `network_members` | member organisations of the network on the year's last day (today for this year) |
/// | `place_bookings` | confirmed bookings starting in the year, of places of the kind (any kind when unset) |
/// | `network_meetings` | network meetings held for the network or by its members |
public enum KPIRule: Hashable, Sendable {
    case eventCount(kind: Event.Kind, network: NetworkID?, minimumAttendance: Int?)
    case eventAttendance(kind: Event.Kind, network: NetworkID?)
    case eventCost(kind: Event.Kind, network: NetworkID?)
    case sectorsAttending(kind: Event.Kind, network: NetworkID?)
    case networkMembers(network: NetworkID)
    case placeBookings(placeKind: Place.Kind?)
    case networkMeetings(network: NetworkID)

    /// The rule names, as stored, exported and offered in forms.
    public enum Name: String, Hashable, Sendable, CaseIterable {
        case eventCount = "event_count"
        case eventAttendance = "event_attendance"
        case eventCost = "event_cost"
        case sectorsAttending = "sectors_attending"
        case networkMembers = "network_members"
        case placeBookings = "place_bookings"
        case networkMeetings = "network_meetings"

        /// Whether the rule reads events of a kind (and so needs one).
        public var needsEventKind: Bool {
            [.eventCount, .eventAttendance, .eventCost, .sectorsAttending].contains(self)
        }

        public var needsNetwork: Bool { self == .networkMembers || self == .networkMeetings }
    }

    public var name: Name {
        switch self {
        case .eventCount: return .eventCount
        case .eventAttendance: return .eventAttendance
        case .eventCost: return .eventCost
        case .sectorsAttending: return .sectorsAttending
        case .networkMembers: return .networkMembers
        case .placeBookings: return .placeBookings
        case .networkMeetings: return .networkMeetings
        }
    }

    public var eventKind: Event.Kind? {
        switch self {
        case .eventCount(let kind, _, _), .eventAttendance(let kind, _), .eventCost(let kind, _),
            .sectorsAttending(let kind, _):
            return kind
        case .networkMeetings: return .networkMeeting
        case .networkMembers, .placeBookings: return nil
        }
    }

    public var networkID: NetworkID? {
        switch self {
        case .eventCount(_, let network, _), .eventAttendance(_, let network), .eventCost(_, let network),
            .sectorsAttending(_, let network):
            return network
        case .networkMembers(let network), .networkMeetings(let network): return network
        case .placeBookings: return nil
        }
    }

    public var minimumAttendance: Int? {
        if case .eventCount(_, _, let minimum) = self { return minimum }
        return nil
    }

    public var placeKind: Place.Kind? {
        if case .placeBookings(let kind) = self { return kind }
        return nil
    }

    /// Builds a rule from its parts; `nil` when a part the rule needs is missing.
    public init?(
        name: Name, eventKind: Event.Kind?, network: NetworkID?, minimumAttendance: Int?, placeKind: Place.Kind?
    ) {
        switch name {
        case .eventCount:
            guard let eventKind else { return nil }
            self = .eventCount(kind: eventKind, network: network, minimumAttendance: minimumAttendance)
        case .eventAttendance:
            guard let eventKind else { return nil }
            self = .eventAttendance(kind: eventKind, network: network)
        case .eventCost:
            guard let eventKind else { return nil }
            self = .eventCost(kind: eventKind, network: network)
        case .sectorsAttending:
            guard let eventKind else { return nil }
            self = .sectorsAttending(kind: eventKind, network: network)
        case .networkMembers:
            guard let network else { return nil }
            self = .networkMembers(network: network)
        case .placeBookings:
            self = .placeBookings(placeKind: placeKind)
        case .networkMeetings:
            guard let network else { return nil }
            self = .networkMeetings(network: network)
        }
    }

    /// The rule as one line of text, `event_count kind=cooperation_forum network=<id> min=60`, for storage and CSV.
    public var text: String {
        var parts = [name.rawValue]
        if name.needsEventKind, let kind = eventKind { parts.append("kind=" + kind.rawValue) }
        if let network = networkID { parts.append("network=" + network.description) }
        if let minimum = minimumAttendance { parts.append("min=\(minimum)") }
        if let place = placeKind { parts.append("place_kind=" + place.rawValue) }
        return parts.joined(separator: " ")
    }

    /// Reads `text`; unknown names, kinds or parts give `nil`.
    public init?(text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first, let name = Name(rawValue: first) else { return nil }
        var kind: Event.Kind?
        var network: NetworkID?
        var minimum: Int?
        var placeKind: Place.Kind?
        for word in words.dropFirst() {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return nil }
            switch pair[0] {
            case "kind": kind = Event.Kind(rawValue: pair[1])
            case "network": network = NetworkID(string: pair[1])
            case "min": minimum = Int(pair[1])
            case "place_kind": placeKind = Place.Kind(rawValue: pair[1])
            default: return nil
            }
            // A part that is present but unreadable makes the whole rule unreadable.
            if (pair[0] == "kind" && kind == nil) || (pair[0] == "network" && network == nil)
                || (pair[0] == "min" && minimum == nil) || (pair[0] == "place_kind" && placeKind == nil)
            {
                return nil
            }
        }
        self.init(
            name: name, eventKind: kind, network: network, minimumAttendance: minimum, placeKind: placeKind)
    }
}
