import Foundation

public typealias RiskID = Identifier<Risk>

/// Something that could keep an action from succeeding, how likely and how bad, and what is done about it.
public struct Risk: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case open
        case mitigated
        case occurred
        case closed
    }

    /// How a risk ranks: likelihood × impact on a 1–5 scale each.
    public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case low
        case medium
        case high
        case critical

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public static let scale = 1...5

    public var id: RiskID
    public var actionID: PlanActionID
    public var description: LocalizedText
    /// 1 (rare) to 5 (almost certain).
    public var likelihood: Int
    /// 1 (minor) to 5 (severe).
    public var impact: Int
    public var mitigation: LocalizedText
    /// The organisation that watches the risk.
    public var ownerID: OrganisationID?
    public var status: Status

    public init(
        id: RiskID = RiskID(), actionID: PlanActionID, description: LocalizedText, likelihood: Int, impact: Int,
        mitigation: LocalizedText = .init(), ownerID: OrganisationID? = nil, status: Status = .open
    ) {
        self.id = id
        self.actionID = actionID
        self.description = description
        self.likelihood = likelihood
        self.impact = impact
        self.mitigation = mitigation
        self.ownerID = ownerID
        self.status = status
    }

    /// Likelihood × impact: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
    public var severity: Severity {
        Self.severity(likelihood: likelihood, impact: impact)
    }

    public static func severity(likelihood: Int, impact: Int) -> Severity {
        switch likelihood * impact {
        case ..<5: return .low
        case 5..<10: return .medium
        case 10..<20: return .high
        default: return .critical
        }
    }

    /// Whether the risk still needs watching.
    public var isLive: Bool { status == .open || status == .occurred }
}
