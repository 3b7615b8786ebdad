import Foundation

/// A plan's own fields as typed into a form.
public struct PlanInput: Hashable, Sendable {
    public var titles: [LanguageCode: String]
    public var goals: [LanguageCode: String]
    public var firstYear: String
    public var lastYear: String

    public init(
        titles: [LanguageCode: String] = [:], goals: [LanguageCode: String] = [:], firstYear: String = "",
        lastYear: String = ""
    ) {
        self.titles = titles
        self.goals = goals
        self.firstYear = firstYear
        self.lastYear = lastYear
    }

    public init(_ plan: ActionPlan) {
        self.init(
            titles: plan.title.texts, goals: plan.goal.texts, firstYear: String(plan.firstYear),
            lastYear: String(plan.lastYear))
    }

    /// Checks the fields and applies them to `plan`.
    public func apply(to plan: inout ActionPlan, original: LanguageCode) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let titles = PlanInput.trimmed(titles)
        errors.require(!titles.isEmpty, "plans.errors.title.missing", field: "title")
        errors.require(titles.values.allSatisfy { $0.count <= 200 }, "common.errors.too_long", field: "title")
        let goals = PlanInput.trimmed(goals)
        errors.require(goals.values.allSatisfy { $0.count <= 5_000 }, "common.errors.too_long", field: "goal")
        let period = Self.period(firstYear, lastYear, errors: &errors)
        try errors.throwIfAnyValidation()
        plan.title = plan.title.updated(with: titles, original: original)
        plan.goal = plan.goal.updated(with: goals, original: original)
        plan.firstYear = period!.first
        plan.lastYear = period!.last
    }

    /// Reads a period of years: both present, between 1900 and 2200, the last not before the first.
    static func period(_ first: String, _ last: String, errors: inout ValidationErrors) -> (first: Int, last: Int)? {
        let firstYear = Int(first.trimmingCharacters(in: .whitespaces))
        let lastYear = Int(last.trimmingCharacters(in: .whitespaces))
        errors.require(firstYear.map { (1900...2200).contains($0) } ?? false, "plans.errors.year", field: "first_year")
        errors.require(lastYear.map { (1900...2200).contains($0) } ?? false, "plans.errors.year", field: "last_year")
        guard let firstYear, let lastYear, (1900...2200).contains(firstYear), (1900...2200).contains(lastYear) else {
            return nil
        }
        errors.require(firstYear <= lastYear, "plans.errors.period.reversed", field: "last_year")
        return firstYear <= lastYear ? (firstYear, lastYear) : nil
    }

    static func trimmed(_ texts: [LanguageCode: String]) -> [LanguageCode: String] {
        texts.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
    }
}

/// An objective as typed into a form.
public struct ObjectiveInput: Hashable, Sendable {
    public var number: String
    public var titles: [LanguageCode: String]

    public init(number: String = "", titles: [LanguageCode: String] = [:]) {
        self.number = number
        self.titles = titles
    }

    public func apply(to objective: inout PlanObjective, original: LanguageCode) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let number = Int(number.trimmingCharacters(in: .whitespaces))
        errors.require(number.map { (1...99).contains($0) } ?? false, "plans.errors.number", field: "number")
        let titles = PlanInput.trimmed(titles)
        errors.require(!titles.isEmpty, "plans.errors.title.missing", field: "title")
        errors.require(titles.values.allSatisfy { $0.count <= 500 }, "common.errors.too_long", field: "title")
        try errors.throwIfAnyValidation()
        objective.number = number!
        objective.title = objective.title.updated(with: titles, original: original)
    }
}

/// A status note as typed by someone responsible for an action.
public struct StatusNoteInput: Hashable, Sendable {
    public var status: String
    public var text: String
    public var organisation: String

    public init(status: String = "", text: String = "", organisation: String = "") {
        self.status = status
        self.text = text
        self.organisation = organisation
    }

    /// `organisations` are those the author may write for; an empty choice means writing as the city.
    public func validate(organisations: Set<OrganisationID>, mayWriteAsCity: Bool) throws(ValidationErrors) -> (
        status: PlanAction.Status, text: String, organisation: OrganisationID?
    ) {
        var errors = ValidationErrors()
        let status = PlanAction.Status(rawValue: status)
        errors.require(status != nil, "plans.errors.status.invalid", field: "status")
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!text.isEmpty, "common.errors.required", field: "text")
        errors.require(text.count <= 5_000, "common.errors.too_long", field: "text")
        let chosen = organisation.trimmingCharacters(in: .whitespaces)
        let organisationID = OrganisationID(string: chosen).flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(
            chosen.isEmpty ? mayWriteAsCity : organisationID != nil, "stakeholders.errors.organisation.unknown",
            field: "organisation")
        try errors.throwIfAnyValidation()
        return (status!, text, organisationID)
    }
}

/// A manual KPI value as typed into a form.
public struct MeasurementInput: Hashable, Sendable {
    public var day: String
    public var value: String
    public var evidence: String

    public init(day: String = "", value: String = "", evidence: String = "") {
        self.day = day
        self.value = value
        self.evidence = evidence
    }

    static let yesNo: [String: Double] = [
        "yes": 1, "no": 0, "1": 1, "0": 0, "kyllä": 1, "ei": 0, "ja": 1, "nej": 0, "نعم": 1, "لا": 0,
    ]

    public func validate(kpi: KPI, today: CalendarDay) throws(ValidationErrors) -> (
        day: CalendarDay, value: Double, evidence: String
    ) {
        var errors = ValidationErrors()
        let day = CalendarDay(day)
        errors.require(day != nil, "stakeholders.errors.date.invalid", field: "day")
        if let day { errors.require(day <= today, "plans.errors.day.future", field: "day") }
        let typed = value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        var number: Double?
        if kpi.target == .yes {
            // The yes and no of every supported language, and 1 / 0.
            number = Self.yesNo[typed.lowercased()]
            errors.require(number != nil, "plans.errors.value.yes_no", field: "value")
        } else {
            number = Double(typed).flatMap { $0.isFinite ? $0 : nil }
            errors.require(number != nil, "plans.errors.value.number", field: "value")
        }
        let evidence = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(evidence.count <= 2_000, "common.errors.too_long", field: "evidence")
        try errors.throwIfAnyValidation()
        return (day!, number!, evidence)
    }
}

extension ValidationErrors {
    /// Throws `self` with the typed error when any problem was recorded.
    func throwIfAnyValidation() throws(ValidationErrors) {
        if !isEmpty { throw self }
    }
}

extension LocalizedText {
    /// The texts by language, for filling a form.
    public var texts: [LanguageCode: String] { translations.mapValues(\.text) }
}
