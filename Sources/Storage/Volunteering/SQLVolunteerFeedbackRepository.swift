import Domain
import Foundation
import SQLKit

/// Feedback in `volunteer_feedback`, at most one for each application.
public struct SQLVolunteerFeedbackRepository: VolunteerFeedbackRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "application_id", "organisation_id", "opportunity_id", "person_id", "rating", "skills_fit",
        "change_text", "comments", "created_at",
    ]

    public func save(_ feedback: VolunteerFeedback) async throws -> Bool {
        let values: [SQLBind] = [
            bind(feedback.id), bind(feedback.cityID), bind(feedback.applicationID), bind(feedback.organisationID),
            bind(feedback.opportunityID), bind(feedback.personID), SQLBind(Int64(feedback.rating)),
            SQLBind(feedback.skillsFit.rawValue), SQLBind(feedback.change), SQLBind(feedback.comments),
            SQLBind(feedback.createdAt.epochSeconds),
        ]
        return try await tables.database.transaction { sql in
            try await sql.insert(into: "volunteer_feedback").columns(Self.columns).values(values)
                .ignoringConflicts().run()
            return try await sql.select().column("id").from("volunteer_feedback")
                .where("id", .equal, bind(feedback.id)).first() != nil
        }
    }

    public func feedback(city: CityID, organisations: Set<OrganisationID>?) async throws -> [VolunteerFeedback] {
        var query = tables.select(Self.columns, from: "volunteer_feedback").where("city_id", .equal, bind(city))
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            query = query.where("organisation_id", .in, organisations.map(\.description).sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.feedback)
    }

    public func feedbackGiven(applications: Set<VolunteerApplicationID>) async throws -> Set<VolunteerApplicationID> {
        guard !applications.isEmpty else { return [] }
        return Set(
            try await tables.database.sql.select().column("application_id").from("volunteer_feedback")
                .where("application_id", .in, applications.map(\.description).sorted()).all()
                .map { try $0.id("application_id") })
    }

    static func feedback(_ row: any SQLRow) throws -> VolunteerFeedback {
        VolunteerFeedback(
            id: try row.id("id"), cityID: try row.id("city_id"), applicationID: try row.id("application_id"),
            organisationID: try row.id("organisation_id"), opportunityID: try row.id("opportunity_id"),
            personID: try row.optionalID("person_id"), rating: Int(try row.decode(column: "rating", as: Int64.self)),
            skillsFit: VolunteerFeedback.SkillsFit(rawValue: try row.decode(column: "skills_fit", as: String.self))
                ?? .partly,
            change: try row.decode(column: "change_text", as: String.self),
            comments: try row.decode(column: "comments", as: String.self), createdAt: try row.date("created_at"))
    }
}
