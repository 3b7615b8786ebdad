import Foundation

public typealias PlanID = Identifier<ActionPlan>
public typealias ObjectiveID = Identifier<PlanObjective>
public typealias PlanActionID = Identifier<PlanAction>
public typealias StatusNoteID = Identifier<StatusNote>

/// A city's integrated action plan: one main goal for a period of years, specific objectives, and actions under them.
public struct ActionPlan: Hashable, Sendable {
    public var id: PlanID
    public var cityID: CityID
    public var title: LocalizedText
    public var goal: LocalizedText
    public var firstYear: Int
    public var lastYear: Int
    public var createdAt: Date

    public init(
        id: PlanID = PlanID(), cityID: CityID, title: LocalizedText, goal: LocalizedText, firstYear: Int,
        lastYear: Int, createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.title = title
        self.goal = goal
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.createdAt = createdAt
    }

    /// The plan's years, first to last.
    public var years: ClosedRange<Int> { firstYear...max(firstYear, lastYear) }
}

/// A specific objective of a plan, numbered in the plan's order.
public struct PlanObjective: Hashable, Sendable {
    public var id: ObjectiveID
    public var planID: PlanID
    public var number: Int
    public var title: LocalizedText

    public init(id: ObjectiveID = ObjectiveID(), planID: PlanID, number: Int, title: LocalizedText) {
        self.id = id
        self.planID = planID
        self.number = number
        self.title = title
    }
}

/// One action of a plan: who leads it in which year, with whom, when, with what money, and how it stands.
public struct PlanAction: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case planned
        case ongoing
        case done
        case dropped
    }

    public var id: PlanActionID
    public var planID: PlanID
    public var objectiveID: ObjectiveID
    public var number: Int
    public var title: LocalizedText
    public var description: LocalizedText
    /// The lead agencies by year; the lead may rotate, and a year may have several.
    public var leads: [Int: [OrganisationID]]
    public var partnerIDs: [OrganisationID]
    public var firstYear: Int
    public var lastYear: Int
    public var fundingSource: LocalizedText
    /// The budget in cents, when one is set.
    public var budgetCents: Int?
    public var status: Status

    public init(
        id: PlanActionID = PlanActionID(), planID: PlanID, objectiveID: ObjectiveID, number: Int,
        title: LocalizedText, description: LocalizedText = .init(), leads: [Int: [OrganisationID]] = [:],
        partnerIDs: [OrganisationID] = [], firstYear: Int, lastYear: Int, fundingSource: LocalizedText = .init(),
        budgetCents: Int? = nil, status: Status = .planned
    ) {
        self.id = id
        self.planID = planID
        self.objectiveID = objectiveID
        self.number = number
        self.title = title
        self.description = description
        self.leads = leads
        self.partnerIDs = partnerIDs
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.fundingSource = fundingSource
        self.budgetCents = budgetCents
        self.status = status
    }

    /// The lead agencies in a year: that year's, else the latest earlier year's (a rotation holds until it changes).
    public func leads(in year: Int) -> [OrganisationID] {
        if let exact = leads[year] { return exact }
        return leads.keys.filter { $0 < year }.max().flatMap { leads[$0] } ?? []
    }

    /// Every organisation responsible for the action in some year: leads and partners.
    public var responsibleIDs: Set<OrganisationID> {
        Set(leads.values.joined()).union(partnerIDs)
    }
}

/// A dated note on how an action stands, written by someone responsible for it.
public struct StatusNote: Hashable, Sendable {
    public var id: StatusNoteID
    public var actionID: PlanActionID
    public var day: CalendarDay
    public var status: PlanAction.Status
    public var text: String
    /// The organisation the author wrote for, if any (a coordinator writes for the city).
    public var organisationID: OrganisationID?
    /// Who wrote it; `nil` once that account is erased.
    public var authorID: PersonID?
    public var createdAt: Date

    public init(
        id: StatusNoteID = StatusNoteID(), actionID: PlanActionID, day: CalendarDay, status: PlanAction.Status,
        text: String, organisationID: OrganisationID?, authorID: PersonID?, createdAt: Date
    ) {
        self.id = id
        self.actionID = actionID
        self.day = day
        self.status = status
        self.text = text
        self.organisationID = organisationID
        self.authorID = authorID
        self.createdAt = createdAt
    }
}
