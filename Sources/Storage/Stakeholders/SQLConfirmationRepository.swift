import Domain
import Foundation
import SQLKit

/// Rounds in `confirmation_rounds`, one-time links in `confirmation_requests` (tokens as SHA-256 digests).
public struct SQLConfirmationRepository: ConfirmationRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func open(
        _ round: ConfirmationRound, requests: [(request: ConfirmationRequest, token: String)],
        messages: [OutboxMessage]
    ) async throws {
        try await database.transaction { sql in
            try await sql.insert(into: "confirmation_rounds")
                .columns("id", "city_id", "opened_at", "closes_on", "closed_at")
                .values(
                    bind(round.id), bind(round.cityID), SQLBind(round.openedAt.epochSeconds),
                    SQLBind(round.closesOn.description), SQLBind(round.closedAt?.epochSeconds)
                )
                .run()
            for message in messages {
                try await sql.insert(into: "outbox_messages")
                    .columns("id", "recipient", "subject", "body", "created_at")
                    .values(
                        bind(message.id), SQLBind(message.recipient), SQLBind(message.subject),
                        SQLBind(message.body), SQLBind(message.createdAt.epochSeconds)
                    )
                    .run()
            }
            for (request, token) in requests {
                try await sql.insert(into: "confirmation_requests")
                    .columns(
                        "id", "round_id", "organisation_id", "token_digest", "recipient", "message_id", "status",
                        "answered_at", "created_at"
                    )
                    .values(
                        bind(request.id), bind(request.roundID), bind(request.organisationID),
                        SQLBind(TokenDigest.of(token)), SQLBind(request.recipient), bind(request.messageID),
                        SQLBind(request.status.rawValue), SQLBind(request.answeredAt?.epochSeconds),
                        SQLBind(round.openedAt.epochSeconds)
                    )
                    .run()
            }
        }
    }

    public func rounds(city: CityID) async throws -> [ConfirmationRound] {
        try await database.sql.select().columns("id", "city_id", "opened_at", "closes_on", "closed_at")
            .from("confirmation_rounds").where("city_id", .equal, bind(city))
            .orderBy("opened_at", .descending).orderBy("id", .descending).all()
            .map { row in
                ConfirmationRound(
                    id: try row.id("id"), cityID: try row.id("city_id"), openedAt: try row.date("opened_at"),
                    closesOn: try SQLContactRepository.day(row, "closes_on") ?? CalendarDay(Date()),
                    closedAt: try row.optionalDate("closed_at"))
            }
    }

    public func close(_ round: ConfirmationRoundID, at date: Date) async throws {
        try await database.sql.update("confirmation_rounds").set("closed_at", to: SQLBind(date.epochSeconds))
            .where("id", .equal, bind(round)).run()
    }

    public func requests(round: ConfirmationRoundID) async throws -> [ConfirmationRequest] {
        try await select().where(SQLColumn("round_id", table: "r"), .equal, bind(round))
            .orderBy(SQLColumn("created_at", table: "r")).orderBy(SQLColumn("id", table: "r")).all().map(Self.request)
    }

    public func find(token: String) async throws -> ConfirmationRequest? {
        try await select().where(SQLColumn("token_digest", table: "r"), .equal, SQLBind(TokenDigest.of(token)))
            .first().map(Self.request)
    }

    public func find(id: ConfirmationRequestID) async throws -> ConfirmationRequest? {
        try await select().where(SQLColumn("id", table: "r"), .equal, bind(id)).first().map(Self.request)
    }

    public func markBounced(_ request: ConfirmationRequestID) async throws {
        try await database.sql.update("confirmation_requests")
            .set("status", to: SQLBind(ConfirmationRequest.Status.bounced.rawValue))
            .where("id", .equal, bind(request)).run()
    }

    public func answer(
        _ request: ConfirmationRequestID, status: ConfirmationRequest.Status, organisation: Organisation, at date: Date
    ) async throws -> Bool {
        try await database.transaction { sql in
            // The status check and the change are one statement, so of two answers at once only one wins.
            let claimed = try await sql.update("confirmation_requests")
                .set("status", to: SQLBind(status.rawValue)).set("answered_at", to: SQLBind(date.epochSeconds))
                .where("id", .equal, bind(request))
                .where(
                    "status", .in,
                    [ConfirmationRequest.Status.pending.rawValue, ConfirmationRequest.Status.bounced.rawValue]
                )
                .returning("id").all()
            guard !claimed.isEmpty else { return false }
            try await SQLOrganisationRepository(database: database).update(organisation, on: sql)
            return true
        }
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select()
            .columns(
                ["id", "round_id", "organisation_id", "recipient", "message_id", "status", "answered_at"].map {
                    SQLColumn($0, table: "r")
                }
            )
            .column(SQLColumn("failed_at", table: "m"))
            .from(SQLAlias(SQLIdentifier("confirmation_requests"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("outbox_messages"), as: SQLIdentifier("m")), method: SQLJoinMethod.left,
                on: SQLRaw("m.id = r.message_id"))
    }

    static func request(_ row: any SQLRow) throws -> ConfirmationRequest {
        var status =
            ConfirmationRequest.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending
        if status == .pending, try row.decode(column: "failed_at", as: Int64?.self) != nil { status = .bounced }
        return ConfirmationRequest(
            id: try row.id("id"), roundID: try row.id("round_id"), organisationID: try row.id("organisation_id"),
            recipient: try row.decode(column: "recipient", as: String.self), messageID: try row.id("message_id"),
            status: status, answeredAt: try row.optionalDate("answered_at"))
    }
}
