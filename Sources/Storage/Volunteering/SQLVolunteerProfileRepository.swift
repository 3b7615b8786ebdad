import Domain
import Foundation
import SQLKit

/// Volunteer profiles in `volunteer_profiles`; erasing a person's volunteering in a city also reaches their rows in
/// the other volunteering tables, in one transaction.
public struct SQLVolunteerProfileRepository: VolunteerProfileRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = [
        "id", "city_id", "person_id", "skills", "interests", "languages", "area_ids", "availability", "background",
        "background_consent_at", "share_engagement", "created_at", "updated_at",
    ]

    public func save(_ profile: VolunteerProfile) async throws {
        try await tables.upsert(
            "volunteer_profiles", Self.columns, try Self.values(profile), id: profile.id.description)
    }

    public func profile(person: PersonID, city: CityID) async throws -> VolunteerProfile? {
        try await tables.select(Self.columns, from: "volunteer_profiles").where("city_id", .equal, bind(city))
            .where("person_id", .equal, bind(person)).first().map(Self.profile)
    }

    public func profiles(city: CityID, persons: Set<PersonID>?) async throws -> [VolunteerProfile] {
        var query = tables.select(Self.columns, from: "volunteer_profiles").where("city_id", .equal, bind(city))
        if let persons {
            guard !persons.isEmpty else { return [] }
            query = query.where("person_id", .in, persons.map(\.description).sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.profile)
    }

    public func erase(person: PersonID, city: CityID, at date: Date) async throws {
        try await tables.database.transaction { sql in
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
            interests: try VolunteeringTables.ids(row, "interests"),
            languages: try JSONColumn.decode(
                [LanguageSkill].self, from: row.decode(column: "languages", as: String.self)),
            areaIDs: try VolunteeringTables.ids(row, "area_ids"),
            availability: WeeklyAvailability(
                bits: UInt32(clamping: try row.decode(column: "availability", as: Int64.self))),
            background: try row.decode(column: "background", as: String?.self)
                .flatMap(VolunteerProfile.Background.init(rawValue:)),
            backgroundConsentAt: try row.optionalDate("background_consent_at"),
            shareEngagement: try row.decode(column: "share_engagement", as: Int64.self) != 0,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
