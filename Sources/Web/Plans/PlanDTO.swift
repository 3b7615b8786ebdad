import Domain
import Foundation

/// A whole plan as exchanged in JSON (`arrival-plan/1`): every part with its id, so references survive the
/// round trip; translatable texts keep each language's translation status. Imported plans get new ids.
struct PlanDTO: Codable {
    struct Objective: Codable {
        var id: String
        var number: Int
        var title: LocalizedText
    }

    struct Action: Codable {
        var id: String
        var objectiveId: String
        var number: Int
        var title: LocalizedText
        var description: LocalizedText
        /// Year → lead organisation ids.
        var leads: [String: [String]]
        var partnerIds: [String]
        var firstYear: Int
        var lastYear: Int
        var fundingSource: LocalizedText
        var budgetCents: Int?
        var status: PlanAction.Status
    }

    struct Rule: Codable {
        var name: String
        var eventKind: String?
        var networkId: String?
        var minimumAttendance: Int?
        var placeKind: String?
    }

    struct KPIEntry: Codable {
        var id: String
        var actionId: String
        var description: LocalizedText
        var unit: String
        var baseline: Double?
        /// A number, or the string `"yes"`.
        var target: Target
        var direction: KPI.Direction
        var period: KPI.Period
        var due: CalendarDay
        var rule: Rule?
    }

    enum Target: Codable {
        case number(Double)
        case yes

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if try container.decode(String.self) == "yes" {
                self = .yes
            } else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "target"))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .yes: try container.encode("yes")
            }
        }
    }

    struct RiskEntry: Codable {
        var id: String
        var actionId: String
        var description: LocalizedText
        var likelihood: Int
        var impact: Int
        var mitigation: LocalizedText
        var ownerId: String?
        var status: Risk.Status
    }

    struct Note: Codable {
        var id: String
        var actionId: String
        var day: CalendarDay
        var status: PlanAction.Status
        var text: String
        var organisationId: String?
        var createdAt: Date
    }

    struct MeasurementEntry: Codable {
        var id: String
        var kpiId: String
        var day: CalendarDay
        var value: Double
        var evidence: String
        var createdAt: Date
    }

    struct Contribution: Codable {
        var id: String
        var year: Int
        var actionId: String
        var organisationId: String
        var text: String
        var updatedAt: Date
    }

    struct Lock: Codable {
        var year: Int
        var lockedAt: Date
    }

    var format = "arrival-plan/1"
    var id: String
    var title: LocalizedText
    var goal: LocalizedText
    var firstYear: Int
    var lastYear: Int
    var objectives: [Objective]
    var actions: [Action]
    var kpis: [KPIEntry]
    var risks: [RiskEntry]
    var notes: [Note]
    var measurements: [MeasurementEntry]
    var contributions: [Contribution]
    var locks: [Lock]
}
