import Domain
import Foundation
import SQLKit

/// Volunteering in its tables (see `CreateVolunteering`): profiles, trainings, completions, opportunities and
/// applications here; hours, certificates, awards, feedback and ideas in `SQLVolunteeringRecords.swift`.
public struct SQLVolunteeringRepository: VolunteeringRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let profileColumns = [
        "id", "city_id", "person_id", "skills", "interests", "languages", "area_ids", "availability", "background",
        "background_consent_at", "share_engagement", "created_at", "updated_at",
    ]
    static let trainingColumns = [
        "id", "city_id", "organisation_id", "title", "description", "validity_months", "next_session", "created_at",
        "updated_at",
    ]
    static let completionColumns = [
        "id", "training_id", "city_id", "person_id", "completed_on", "expires_on", "recorded_by", "created_at",
    ]
    static let opportunityColumns = [
        "id", "city_id", "organisation_id", "title", "description", "category_ids", "skills", "training_ids",
        "languages", "place_id", "area_ids", "times", "wanted", "status", "created_at", "updated_at",
    ]
    static let applicationColumns = [
        "id", "city_id", "opportunity_id", "organisation_id", "person_id", "status", "message", "reason",
        "started_on", "ended_on", "open_key", "created_at", "updated_at",
    ]

    // MARK: Profiles

    public func save(_ profile: VolunteerProfile) async throws {
        try await upsert(
            "volunteer_profiles", Self.profileColumns, try Self.values(profile), id: profile.id.description)
    }

    public func profile(person: PersonID, city: CityID) async throws -> VolunteerProfile? {
        try await select(Self.profileColumns, from: "volunteer_profiles").where("city_id", .equal, bind(city))
            .where("person_id", .equal, bind(person)).first().map(Self.profile)
    }

    public func profiles(city: CityID, persons: Set<PersonID>?) async throws -> [VolunteerProfile] {
        var query = select(Self.profileColumns, from: "volunteer_profiles").where("city_id", .equal, bind(city))
        if let persons {
            guard !persons.isEmpty else { return [] }
            query = query.where("person_id", .in, persons.map(\.description).sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.profile)
    }

    public func erase(person: PersonID, city: CityID, at date: Date) async throws {
        try await database.transaction { sql in
            for table in ["volunteer_hours", "volunteer_applications", "volunteer_profiles", "training_completions"] {
                try await sql.delete(from: table).where("city_id", .equal, bind(city))
                    .where("person_id", .equal, bind(person)).run()
            }
            try await sql.delete(from: "volunteer_feedback").where("city_id", .equal, bind(city))
                .where("person_id", .equal, bind(person)).run()
            try await sql.update("volunteer_certificates").set("revoked_at", to: SQLBind(date.epochSeconds))
                .where("city_id", .equal, bind(city)).where("person_id", .equal, bind(person))
                .where("revoked_at", .is, SQLLiteral.null).run()
        }
    }

    static func values(_ profile: VolunteerProfile) throws -> [SQLBind] {
        [
            bind(profile.id), bind(profile.cityID), bind(profile.personID),
            SQLBind(try JSONColumn.encode(profile.skills)),
            SQLBind(try JSONColumn.encode(profile.interests.map(\.description))),
            SQLBind(try JSONColumn.encode(profile.languages)),
            SQLBind(try JSONColumn.encode(profile.areaIDs.map(\.description))),
            SQLBind(Int64(profile.availability.bits)), SQLBind(profile.background?.rawValue),
            SQLBind(profile.backgroundConsentAt?.epochSeconds), SQLBind(Int64(profile.shareEngagement ? 1 : 0)),
            SQLBind(profile.createdAt.epochSeconds), SQLBind(profile.updatedAt.epochSeconds),
        ]
    }

    static func profile(_ row: any SQLRow) throws -> VolunteerProfile {
        VolunteerProfile(
            id: try row.id("id"), cityID: try row.id("city_id"), personID: try row.id("person_id"),
            skills: try JSONColumn.decode([String].self, from: row.decode(column: "skills", as: String.self)),
            interests: try ids(row, "interests"),
            languages: try JSONColumn.decode(
                [LanguageSkill].self, from: row.decode(column: "languages", as: String.self)),
            areaIDs: try ids(row, "area_ids"),
            availability: WeeklyAvailability(
                bits: UInt32(clamping: try row.decode(column: "availability", as: Int64.self))),
            background: try row.decode(column: "background", as: String?.self)
                .flatMap(VolunteerProfile.Background.init(rawValue:)),
            backgroundConsentAt: try row.optionalDate("background_consent_at"),
            shareEngagement: try row.decode(column: "share_engagement", as: Int64.self) != 0,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    // MARK: Trainings

    public func save(_ training: Training) async throws {
        try await upsert("trainings", Self.trainingColumns, try Self.values(training), id: training.id.description)
    }

    public func training(id: TrainingID) async throws -> Training? {
        try await select(Self.trainingColumns, from: "trainings").where("id", .equal, bind(id)).first()
            .map(Self.training)
    }

    public func trainings(city: CityID) async throws -> [Training] {
        try await select(Self.trainingColumns, from: "trainings").where("city_id", .equal, bind(city))
            .orderBy("created_at").orderBy("id").all().map(Self.training)
    }

    public func record(_ completion: TrainingCompletion) async throws {
        guard let training = try await training(id: completion.trainingID) else { return }
        try await database.transaction { sql in
            try await sql.delete(from: "training_completions").where("training_id", .equal, bind(completion.trainingID))
                .where("person_id", .equal, bind(completion.personID))
                .where("completed_on", .equal, SQLBind(Int64(completion.completedOn.ordinal))).run()
            try await sql.insert(into: "training_completions").columns(Self.completionColumns)
                .values(Self.values(completion, city: training.cityID)).run()
        }
    }

    public func completions(city: CityID, persons: Set<PersonID>?, training: TrainingID?) async throws
        -> [TrainingCompletion]
    {
        var query = select(Self.completionColumns, from: "training_completions").where("city_id", .equal, bind(city))
        if let persons {
            guard !persons.isEmpty else { return [] }
            query = query.where("person_id", .in, persons.map(\.description).sorted())
        }
        if let training { query = query.where("training_id", .equal, bind(training)) }
        return try await query.orderBy("completed_on").orderBy("id").all().map(Self.completion)
    }

    static func values(_ training: Training) throws -> [SQLBind] {
        [
            bind(training.id), bind(training.cityID), bind(training.organisationID),
            SQLBind(try JSONColumn.encode(training.title)), SQLBind(try JSONColumn.encode(training.description)),
            SQLBind(training.validityMonths.map(Int64.init)), SQLBind(training.nextSession.map { Int64($0.ordinal) }),
            SQLBind(training.createdAt.epochSeconds), SQLBind(training.updatedAt.epochSeconds),
        ]
    }

    static func training(_ row: any SQLRow) throws -> Training {
        Training(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.optionalID("organisation_id"),
            title: try row.localizedText("title"), description: try row.localizedText("description"),
            validityMonths: try row.decode(column: "validity_months", as: Int64?.self).map { Int($0) },
            nextSession: try day(row, "next_session"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    static func values(_ completion: TrainingCompletion, city: CityID) -> [SQLBind] {
        [
            bind(completion.id), bind(completion.trainingID), bind(city), bind(completion.personID),
            SQLBind(Int64(completion.completedOn.ordinal)), SQLBind(completion.expiresOn.map { Int64($0.ordinal) }),
            bind(completion.recordedBy), SQLBind(completion.createdAt.epochSeconds),
        ]
    }

    static func completion(_ row: any SQLRow) throws -> TrainingCompletion {
        TrainingCompletion(
            id: try row.id("id"), trainingID: try row.id("training_id"), personID: try row.id("person_id"),
            completedOn: try day(row, "completed_on")!, expiresOn: try day(row, "expires_on"),
            recordedBy: try row.optionalID("recorded_by"), createdAt: try row.date("created_at"))
    }

    // MARK: Opportunities

    public func save(_ opportunity: Opportunity) async throws {
        try await upsert(
            "opportunities", Self.opportunityColumns, try Self.values(opportunity), id: opportunity.id.description)
    }

    public func opportunity(id: OpportunityID) async throws -> Opportunity? {
        try await select(Self.opportunityColumns, from: "opportunities").where("id", .equal, bind(id)).first()
            .map(Self.opportunity)
    }

    /// Narrowed by city, status and organisation in SQL; the remaining filters and the text search are applied by
    /// `OpportunityQuery.matches` (a city has hundreds of opportunities, not thousands).
    public func opportunities(_ query: OpportunityQuery) async throws -> [Opportunity] {
        var select = select(Self.opportunityColumns, from: "opportunities").where("city_id", .equal, bind(query.city))
            .where("status", .in, query.statuses.map(\.rawValue).sorted())
        if let organisations = query.organisations {
            guard !organisations.isEmpty else { return [] }
            select = select.where("organisation_id", .in, organisations.map(\.description).sorted())
        }
        return try await select.orderBy("created_at", .descending).orderBy("id").all().map(Self.opportunity)
            .filter(query.matches)
    }

    static func values(_ opportunity: Opportunity) throws -> [SQLBind] {
        [
            bind(opportunity.id), bind(opportunity.cityID), bind(opportunity.organisationID),
            SQLBind(try JSONColumn.encode(opportunity.title)), SQLBind(try JSONColumn.encode(opportunity.description)),
            SQLBind(try JSONColumn.encode(opportunity.categoryIDs.map(\.description))),
            SQLBind(try JSONColumn.encode(opportunity.skills)),
            SQLBind(try JSONColumn.encode(opportunity.requiredTrainingIDs.map(\.description))),
            SQLBind(try JSONColumn.encode(opportunity.languages.map(\.rawValue))), bind(opportunity.placeID),
            SQLBind(try JSONColumn.encode(opportunity.areaIDs.map(\.description))),
            SQLBind(Int64(opportunity.times.bits)), SQLBind(Int64(opportunity.wanted)),
            SQLBind(opportunity.status.rawValue), SQLBind(opportunity.createdAt.epochSeconds),
            SQLBind(opportunity.updatedAt.epochSeconds),
        ]
    }

    static func opportunity(_ row: any SQLRow) throws -> Opportunity {
        Opportunity(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.id("organisation_id"),
            title: try row.localizedText("title"), description: try row.localizedText("description"),
            categoryIDs: try ids(row, "category_ids"),
            skills: try JSONColumn.decode([String].self, from: row.decode(column: "skills", as: String.self)),
            requiredTrainingIDs: try ids(row, "training_ids"),
            languages: try JSONColumn.decode([String].self, from: row.decode(column: "languages", as: String.self))
                .compactMap(LanguageCode.init),
            placeID: try row.optionalID("place_id"), areaIDs: try ids(row, "area_ids"),
            times: WeeklyAvailability(bits: UInt32(clamping: try row.decode(column: "times", as: Int64.self))),
            wanted: Int(try row.decode(column: "wanted", as: Int64.self)),
            status: Opportunity.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .closed,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    // MARK: Applications

    public func apply(_ application: VolunteerApplication, messages: [OutboxMessage]) async throws -> Bool {
        let values = Self.values(application)
        return try await database.transaction { sql in
            // The unique open key keeps a second open application out, also one arriving at the same moment.
            try await sql.insert(into: "volunteer_applications").columns(Self.applicationColumns).values(values)
                .ignoringConflicts().run()
            guard
                try await sql.select().column("id").from("volunteer_applications")
                    .where("id", .equal, bind(application.id)).first() != nil
            else { return false }
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
            return true
        }
    }

    public func application(id: VolunteerApplicationID) async throws -> VolunteerApplication? {
        try await select(Self.applicationColumns, from: "volunteer_applications").where("id", .equal, bind(id))
            .first().map(Self.application)
    }

    public func applications(_ filter: ApplicationFilter) async throws -> [VolunteerApplication] {
        var query = select(Self.applicationColumns, from: "volunteer_applications")
            .where("city_id", .equal, bind(filter.city)).where("status", .in, filter.statuses.map(\.rawValue).sorted())
        for (column, ids) in [
            ("organisation_id", filter.organisations.map { $0.map(\.description) }),
            ("person_id", filter.persons.map { $0.map(\.description) }),
            ("opportunity_id", filter.opportunities.map { $0.map(\.description) }),
        ] {
            guard let ids else { continue }
            guard !ids.isEmpty else { return [] }
            query = query.where(SQLIdentifier(column), .in, ids.sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.application)
    }

    public func move(
        _ id: VolunteerApplicationID, from: Set<VolunteerApplication.Status>, to: VolunteerApplication.Status,
        reason: String, day: CalendarDay, wanted: Int?, at date: Date, messages: [OutboxMessage]
    ) async throws -> ApplicationMove {
        let engine = database.engine
        return try await database.transaction { sql in
            if let wanted {
                // Two staff accepting at once: the second waits here and then counts the first.
                guard
                    let opportunity = try await sql.select().column("opportunity_id").from("volunteer_applications")
                        .where("id", .equal, bind(id)).first()?.decode(column: "opportunity_id", as: String.self)
                else { return .stale }
                if engine == .postgres {
                    try await sql.raw("SELECT id FROM opportunities WHERE id = \(bind: opportunity) FOR UPDATE").run()
                }
                let held =
                    try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "held")
                    .from("volunteer_applications").where("opportunity_id", .equal, SQLBind(opportunity))
                    .where("status", .in, VolunteerApplication.Status.allCases.filter(\.holdsPlace).map(\.rawValue))
                    .where("id", .notEqual, bind(id)).first()?.decode(column: "held", as: Int64.self) ?? 0
                if held >= wanted {
                    return try await status(of: id, on: sql).map(from.contains) == true ? .full : .stale
                }
            }
            guard let current = try await status(of: id, on: sql), from.contains(current) else { return .stale }
            var update = sql.update("volunteer_applications").set("status", to: SQLBind(to.rawValue))
                .set("reason", to: SQLBind(reason)).set("updated_at", to: SQLBind(date.epochSeconds))
            if !to.isOpen { update = update.set("open_key", to: SQLLiteral.null) }
            // The first day it became active stays its start.
            if to == .active {
                update = update.set(
                    "started_on",
                    to: SQLFunction("COALESCE", args: SQLIdentifier("started_on"), SQLBind(Int64(day.ordinal))))
            }
            if to == .completed || to == .withdrawn { update = update.set("ended_on", to: SQLBind(Int64(day.ordinal))) }
            try await update.where("id", .equal, bind(id)).where("status", .equal, SQLBind(current.rawValue)).run()
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
            return .moved
        }
    }

    private func status(of id: VolunteerApplicationID, on sql: any SQLDatabase) async throws
        -> VolunteerApplication.Status?
    {
        let row = try await sql.select().column("status").from("volunteer_applications")
            .where("id", .equal, bind(id)).first()
        return try row.map { try $0.decode(column: "status", as: String.self) }
            .flatMap(VolunteerApplication.Status.init(rawValue:))
    }

    static func values(_ application: VolunteerApplication) -> [SQLBind] {
        [
            bind(application.id), bind(application.cityID), bind(application.opportunityID),
            bind(application.organisationID), bind(application.personID), SQLBind(application.status.rawValue),
            SQLBind(application.message), SQLBind(application.reason),
            SQLBind(application.startedOn.map { Int64($0.ordinal) }),
            SQLBind(application.endedOn.map { Int64($0.ordinal) }),
            SQLBind(application.status.isOpen ? "\(application.opportunityID)/\(application.personID)" : nil),
            SQLBind(application.createdAt.epochSeconds), SQLBind(application.updatedAt.epochSeconds),
        ]
    }

    static func application(_ row: any SQLRow) throws -> VolunteerApplication {
        guard
            let status = VolunteerApplication.Status(rawValue: try row.decode(column: "status", as: String.self))
        else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "application status")) }
        return VolunteerApplication(
            id: try row.id("id"), cityID: try row.id("city_id"), opportunityID: try row.id("opportunity_id"),
            organisationID: try row.id("organisation_id"), personID: try row.id("person_id"), status: status,
            message: try row.decode(column: "message", as: String.self),
            reason: try row.decode(column: "reason", as: String.self), startedOn: try day(row, "started_on"),
            endedOn: try day(row, "ended_on"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    // MARK: Shared

    func select(_ columns: [String], from table: String) -> SQLSelectBuilder {
        database.sql.select().columns(columns.map { SQLIdentifier($0) }).from(table)
    }

    /// Inserts the row, or updates every column but the id and `created_at` when the id exists.
    func upsert(_ table: String, _ columns: [String], _ values: [SQLBind], id: String) async throws {
        try await database.transaction { sql in
            if try await sql.select().column("id").from(table).where("id", .equal, SQLBind(id)).first() != nil {
                var update = sql.update(table)
                for (column, value) in zip(columns, values).dropFirst() where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                try await update.where("id", .equal, SQLBind(id)).run()
            } else {
                try await sql.insert(into: table).columns(columns).values(values).run()
            }
        }
    }

    static func ids<Tag>(_ row: any SQLRow, _ column: String) throws -> [Identifier<Tag>] {
        try JSONColumn.decode([String].self, from: row.decode(column: column, as: String.self))
            .compactMap(Identifier<Tag>.init(string:))
    }

    static func day(_ row: any SQLRow, _ column: String) throws -> CalendarDay? {
        try row.decode(column: column, as: Int64?.self).map { CalendarDay(ordinal: Int($0)) }
    }
}
