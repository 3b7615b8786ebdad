import Domain
import Foundation
import SQLKit

/// Hours, certificates, awards, feedback and ideas.
extension SQLVolunteeringRepository {
    static let hoursColumns = [
        "id", "city_id", "application_id", "organisation_id", "person_id", "day", "minutes", "approved_minutes",
        "note", "status", "decided_by", "created_at", "updated_at",
    ]
    static let certificateColumns = ["id", "city_id", "person_id", "code", "content", "issued_on", "revoked_at"]
    static let awardColumns = [
        "id", "city_id", "person_id", "recipient_name", "title", "citation", "awarded_on", "created_at",
    ]
    static let feedbackColumns = [
        "id", "city_id", "application_id", "organisation_id", "opportunity_id", "person_id", "rating", "skills_fit",
        "change_text", "comments", "created_at",
    ]
    static let ideaColumns = [
        "id", "city_id", "author_id", "text", "area_id", "status", "assessment", "created_at", "updated_at",
    ]

    // MARK: Hours

    public func log(_ entry: HoursEntry) async throws -> Bool {
        let engine = database.engine
        let values = Self.values(entry)
        return try await database.transaction { sql in
            // Two entries for the same person at once: the second waits here and then counts the first.
            if engine == .postgres {
                try await sql.raw("SELECT id FROM people WHERE id = \(bind: entry.personID.description) FOR UPDATE")
                    .run()
            }
            let claimed =
                try await sql.select()
                .column(SQLRaw(Self.claimedSum), as: "claimed")
                .from("volunteer_hours").where("person_id", .equal, bind(entry.personID))
                .where("day", .equal, SQLBind(Int64(entry.day.ordinal)))
                .where("status", .notEqual, SQLBind(HoursEntry.Status.rejected.rawValue)).first()?
                .decode(column: "claimed", as: Int64.self) ?? 0
            guard Int(claimed) + entry.minutes <= HoursEntry.dayLimitMinutes else { return false }
            try await sql.insert(into: "volunteer_hours").columns(Self.hoursColumns).values(values).run()
            return true
        }
    }

    /// The minutes entries hold against their day: approved ones at their approved size, logged ones as logged.
    /// PostgreSQL sums BIGINT as NUMERIC, hence the cast.
    static let claimedSum = "COALESCE(CAST(SUM(COALESCE(approved_minutes, minutes)) AS BIGINT), 0)"

    public func hoursEntry(id: HoursEntryID) async throws -> HoursEntry? {
        try await select(Self.hoursColumns, from: "volunteer_hours").where("id", .equal, bind(id)).first()
            .map(Self.hoursEntry)
    }

    public func hours(_ filter: HoursFilter) async throws -> [HoursEntry] {
        var query = select(Self.hoursColumns, from: "volunteer_hours").where("city_id", .equal, bind(filter.city))
            .where("status", .in, filter.statuses.map(\.rawValue).sorted())
        for (column, ids) in [
            ("organisation_id", filter.organisations.map { $0.map(\.description) }),
            ("person_id", filter.persons.map { $0.map(\.description) }),
            ("application_id", filter.applications.map { $0.map(\.description) }),
        ] {
            guard let ids else { continue }
            guard !ids.isEmpty else { return [] }
            query = query.where(SQLIdentifier(column), .in, ids.sorted())
        }
        if let from = filter.from { query = query.where("day", .greaterThanOrEqual, SQLBind(Int64(from.ordinal))) }
        if let through = filter.through {
            query = query.where("day", .lessThanOrEqual, SQLBind(Int64(through.ordinal)))
        }
        return try await query.orderBy("day").orderBy("created_at").orderBy("id").all().map(Self.hoursEntry)
    }

