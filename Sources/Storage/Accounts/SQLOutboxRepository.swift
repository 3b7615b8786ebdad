import Domain
import Foundation
import SQLKit

/// Outgoing messages in `outbox_messages`.
public struct SQLOutboxRepository: OutboxRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func enqueue(_ message: OutboxMessage) async throws {
        try await Self.insert(message, on: database.sql)
    }

    /// Queues a message on `sql`, which may be another repository's transaction.
    static func insert(_ message: OutboxMessage, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "outbox_messages")
            .columns("id", "recipient", "subject", "body", "created_at", "sent_at")
            .values(
                bind(message.id), SQLBind(message.recipient), SQLBind(message.subject), SQLBind(message.body),
                SQLBind(message.createdAt.epochSeconds), SQLBind(message.sentAt?.epochSeconds)
            )
            .run()
    }

    public func pending(limit: Int) async throws -> [OutboxMessage] {
        try await select().where("sent_at", .is, SQLLiteral.null).where("failed_at", .is, SQLLiteral.null)
            .orderBy("created_at").limit(limit).all()
            .map(Self.message)
    }

    public func markSent(_ id: Identifier<OutboxMessage>, at: Date) async throws {
        try await database.sql.update("outbox_messages").set("sent_at", to: SQLBind(at.epochSeconds))
            .where("id", .equal, bind(id)).run()
    }

    public func markFailed(_ id: Identifier<OutboxMessage>, at: Date, reason: String) async throws {
        try await database.sql.update("outbox_messages").set("failed_at", to: SQLBind(at.epochSeconds))
            .set("failure", to: SQLBind(String(reason.prefix(500)))).where("id", .equal, bind(id)).run()
    }

    public func messages(to recipient: String) async throws -> [OutboxMessage] {
        try await select().where("recipient", .equal, recipient).orderBy("created_at").all().map(Self.message)
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns("id", "recipient", "subject", "body", "created_at", "sent_at")
            .from("outbox_messages")
    }

    private static func message(_ row: any SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: try row.id("id"),
            recipient: try row.decode(column: "recipient", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            createdAt: try row.date("created_at"),
            sentAt: try row.optionalDate("sent_at")
        )
    }
}
