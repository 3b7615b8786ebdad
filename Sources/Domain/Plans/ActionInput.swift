import Foundation

/// An action as typed into a form: lead agencies per year and partners are organisation ids.
public struct ActionInput: Hashable, Sendable {
    public var objective: String
    public var number: String
    public var titles: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    /// Year → the organisation ids that lead it that year.
    public var leads: [Int: [String]]
    public var partners: [String]
    public var firstYear: String
    public var lastYear: String
    public var fundingSources: [LanguageCode: String]
    /// Euros, with a comma or a point.
    public var budget: String
    public var status: String

    public init(
        objective: String = "", number: String = "", titles: [LanguageCode: String] = [:],
        descriptions: [LanguageCode: String] = [:], leads: [Int: [String]] = [:], partners: [String] = [],
        firstYear: String = "", lastYear: String = "", fundingSources: [LanguageCode: String] = [:],
        budget: String = "", status: String = PlanAction.Status.planned.rawValue
    ) {
        self.objective = objective
        self.number = number
        self.titles = titles
        self.descriptions = descriptions
        self.leads = leads
        self.partners = partners
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.fundingSources = fundingSources
        self.budget = budget
        self.status = status
    }

    public init(_ action: PlanAction) {
        self.init(
            objective: action.objectiveID.description, number: String(action.number), titles: action.title.texts,
            descriptions: action.description.texts, leads: action.leads.mapValues { $0.map(\.description) },
            partners: action.partnerIDs.map(\.description), firstYear: String(action.firstYear),
            lastYear: String(action.lastYear), fundingSources: action.fundingSource.texts,
            budget: action.budgetCents.map { ActivityInput.euros($0) } ?? "", status: action.status.rawValue)
    }

    /// Checks every field against the plan (its objectives and years) and the city's organisations.
    public func apply(
        to action: inout PlanAction, plan: ActionPlan, objectives: Set<ObjectiveID>,
        organisations: Set<OrganisationID>, original: LanguageCode
    ) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let objectiveID = ObjectiveID(string: objective).flatMap { objectives.contains($0) ? $0 : nil }
        errors.require(objectiveID != nil, "plans.errors.objective.unknown", field: "objective")
        let number = Int(number.trimmingCharacters(in: .whitespaces))
        errors.require(number.map { (1...999).contains($0) } ?? false, "plans.errors.number", field: "number")
        let titles = PlanInput.trimmed(titles)
        errors.require(!titles.isEmpty, "plans.errors.title.missing", field: "title")
        errors.require(titles.values.allSatisfy { $0.count <= 500 }, "common.errors.too_long", field: "title")
        let descriptions = PlanInput.trimmed(descriptions)
        errors.require(
            descriptions.values.allSatisfy { $0.count <= 10_000 }, "common.errors.too_long", field: "description")
        let period = PlanInput.period(firstYear, lastYear, errors: &errors)
        if let period {
            errors.require(
                plan.years.contains(period.first) && plan.years.contains(period.last), "plans.errors.period.outside",
                field: "last_year")
        }
        var leadIDs: [Int: [OrganisationID]] = [:]
        for (year, ids) in leads {
            let chosen = ids.filter { !$0.isEmpty }
            guard !chosen.isEmpty else { continue }
            let known = chosen.compactMap { OrganisationID(string: $0) }.filter { organisations.contains($0) }
            errors.require(
                known.count == chosen.count, "stakeholders.errors.organisation.unknown", field: "leads_\(year)")
            errors.require(plan.years.contains(year), "plans.errors.period.outside", field: "leads_\(year)")
            leadIDs[year] = Self.unique(known)
        }
        let chosenPartners = partners.filter { !$0.isEmpty }
        let partnerIDs = chosenPartners.compactMap { OrganisationID(string: $0) }.filter { organisations.contains($0) }
        errors.require(
            partnerIDs.count == chosenPartners.count, "stakeholders.errors.organisation.unknown", field: "partners")
        let budgetText = budget.trimmingCharacters(in: .whitespaces)
        let budgetCents = budgetText.isEmpty ? nil : ActivityInput.cents(budgetText)
        errors.require(budgetText.isEmpty || budgetCents != nil, "plans.errors.budget", field: "budget")
        let status = PlanAction.Status(rawValue: status)
        errors.require(status != nil, "plans.errors.status.invalid", field: "status")
        let funding = PlanInput.trimmed(fundingSources)
        errors.require(funding.values.allSatisfy { $0.count <= 2_000 }, "common.errors.too_long", field: "funding")
        try errors.throwIfAnyValidation()
        action.objectiveID = objectiveID!
        action.number = number!
        action.title = action.title.updated(with: titles, original: original)
        action.description = action.description.updated(with: descriptions, original: original)
        action.leads = leadIDs
        action.partnerIDs = Self.unique(partnerIDs)
        action.firstYear = period!.first
        action.lastYear = period!.last
        action.fundingSource = action.fundingSource.updated(with: funding, original: original)
        action.budgetCents = budgetCents
        action.status = status!
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// A risk as typed into a form.
public struct RiskInput: Hashable, Sendable {
    public var descriptions: [LanguageCode: String]
    public var likelihood: String
    public var impact: String
    public var mitigations: [LanguageCode: String]
    public var owner: String
    public var status: String

    public init(
        descriptions: [LanguageCode: String] = [:], likelihood: String = "", impact: String = "",
        mitigations: [LanguageCode: String] = [:], owner: String = "", status: String = Risk.Status.open.rawValue
    ) {
        self.descriptions = descriptions
        self.likelihood = likelihood
        self.impact = impact
        self.mitigations = mitigations
        self.owner = owner
        self.status = status
    }

    public init(_ risk: Risk) {
        self.init(
            descriptions: risk.description.texts, likelihood: String(risk.likelihood), impact: String(risk.impact),
            mitigations: risk.mitigation.texts, owner: risk.ownerID?.description ?? "", status: risk.status.rawValue)
    }

    public func apply(to risk: inout Risk, organisations: Set<OrganisationID>, original: LanguageCode)
        throws(ValidationErrors)
    {
        var errors = ValidationErrors()
        let descriptions = PlanInput.trimmed(descriptions)
        errors.require(!descriptions.isEmpty, "common.errors.required", field: "description")
        errors.require(
            descriptions.values.allSatisfy { $0.count <= 5_000 }, "common.errors.too_long", field: "description")
        let likelihood = Int(likelihood.trimmingCharacters(in: .whitespaces))
        errors.require(likelihood.map(Risk.scale.contains) ?? false, "plans.errors.scale", field: "likelihood")
        let impact = Int(impact.trimmingCharacters(in: .whitespaces))
        errors.require(impact.map(Risk.scale.contains) ?? false, "plans.errors.scale", field: "impact")
        let mitigations = PlanInput.trimmed(mitigations)
        errors.require(
            mitigations.values.allSatisfy { $0.count <= 5_000 }, "common.errors.too_long", field: "mitigation")
        let ownerText = owner.trimmingCharacters(in: .whitespaces)
        let ownerID = OrganisationID(string: ownerText).flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(
            ownerText.isEmpty || ownerID != nil, "stakeholders.errors.organisation.unknown", field: "owner")
        let status = Risk.Status(rawValue: status)
        errors.require(status != nil, "plans.errors.status.invalid", field: "status")
        try errors.throwIfAnyValidation()
        risk.description = risk.description.updated(with: descriptions, original: original)
        risk.likelihood = likelihood!
        risk.impact = impact!
        risk.mitigation = risk.mitigation.updated(with: mitigations, original: original)
        risk.ownerID = ownerID
        risk.status = status!
    }
}