    public func decide(_ id: HoursEntryID, status: HoursEntry.Status, minutes: Int?, by person: PersonID, at date: Date)
        async throws -> Bool
    {
        let engine = database.engine
        return try await database.transaction { sql in
            guard
                let entry = try await sql.select().columns(Self.hoursColumns.map { SQLIdentifier($0) })
                    .from("volunteer_hours").where("id", .equal, bind(id)).first().map(Self.hoursEntry),
                entry.status == .logged
            else { return false }
            if status == .approved, let minutes, minutes > entry.minutes {
                if engine == .postgres {
                    try await sql.raw(
                        "SELECT id FROM people WHERE id = \(bind: entry.personID.description) FOR UPDATE"
                    ).run()
                }
                let claimed =
                    try await sql.select()
                    .column(SQLRaw(Self.claimedSum), as: "claimed")
                    .from("volunteer_hours").where("person_id", .equal, bind(entry.personID))
                    .where("day", .equal, SQLBind(Int64(entry.day.ordinal)))
                    .where("status", .notEqual, SQLBind(HoursEntry.Status.rejected.rawValue)).first()?
                    .decode(column: "claimed", as: Int64.self) ?? 0
                guard Int(claimed) - entry.minutes + minutes <= HoursEntry.dayLimitMinutes else { return false }
            }
            try await sql.update("volunteer_hours").set("status", to: SQLBind(status.rawValue))
                .set("approved_minutes", to: SQLBind(minutes.map(Int64.init)))
                .set("decided_by", to: bind(person)).set("updated_at", to: SQLBind(date.epochSeconds))
                .where("id", .equal, bind(id)).where("status", .equal, SQLBind(HoursEntry.Status.logged.rawValue))
                .run()
            return true
        }
    }

    static func values(_ entry: HoursEntry) -> [SQLBind] {
        [
            bind(entry.id), bind(entry.cityID), bind(entry.applicationID), bind(entry.organisationID),
            bind(entry.personID), SQLBind(Int64(entry.day.ordinal)), SQLBind(Int64(entry.minutes)),
            SQLBind(entry.approvedMinutes.map(Int64.init)), SQLBind(entry.note), SQLBind(entry.status.rawValue),
            bind(entry.decidedBy), SQLBind(entry.createdAt.epochSeconds), SQLBind(entry.updatedAt.epochSeconds),
        ]
    }

