import Foundation

public typealias VolunteerFeedbackID = Identifier<VolunteerFeedback>
public typealias VolunteeringIdeaID = Identifier<VolunteeringIdea>

/// A volunteer's view of an engagement after it ended (the VALUES toolkit asks cities to monitor volunteers' own
/// views): how it went, whether the role fitted their skills, what should change. The organisation and the city
/// read it, without the volunteer's name when they asked for that.
public struct VolunteerFeedback: Hashable, Sendable {
    public enum SkillsFit: String, Hashable, Sendable, Codable, CaseIterable {
        case yes
        case partly
        case no
    }

    public var id: VolunteerFeedbackID
    public var cityID: CityID
    public var applicationID: VolunteerApplicationID
    public var organisationID: OrganisationID
    public var opportunityID: OpportunityID
    /// `nil` when the volunteer asked to stay anonymous.
    public var personID: PersonID?
    /// 1 (badly) to 5 (very well).
    public var rating: Int
    public var skillsFit: SkillsFit
    public var change: String
    public var comments: String
    public var createdAt: Date

    public init(
        id: VolunteerFeedbackID = VolunteerFeedbackID(), cityID: CityID, applicationID: VolunteerApplicationID,
        organisationID: OrganisationID, opportunityID: OpportunityID, personID: PersonID?, rating: Int,
        skillsFit: SkillsFit, change: String, comments: String, createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.applicationID = applicationID
        self.organisationID = organisationID
        self.opportunityID = opportunityID
        self.personID = personID
        self.rating = rating
        self.skillsFit = skillsFit
        self.change = change
        self.comments = comments
        self.createdAt = createdAt
    }
}

/// Feedback as typed.
public struct FeedbackInput: Hashable, Sendable {
    public var rating: String
    public var skillsFit: String
    public var change: String
    public var comments: String
    public var anonymous: Bool

    public init(
        rating: String = "", skillsFit: String = "", change: String = "", comments: String = "",
        anonymous: Bool = false
    ) {
        self.rating = rating
        self.skillsFit = skillsFit
        self.change = change
        self.comments = comments
        self.anonymous = anonymous
    }

    public func feedback(for application: VolunteerApplication, now: Date) throws(ValidationErrors)
        -> VolunteerFeedback
    {
        var errors = ValidationErrors()
        let rating = Int(rating)
        errors.require(rating.map { (1...5).contains($0) } ?? false, "volunteering.errors.rating", field: "rating")
        let fit = VolunteerFeedback.SkillsFit(rawValue: skillsFit)
        errors.require(fit != nil, "volunteering.errors.skills_fit", field: "skills_fit")
        let change = change.trimmingCharacters(in: .whitespacesAndNewlines)
        let comments = comments.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(change.count <= 2_000, "common.errors.too_long", field: "change")
        errors.require(comments.count <= 4_000, "common.errors.too_long", field: "comments")
        if !errors.isEmpty { throw errors }
        return VolunteerFeedback(
            cityID: application.cityID, applicationID: application.id, organisationID: application.organisationID,
            opportunityID: application.opportunityID, personID: anonymous ? nil : application.personID,
            rating: rating!, skillsFit: fit!, change: change, comments: comments, createdAt: now)
    }
}

/// An idea for new volunteering, from anyone, which the city assesses.
public struct VolunteeringIdea: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case submitted
        case underReview = "under_review"
        case accepted
        case rejected
    }

    public var id: VolunteeringIdeaID
    public var cityID: CityID
    /// `nil` when given without an account.
    public var authorID: PersonID?
    public var text: String
    public var areaID: AreaID?
    public var status: Status
    /// The city's reasons, shown to the author.
    public var assessment: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: VolunteeringIdeaID = VolunteeringIdeaID(), cityID: CityID, authorID: PersonID?, text: String,
        areaID: AreaID? = nil, status: Status = .submitted, assessment: String = "", createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.authorID = authorID
        self.text = text
        self.areaID = areaID
        self.status = status
        self.assessment = assessment
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Checks an idea as typed.
    public static func validated(text: String, area: String, areasByCode: [String: AreaID]) throws(ValidationErrors)
        -> (text: String, area: AreaID?)
    {
        var errors = ValidationErrors()
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(text.count >= 10, "volunteering.errors.idea.short", field: "text")
        errors.require(text.count <= 4_000, "common.errors.too_long", field: "text")
        let code = area.trimmingCharacters(in: .whitespaces)
        errors.require(code.isEmpty || areasByCode[code] != nil, "stakeholders.errors.areas.unknown", field: "area")
        if !errors.isEmpty { throw errors }
        return (text, code.isEmpty ? nil : areasByCode[code])
    }
}

/// Volunteers' feedback on their engagements, at most one for each application.
public protocol VolunteerFeedbackRepository: Sendable {
    /// Stores feedback; `false` when the application already has some.
    func save(_ feedback: VolunteerFeedback) async throws -> Bool
    func feedback(city: CityID, organisations: Set<OrganisationID>?) async throws -> [VolunteerFeedback]
    func feedbackGiven(applications: Set<VolunteerApplicationID>) async throws -> Set<VolunteerApplicationID>
}

/// Ideas for new volunteering and the city's assessment of them.
public protocol VolunteeringIdeaRepository: Sendable {
    func save(_ idea: VolunteeringIdea) async throws
    func idea(id: VolunteeringIdeaID) async throws -> VolunteeringIdea?
    func ideas(city: CityID) async throws -> [VolunteeringIdea]
}
