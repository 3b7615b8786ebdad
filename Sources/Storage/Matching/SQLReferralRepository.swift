import Domain
import Foundation
import SQLKit

/// Newcomers in `newcomers` (access codes as SHA-256 digests), referrals in `referrals`, participation days in
/// `referral_participations`, fees in `fee_ledger` (unique per newcomer and activity) and rounds in
/// `matching_rounds`. Days are stored as ordinals (days since 1970-01-01).
public struct SQLReferralRepository: ReferralRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let newcomerColumns = [
        "id", "city_id", "organisation_id", "caseworker_id", "pseudonym", "name", "contact", "contact_consent_at",
        "interests", "languages", "area_id", "availability", "erased_at", "created_at", "updated_at",
    ]

    static let referralColumns = [
        "id", "city_id", "newcomer_id", "activity_id", "host_organisation_id", "status", "score", "reasons",
        "decline_reason", "round_id", "referred_by", "first_participation", "created_at", "updated_at",
    ]

    static let roundColumns = [
        "id", "city_id", "from_day", "through_day", "status", "objective", "pool_size", "created_by", "created_at",
        "decided_at",
    ]

    static let ledgerColumns = [
        "id", "city_id", "organisation_id", "activity_id", "newcomer_id", "referral_id", "pseudonym", "amount_cents",
        "day", "created_at",
    ]

    // MARK: Newcomers

    public func save(_ newcomer: Newcomer, accessCode: String?) async throws {
        let values = try Self.values(newcomer)
        try await database.transaction { sql in
            if try await sql.select().column("id").from("newcomers").where("id", .equal, bind(newcomer.id)).first()
                != nil
            {
                var update = sql.update("newcomers")
                for (column, value) in zip(Self.newcomerColumns, values).dropFirst(2) where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                if let accessCode { update = update.set("access_digest", to: SQLBind(TokenDigest.of(accessCode))) }
                try await update.where("id", .equal, bind(newcomer.id)).run()
            } else {
                try await sql.insert(into: "newcomers").columns(Self.newcomerColumns + ["access_digest"])
                    .values(values + [SQLBind(accessCode.map(TokenDigest.of))]).run()
            }
        }
    }

    public func newcomer(id: NewcomerID) async throws -> Newcomer? {
        try await selectNewcomers(database.sql).where("id", .equal, bind(id)).first().map(Self.newcomer)
    }

    public func newcomer(accessCode: String) async throws -> Newcomer? {
        try await selectNewcomers(database.sql).where("access_digest", .equal, SQLBind(TokenDigest.of(accessCode)))
            .first().map(Self.newcomer)
    }

    public func newcomers(city: CityID, organisations: Set<OrganisationID>?) async throws -> [Newcomer] {
        var query = selectNewcomers(database.sql).where("city_id", .equal, bind(city))
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            query = query.where("organisation_id", .in, organisations.map(\.description).sorted())
        }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.newcomer)
    }

    public func erase(_ id: NewcomerID, at date: Date) async throws {
        try await database.transaction { sql in
            try await sql.update("newcomers").set("name", to: SQLBind("")).set("contact", to: SQLBind(""))
                .set("contact_consent_at", to: SQLLiteral.null).set("interests", to: SQLBind("[]"))
                .set("languages", to: SQLBind("[]")).set("area_id", to: SQLLiteral.null)
                .set("availability", to: SQLBind(Int64(0))).set("access_digest", to: SQLLiteral.null)
                .set("erased_at", to: SQLBind(date.epochSeconds)).set("updated_at", to: SQLBind(date.epochSeconds))
                .where("id", .equal, bind(id)).run()
            try await sql.delete(from: "referrals").where("newcomer_id", .equal, bind(id))
                .where("status", .equal, SQLBind(Referral.Status.proposed.rawValue)).run()
            try await sql.update("referrals").set("status", to: SQLBind(Referral.Status.withdrawn.rawValue))
                .set("updated_at", to: SQLBind(date.epochSeconds)).where("newcomer_id", .equal, bind(id))
                .where("status", .in, [Referral.Status.referred.rawValue, Referral.Status.accepted.rawValue]).run()
        }
    }

    private func selectNewcomers(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(Self.newcomerColumns.map { SQLIdentifier($0) }).from("newcomers")
    }

    static func values(_ newcomer: Newcomer) throws -> [SQLBind] {
        [
            bind(newcomer.id), bind(newcomer.cityID), bind(newcomer.organisationID), bind(newcomer.caseworkerID),
            SQLBind(newcomer.pseudonym), SQLBind(newcomer.name), SQLBind(newcomer.contact),
            SQLBind(newcomer.contactConsentAt?.epochSeconds),
            SQLBind(try JSONColumn.encode(newcomer.interests.map(\.description))),
            SQLBind(try JSONColumn.encode(newcomer.languages.map(\.rawValue))), bind(newcomer.areaID),
            SQLBind(Int64(newcomer.availability.bits)), SQLBind(newcomer.erasedAt?.epochSeconds),
            SQLBind(newcomer.createdAt.epochSeconds), SQLBind(newcomer.updatedAt.epochSeconds),
        ]
    }

    static func newcomer(_ row: any SQLRow) throws -> Newcomer {
        Newcomer(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.id("organisation_id"),
            caseworkerID: try row.optionalID("caseworker_id"),
            pseudonym: try row.decode(column: "pseudonym", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            contact: try row.decode(column: "contact", as: String.self),
            contactConsentAt: try row.optionalDate("contact_consent_at"),
            interests: try JSONColumn.decode([String].self, from: row.decode(column: "interests", as: String.self))
                .compactMap(CategoryID.init(string:)),
            languages: try JSONColumn.decode([String].self, from: row.decode(column: "languages", as: String.self))
                .compactMap(LanguageCode.init),
            areaID: try row.optionalID("area_id"),
            availability: WeeklyAvailability(
                bits: UInt32(clamping: try row.decode(column: "availability", as: Int64.self))),
            erasedAt: try row.optionalDate("erased_at"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    // MARK: Referrals

    public func create(_ referrals: [Referral], messages: [OutboxMessage]) async throws {
        let rows = try referrals.map(Self.values)
        try await database.transaction { sql in
            for row in rows { try await sql.insert(into: "referrals").columns(Self.referralColumns).values(row).run() }
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
        }
    }

    public func referral(id: ReferralID) async throws -> Referral? {
        try await selectReferrals(database.sql).where("id", .equal, bind(id)).first().map(Self.referral)
    }

    public func referrals(_ filter: ReferralFilter) async throws -> [Referral] {
        var query = selectReferrals(database.sql).where("city_id", .equal, bind(filter.city))
            .where("status", .in, filter.statuses.map(\.rawValue).sorted())
        if let newcomers = filter.newcomerIDs {
            guard !newcomers.isEmpty else { return [] }
            query = query.where("newcomer_id", .in, newcomers.map(\.description).sorted())
        }
        if let hosts = filter.hostOrganisationIDs {
            guard !hosts.isEmpty else { return [] }
            query = query.where("host_organisation_id", .in, hosts.map(\.description).sorted())
        }
        if let round = filter.roundID { query = query.where("round_id", .equal, bind(round)) }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.referral)
    }

    public func activeCounts(city: CityID) async throws -> [ActivityID: Int] {
        let rows = try await database.sql.select().column("activity_id").column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "held"
        )
        .from("referrals").where("city_id", .equal, bind(city))
        .where("status", .in, [Referral.Status.referred.rawValue, Referral.Status.accepted.rawValue])
        .groupBy("activity_id").all()
        var counts: [ActivityID: Int] = [:]
        for row in rows { counts[try row.id("activity_id")] = Int(try row.decode(column: "held", as: Int64.self)) }
        return counts
    }

    public func move(
        _ id: ReferralID, from: Set<Referral.Status>, to: Referral.Status, reason: String, at date: Date,
        messages: [OutboxMessage]
    ) async throws -> Bool {
        try await database.transaction { sql in
            // Only one of two people deciding at once finds the referral still in `from`.
            let current = try await sql.select().column("status").from("referrals").where("id", .equal, bind(id))
                .first()?.decode(column: "status", as: String.self)
            guard let current, let status = Referral.Status(rawValue: current), from.contains(status) else {
                return false
            }
            try await sql.update("referrals").set("status", to: SQLBind(to.rawValue))
                .set("decline_reason", to: SQLBind(reason)).set("updated_at", to: SQLBind(date.epochSeconds))
                .where("id", .equal, bind(id)).where("status", .equal, SQLBind(current)).run()
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
            return true
        }
    }

    public func recordParticipation(_ id: ReferralID, day: CalendarDay, fee: FeeLedgerEntry?, at date: Date)
        async throws -> ParticipationOutcome
    {
        let engine = database.engine
        return try await database.transaction { sql in
            if engine == .postgres {
                try await sql.raw("SELECT id FROM referrals WHERE id = \(bind: id.description) FOR UPDATE").run()
            }
            guard
                let row = try await sql.select().column("status").column("first_participation").from("referrals")
                    .where("id", .equal, bind(id)).first(),
                try row.decode(column: "status", as: String.self) == Referral.Status.accepted.rawValue
            else { return .notAccepted }
            if try await sql.select().column("day").from("referral_participations")
                .where("referral_id", .equal, bind(id)).where("day", .equal, SQLBind(Int64(day.ordinal))).first() != nil
            {
                return .alreadyRecorded
            }
            try await sql.insert(into: "referral_participations").columns("referral_id", "day", "created_at")
                .values(bind(id), SQLBind(Int64(day.ordinal)), SQLBind(date.epochSeconds)).run()
            let first = try row.decode(column: "first_participation", as: Int64?.self)
            if first.map({ Int64(day.ordinal) < $0 }) ?? true {
                try await sql.update("referrals").set("first_participation", to: SQLBind(Int64(day.ordinal)))
                    .set("updated_at", to: SQLBind(date.epochSeconds)).where("id", .equal, bind(id)).run()
            }
            guard let fee else { return .recorded(fee: nil) }
            // The unique key on (newcomer, activity) keeps a second entry out, also when another transaction
            // for another referral of the same newcomer and activity got there first.
            try await sql.insert(into: "fee_ledger").columns(Self.ledgerColumns).values(Self.values(fee))
                .ignoringConflicts().run()
            let stored = try await sql.select().column("id").from("fee_ledger")
                .where("newcomer_id", .equal, bind(fee.newcomerID)).where("activity_id", .equal, bind(fee.activityID))
                .first()?.decode(column: "id", as: String.self)
            return .recorded(fee: stored == fee.id.description ? fee : nil)
        }
    }

    public func ledger(city: CityID, organisation: OrganisationID?, from: CalendarDay, through: CalendarDay)
        async throws -> [FeeLedgerEntry]
    {
        var query = database.sql.select().columns(Self.ledgerColumns.map { SQLIdentifier($0) }).from("fee_ledger")
            .where("city_id", .equal, bind(city)).where("day", .greaterThanOrEqual, SQLBind(Int64(from.ordinal)))
            .where("day", .lessThanOrEqual, SQLBind(Int64(through.ordinal)))
        if let organisation { query = query.where("organisation_id", .equal, bind(organisation)) }
        return try await query.orderBy("day").orderBy("created_at").orderBy("id").all().map(Self.entry)
    }

    private func selectReferrals(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(Self.referralColumns.map { SQLIdentifier($0) }).from("referrals")
    }

    static func values(_ referral: Referral) throws -> [SQLBind] {
        [
            bind(referral.id), bind(referral.cityID), bind(referral.newcomerID), bind(referral.activityID),
            bind(referral.hostOrganisationID), SQLBind(referral.status.rawValue), SQLBind(Int64(referral.score)),
            SQLBind(try JSONColumn.encode(referral.reasons.map(\.code))), SQLBind(referral.declineReason),
            bind(referral.roundID), bind(referral.referredBy),
            SQLBind(referral.firstParticipation.map { Int64($0.ordinal) }), SQLBind(referral.createdAt.epochSeconds),
            SQLBind(referral.updatedAt.epochSeconds),
        ]
    }

    static func referral(_ row: any SQLRow) throws -> Referral {
        guard let status = Referral.Status(rawValue: try row.decode(column: "status", as: String.self)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "referral status"))
        }
        return Referral(
            id: try row.id("id"), cityID: try row.id("city_id"), newcomerID: try row.id("newcomer_id"),
            activityID: try row.id("activity_id"), hostOrganisationID: try row.id("host_organisation_id"),
            status: status, score: Int(try row.decode(column: "score", as: Int64.self)),
            reasons: try JSONColumn.decode([String].self, from: row.decode(column: "reasons", as: String.self))
                .compactMap(MatchingReason.init(code:)),
            declineReason: try row.decode(column: "decline_reason", as: String.self),
            roundID: try row.optionalID("round_id"), referredBy: try row.optionalID("referred_by"),
            firstParticipation: try row.decode(column: "first_participation", as: Int64?.self).map {
                CalendarDay(ordinal: Int($0))
            }, createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func values(_ entry: FeeLedgerEntry) -> [SQLBind] {
        [
            bind(entry.id), bind(entry.cityID), bind(entry.organisationID), bind(entry.activityID),
            bind(entry.newcomerID), bind(entry.referralID), SQLBind(entry.pseudonym), SQLBind(Int64(entry.amountCents)),
            SQLBind(Int64(entry.day.ordinal)), SQLBind(entry.createdAt.epochSeconds),
        ]
    }

    static func entry(_ row: any SQLRow) throws -> FeeLedgerEntry {
        FeeLedgerEntry(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.id("organisation_id"),
            activityID: try row.id("activity_id"), newcomerID: try row.id("newcomer_id"),
            referralID: try row.id("referral_id"), pseudonym: try row.decode(column: "pseudonym", as: String.self),
            amountCents: Int(try row.decode(column: "amount_cents", as: Int64.self)),
            day: CalendarDay(ordinal: Int(try row.decode(column: "day", as: Int64.self))),
            createdAt: try row.date("created_at"))
    }
}