    static func hoursEntry(_ row: any SQLRow) throws -> HoursEntry {
        HoursEntry(
            id: try row.id("id"), cityID: try row.id("city_id"), applicationID: try row.id("application_id"),
            organisationID: try row.id("organisation_id"), personID: try row.id("person_id"),
            day: try day(row, "day")!, minutes: Int(try row.decode(column: "minutes", as: Int64.self)),
            approvedMinutes: try row.decode(column: "approved_minutes", as: Int64?.self).map { Int($0) },
            note: try row.decode(column: "note", as: String.self),
            status: HoursEntry.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .logged,
            decidedBy: try row.optionalID("decided_by"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    // MARK: Certificates

    public func save(_ certificate: Certificate) async throws {
        try await upsert(
            "volunteer_certificates", Self.certificateColumns,
            [
                bind(certificate.id), bind(certificate.cityID), bind(certificate.personID), SQLBind(certificate.code),
                SQLBind(try JSONColumn.encode(certificate)), SQLBind(Int64(certificate.issuedOn.ordinal)),
                SQLBind(certificate.revokedAt?.epochSeconds),
            ], id: certificate.id.description)
    }

    public func certificate(code: String) async throws -> Certificate? {
        try await select(Self.certificateColumns, from: "volunteer_certificates").where("code", .equal, SQLBind(code))
            .first().map(Self.certificate)
    }

    public func certificates(person: PersonID, city: CityID) async throws -> [Certificate] {
        try await select(Self.certificateColumns, from: "volunteer_certificates")
            .where("city_id", .equal, bind(city)).where("person_id", .equal, bind(person))
            .orderBy("issued_on", .descending).orderBy("id").all().map(Self.certificate)
    }

    public func revoke(_ id: CertificateID, at date: Date) async throws {
        try await database.sql.update("volunteer_certificates").set("revoked_at", to: SQLBind(date.epochSeconds))
            .where("id", .equal, bind(id)).where("revoked_at", .is, SQLLiteral.null).run()
    }

    /// The content is the certificate as issued; the revocation is read from its own column.
    static func certificate(_ row: any SQLRow) throws -> Certificate {
        var certificate = try JSONColumn.decode(
            Certificate.self, from: row.decode(column: "content", as: String.self))
        certificate.revokedAt = try row.optionalDate("revoked_at")
        return certificate
    }

    // MARK: Awards

    public func save(_ award: Award) async throws {
        try await upsert(
            "volunteer_awards", Self.awardColumns,
            [
                bind(award.id), bind(award.cityID), bind(award.personID), SQLBind(award.recipientName),
                SQLBind(try JSONColumn.encode(award.title)), SQLBind(try JSONColumn.encode(award.citation)),
                SQLBind(Int64(award.awardedOn.ordinal)), SQLBind(award.createdAt.epochSeconds),
            ], id: award.id.description)
    }

    public func awards(city: CityID) async throws -> [Award] {
        try await select(Self.awardColumns, from: "volunteer_awards").where("city_id", .equal, bind(city))
            .orderBy("awarded_on", .descending).orderBy("id").all().map { row in
                Award(
                    id: try row.id("id"), cityID: try row.id("city_id"), personID: try row.optionalID("person_id"),
                    recipientName: try row.decode(column: "recipient_name", as: String.self),
                    title: try row.localizedText("title"), citation: try row.localizedText("citation"),
                    awardedOn: try Self.day(row, "awarded_on")!, createdAt: try row.date("created_at"))
            }
    }

    // MARK: Feedback

    public func save(_ feedback: VolunteerFeedback) async throws -> Bool {
        let values: [SQLBind] = [
            bind(feedback.id), bind(feedback.cityID), bind(feedback.applicationID), bind(feedback.organisationID),
            bind(feedback.opportunityID), bind(feedback.personID), SQLBind(Int64(feedback.rating)),
            SQLBind(feedback.skillsFit.rawValue), SQLBind(feedback.change), SQLBind(feedback.comments),
            SQLBind(feedback.createdAt.epochSeconds),
        ]
        return try await database.transaction { sql in
            try await sql.insert(into: "volunteer_feedback").columns(Self.feedbackColumns).values(values)
                .ignoringConflicts().run()
            return try await sql.select().column("id").from("volunteer_feedback")
                .where("id", .equal, bind(feedback.id)).first() != nil
        }
    }

    public func feedback(city: CityID, organisations: Set<OrganisationID>?) async throws -> [VolunteerFeedback] {
        var query = select(Self.feedbackColumns, from: "volunteer_feedback").where("city_id", .equal, bind(city))
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            query = query.where("organisation_id", .in, organisations.map(\.description).sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map { row in
            VolunteerFeedback(
                id: try row.id("id"), cityID: try row.id("city_id"), applicationID: try row.id("application_id"),
                organisationID: try row.id("organisation_id"), opportunityID: try row.id("opportunity_id"),
                personID: try row.optionalID("person_id"),
                rating: Int(try row.decode(column: "rating", as: Int64.self)),
                skillsFit: VolunteerFeedback.SkillsFit(rawValue: try row.decode(column: "skills_fit", as: String.self))
                    ?? .partly,
                change: try row.decode(column: "change_text", as: String.self),
                comments: try row.decode(column: "comments", as: String.self), createdAt: try row.date("created_at"))
        }
    }

    public func feedbackGiven(applications: Set<VolunteerApplicationID>) async throws -> Set<VolunteerApplicationID> {
        guard !applications.isEmpty else { return [] }
        return Set(
            try await database.sql.select().column("application_id").from("volunteer_feedback")
                .where("application_id", .in, applications.map(\.description).sorted()).all()
                .map { try $0.id("application_id") })
    }

    // MARK: Ideas

    public func save(_ idea: VolunteeringIdea) async throws {
        try await upsert(
            "volunteering_ideas", Self.ideaColumns,
            [
                bind(idea.id), bind(idea.cityID), bind(idea.authorID), SQLBind(idea.text), bind(idea.areaID),
                SQLBind(idea.status.rawValue), SQLBind(idea.assessment), SQLBind(idea.createdAt.epochSeconds),
                SQLBind(idea.updatedAt.epochSeconds),
            ], id: idea.id.description)
    }

    public func idea(id: VolunteeringIdeaID) async throws -> VolunteeringIdea? {
        try await select(Self.ideaColumns, from: "volunteering_ideas").where("id", .equal, bind(id)).first()
            .map(Self.idea)
    }

    public func ideas(city: CityID) async throws -> [VolunteeringIdea] {
        try await select(Self.ideaColumns, from: "volunteering_ideas").where("city_id", .equal, bind(city))
            .orderBy("created_at").orderBy("id").all().map(Self.idea)
    }

    static func idea(_ row: any SQLRow) throws -> VolunteeringIdea {
        VolunteeringIdea(
            id: try row.id("id"), cityID: try row.id("city_id"), authorID: try row.optionalID("author_id"),
            text: try row.decode(column: "text", as: String.self), areaID: try row.optionalID("area_id"),
            status: VolunteeringIdea.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            assessment: try row.decode(column: "assessment", as: String.self), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
