import Domain
import Foundation
import SQLKit

/// Trainings in `trainings` and their completions in `training_completions`.
public struct SQLTrainingRepository: TrainingRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let trainingColumns = [
        "id", "city_id", "organisation_id", "title", "description", "validity_months", "next_session", "created_at",
        "updated_at",
    ]
    static let completionColumns = [
        "id", "training_id", "city_id", "person_id", "completed_on", "expires_on", "recorded_by", "created_at",
    ]

    public func save(_ training: Training) async throws {
        try await tables.upsert(
            "trainings", Self.trainingColumns, try Self.values(training), id: training.id.description)
    }

    public func training(id: TrainingID) async throws -> Training? {
        try await tables.select(Self.trainingColumns, from: "trainings").where("id", .equal, bind(id)).first()
            .map(Self.training)
    }

    public func trainings(city: CityID) async throws -> [Training] {
        try await tables.select(Self.trainingColumns, from: "trainings").where("city_id", .equal, bind(city))
            .orderBy("created_at").orderBy("id").all().map(Self.training)
    }

    public func record(_ completion: TrainingCompletion) async throws {
        guard let training = try await training(id: completion.trainingID) else { return }
        try await tables.database.transaction { sql in
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
        var query = tables.select(Self.completionColumns, from: "training_completions")
            .where("city_id", .equal, bind(city))
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
            nextSession: try VolunteeringTables.day(row, "next_session"), createdAt: try row.date("created_at"),
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
            completedOn: try VolunteeringTables.day(row, "completed_on")!,
            expiresOn: try VolunteeringTables.day(row, "expires_on"), recordedBy: try row.optionalID("recorded_by"),
            createdAt: try row.date("created_at"))
    }
}
