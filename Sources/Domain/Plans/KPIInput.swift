import Foundation

/// A KPI as typed into a form: its target, and either manual measurement or a rule with its parts.
public struct KPIInput: Hashable, Sendable {
    public var descriptions: [LanguageCode: String]
    public var unit: String
    public var baseline: String
    /// `number` or `yes`.
    public var targetType: String
    public var target: String
    public var direction: String
    public var period: String
    public var due: String
    /// `manual` or a rule name.
    public var measure: String
    public var eventKind: String
    public var network: String
    public var minimumAttendance: String
    public var placeKind: String

    public init(
        descriptions: [LanguageCode: String] = [:], unit: String = "", baseline: String = "",
        targetType: String = "number", target: String = "", direction: String = KPI.Direction.atLeast.rawValue,
        period: String = KPI.Period.yearly.rawValue, due: String = "", measure: String = "manual",
        eventKind: String = "", network: String = "", minimumAttendance: String = "", placeKind: String = ""
    ) {
        self.descriptions = descriptions
        self.unit = unit
        self.baseline = baseline
        self.targetType = targetType
        self.target = target
        self.direction = direction
        self.period = period
        self.due = due
        self.measure = measure
        self.eventKind = eventKind
        self.network = network
        self.minimumAttendance = minimumAttendance
        self.placeKind = placeKind
    }

    public init(_ kpi: KPI) {
        let target: (type: String, value: String) =
            switch kpi.target {
            case .yes: ("yes", "")
            case .number(let value): ("number", KPIInput.format(value))
            }
        self.init(
            descriptions: kpi.description.texts, unit: kpi.unit, baseline: kpi.baseline.map(Self.format) ?? "",
            targetType: target.type, target: target.value, direction: kpi.direction.rawValue,
            period: kpi.period.rawValue, due: kpi.due.description, measure: kpi.rule?.name.rawValue ?? "manual",
            eventKind: kpi.rule?.eventKind.map(\.rawValue) ?? "", network: kpi.rule?.networkID?.description ?? "",
            minimumAttendance: kpi.rule?.minimumAttendance.map(String.init) ?? "",
            placeKind: kpi.rule?.placeKind?.rawValue ?? "")
    }

    /// A number as people write it: no trailing `.0`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
            .flatMap { $0.isFinite ? $0 : nil }
    }

    /// Checks every field: the target must fit its type, a rule must name a known event kind and network.
    public func apply(to kpi: inout KPI, networks: Set<NetworkID>, original: LanguageCode) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let descriptions = PlanInput.trimmed(descriptions)
        errors.require(!descriptions.isEmpty, "common.errors.required", field: "description")
        errors.require(
            descriptions.values.allSatisfy { $0.count <= 2_000 }, "common.errors.too_long", field: "description")
        let unit = unit.trimmingCharacters(in: .whitespaces)
        errors.require(unit.count <= 40, "common.errors.too_long", field: "unit")
        let baselineText = baseline.trimmingCharacters(in: .whitespaces)
        let baseline = baselineText.isEmpty ? nil : Self.number(baselineText)
        errors.require(baselineText.isEmpty || baseline != nil, "plans.errors.value.number", field: "baseline")
        let targetText = target.trimmingCharacters(in: .whitespaces)
        var target: KPI.Target?
        switch targetType {
        case "yes":
            target = .yes
            errors.require(targetText.isEmpty, "plans.errors.target.yes_with_number", field: "target")
        case "number":
            target = Self.number(targetText).map(KPI.Target.number)
            errors.require(target != nil, "plans.errors.target.not_number", field: "target")
        default:
            errors.add("plans.errors.target.type", to: "target_type")
        }
        let direction = KPI.Direction(rawValue: direction)
        errors.require(direction != nil, "plans.errors.direction", field: "direction")
        let period = KPI.Period(rawValue: period)
        errors.require(period != nil, "plans.errors.kpi_period", field: "period")
        let due = CalendarDay(due)
        errors.require(due != nil, "stakeholders.errors.date.invalid", field: "due")
        let rule = self.rule(networks: networks, errors: &errors)
        try errors.throwIfAnyValidation()
        kpi.description = kpi.description.updated(with: descriptions, original: original)
        kpi.unit = unit
        kpi.baseline = baseline
        kpi.target = target!
        kpi.direction = direction!
        kpi.period = period!
        kpi.due = due!
        kpi.rule = rule
    }

    private func rule(networks: Set<NetworkID>, errors: inout ValidationErrors) -> KPIRule? {
        guard measure != "manual" else { return nil }
        guard let name = KPIRule.Name(rawValue: measure) else {
            errors.add("plans.errors.rule.unknown", to: "measure")
            return nil
        }
        let kind = Event.Kind(rawValue: eventKind)
        if name.needsEventKind {
            errors.require(kind != nil, "plans.errors.rule.event_kind", field: "event_kind")
        }
        let networkText = network.trimmingCharacters(in: .whitespaces)
        let networkID = NetworkID(string: networkText).flatMap { networks.contains($0) ? $0 : nil }
        errors.require(networkText.isEmpty || networkID != nil, "plans.errors.rule.network", field: "network")
        if name.needsNetwork {
            errors.require(networkID != nil || !networkText.isEmpty, "plans.errors.rule.network", field: "network")
        }
        let minimumText = minimumAttendance.trimmingCharacters(in: .whitespaces)
        let minimum = Int(minimumText)
        errors.require(
            minimumText.isEmpty || (minimum.map { $0 >= 0 } ?? false), "plans.errors.value.number",
            field: "minimum_attendance")
        let placeKind = Place.Kind(rawValue: placeKind)
        errors.require(
            self.placeKind.isEmpty || placeKind != nil, "plans.errors.rule.place_kind", field: "place_kind")
        return KPIRule(
            name: name, eventKind: kind, network: networkID, minimumAttendance: minimum, placeKind: placeKind)
    }
}
