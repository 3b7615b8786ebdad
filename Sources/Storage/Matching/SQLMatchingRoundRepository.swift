import Domain
import Foundation
import SQLKit

/// Matching rounds: the part of `SQLReferralRepository` that stores a round with its proposals and turns them into
/// referrals, or drops them, in one transaction.
extension SQLReferralRepository {
    public func save(_ round: MatchingRound, proposals: [Referral]) async throws {
        let rows = try proposals.map(Self.values)
        try await database.transaction { sql in
            try await sql.insert(into: "matching_rounds").columns(Self.roundColumns).values(Self.values(round)).run()
            for chunk in stride(from: 0, to: rows.count, by: 200) {
                var insert = sql.insert(into: "referrals").columns(Self.referralColumns)
                for row in rows[chunk..<min(chunk + 200, rows.count)] { insert = insert.values(row) }
                try await insert.run()
            }
        }
    }

    public func round(id: MatchingRoundID) async throws -> MatchingRound? {
        try await selectRounds(database.sql).where("id", .equal, bind(id)).first().map(Self.round)
    }

    public func rounds(city: CityID) async throws -> [MatchingRound] {
        try await selectRounds(database.sql).where("city_id", .equal, bind(city))
            .orderBy("created_at", .descending).orderBy("id", .descending).all().map(Self.round)
    }

    public func confirm(_ round: MatchingRoundID, at date: Date, messages: [OutboxMessage]) async throws -> Bool {
        try await decide(round, as: .confirmed, at: date) { sql in
            try await sql.update("referrals").set("status", to: SQLBind(Referral.Status.referred.rawValue))
                .set("updated_at", to: SQLBind(date.epochSeconds)).where("round_id", .equal, bind(round))
                .where("status", .equal, SQLBind(Referral.Status.proposed.rawValue)).run()
            for message in messages { try await SQLOutboxRepository.insert(message, on: sql) }
        }
    }

    public func discard(_ round: MatchingRoundID, at date: Date) async throws -> Bool {
        try await decide(round, as: .discarded, at: date) { sql in
            try await sql.delete(from: "referrals").where("round_id", .equal, bind(round))
                .where("status", .equal, SQLBind(Referral.Status.proposed.rawValue)).run()
        }
    }

    public func removeProposal(_ id: ReferralID) async throws {
        try await database.sql.delete(from: "referrals").where("id", .equal, bind(id))
            .where("status", .equal, SQLBind(Referral.Status.proposed.rawValue)).run()
    }

    /// Moves a proposed round to `status` and runs `body` in the same transaction; `false` when it was not
    /// proposed (someone decided first).
    private func decide(
        _ round: MatchingRoundID, as status: MatchingRound.Status, at date: Date,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws -> Bool {
        try await database.transaction { sql in
            let current = try await sql.select().column("status").from("matching_rounds")
                .where("id", .equal, bind(round)).first()?.decode(column: "status", as: String.self)
            guard current == MatchingRound.Status.proposed.rawValue else { return false }
            try await sql.update("matching_rounds").set("status", to: SQLBind(status.rawValue))
                .set("decided_at", to: SQLBind(date.epochSeconds)).where("id", .equal, bind(round))
                .where("status", .equal, SQLBind(MatchingRound.Status.proposed.rawValue)).run()
            try await body(sql)
            return true
        }
    }

    private func selectRounds(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(Self.roundColumns.map { SQLIdentifier($0) }).from("matching_rounds")
    }

    static func values(_ round: MatchingRound) -> [SQLBind] {
        [
            bind(round.id), bind(round.cityID), SQLBind(Int64(round.from.ordinal)),
            SQLBind(Int64(round.through.ordinal)),
            SQLBind(round.status.rawValue), SQLBind(Int64(round.objective)), SQLBind(Int64(round.poolSize)),
            bind(round.createdBy), SQLBind(round.createdAt.epochSeconds), SQLBind(round.decidedAt?.epochSeconds),
        ]
    }

    static func round(_ row: any SQLRow) throws -> MatchingRound {
        guard let status = MatchingRound.Status(rawValue: try row.decode(column: "status", as: String.self)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "round status"))
        }
        return MatchingRound(
            id: try row.id("id"), cityID: try row.id("city_id"),
            from: CalendarDay(ordinal: Int(try row.decode(column: "from_day", as: Int64.self))),
            through: CalendarDay(ordinal: Int(try row.decode(column: "through_day", as: Int64.self))), status: status,
            objective: Int(try row.decode(column: "objective", as: Int64.self)),
            poolSize: Int(try row.decode(column: "pool_size", as: Int64.self)),
            createdBy: try row.optionalID("created_by"), createdAt: try row.date("created_at"),
            decidedAt: try row.optionalDate("decided_at"))
    }
}
