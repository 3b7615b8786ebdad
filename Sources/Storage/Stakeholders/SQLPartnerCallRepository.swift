import Domain
import Foundation
import SQLKit

/// Partner calls in `partner_calls`, answers in `partner_call_answers`.
public struct SQLPartnerCallRepository: PartnerCallRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "city_id", "organisation_id", "title", "needs", "offers", "area_ids", "deadline", "status", "outcome",
        "partner_id", "outcome_note", "created_at", "closed_at",
    ]

    public func find(id: PartnerCallID) async throws -> PartnerCall? {
        try await select().where("id", .equal, bind(id)).first().map(Self.call)
    }

    public func list(city: CityID, filter: PartnerCallFilter) async throws -> [PartnerCall] {
        var query = select().where("city_id", .equal, bind(city)).where("status", .equal, filter.status.rawValue)
        if let area = filter.areaID {
            query = query.where("area_ids", .like, SQLBind("%\"\(area.description)\"%"))
        }
        if let organisation = filter.organisationID {
            query = query.where("organisation_id", .equal, bind(organisation))
        }
        return try await query.orderBy("created_at", .descending).orderBy("id").all().map(Self.call)
    }

    public func save(_ call: PartnerCall) async throws {
        let values: [SQLBind] = [
            bind(call.id), bind(call.cityID), bind(call.organisationID), SQLBind(try JSONColumn.encode(call.title)),
            SQLBind(try JSONColumn.encode(call.needs)), SQLBind(try JSONColumn.encode(call.offers)),
            SQLBind(try JSONColumn.encode(call.areaIDs.map(\.description))), SQLBind(call.deadline?.description),
            SQLBind(call.status.rawValue), SQLBind(call.outcome?.rawValue), bind(call.partnerID),
            SQLBind(call.outcomeNote), SQLBind(call.createdAt.epochSeconds), SQLBind(call.closedAt?.epochSeconds),
        ]
        let now = SQLBind(Date().epochSeconds)
        try await database.transaction { sql in
            let exists =
                try await sql.select().column("id").from("partner_calls").where("id", .equal, bind(call.id))
                .first() != nil
            if exists {
                var update = sql.update("partner_calls")
                for (column, value) in zip(Self.columns, values).dropFirst(2) where column != "created_at" {
                    update = update.set(SQLIdentifier(column), to: value)
                }
                try await update.set("updated_at", to: now).where("id", .equal, bind(call.id)).run()
            } else {
                try await sql.insert(into: "partner_calls").columns(Self.columns + ["updated_at"])
                    .values(values + [now]).run()
            }
        }
    }

    public func answers(to call: PartnerCallID) async throws -> [PartnerCallAnswer] {
        try await database.sql.select()
            .columns("id", "call_id", "organisation_id", "author_id", "message", "created_at")
            .from("partner_call_answers").where("call_id", .equal, bind(call)).orderBy("created_at").orderBy("id")
            .all()
            .map { row in
                PartnerCallAnswer(
                    id: try row.id("id"), callID: try row.id("call_id"), organisationID: try row.id("organisation_id"),
                    authorID: try row.optionalID("author_id"),
                    message: try row.decode(column: "message", as: String.self),
                    createdAt: try row.date("created_at"))
            }
    }

    public func addAnswer(_ answer: PartnerCallAnswer) async throws {
        try await database.sql.insert(into: "partner_call_answers")
            .columns("id", "call_id", "organisation_id", "author_id", "message", "created_at")
            .values(
                bind(answer.id), bind(answer.callID), bind(answer.organisationID), bind(answer.authorID),
                SQLBind(answer.message), SQLBind(answer.createdAt.epochSeconds)
            )
            .run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns(Self.columns.map { SQLColumn($0) }).from("partner_calls")
    }

    static func call(_ row: any SQLRow) throws -> PartnerCall {
        PartnerCall(
            id: try row.id("id"), cityID: try row.id("city_id"), organisationID: try row.id("organisation_id"),
            title: try row.localizedText("title"), needs: try row.localizedText("needs"),
            offers: try row.localizedText("offers"),
            areaIDs: try JSONColumn.decode([String].self, from: row.decode(column: "area_ids", as: String.self))
                .compactMap(AreaID.init(string:)),
            deadline: try SQLContactRepository.day(row, "deadline"),
            status: PartnerCall.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .closed,
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(PartnerCall.Outcome.init(rawValue:)),
            partnerID: try row.optionalID("partner_id"),
            outcomeNote: try row.decode(column: "outcome_note", as: String.self),
            createdAt: try row.date("created_at"), closedAt: try row.optionalDate("closed_at"))
    }
}
