import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Delivers queued messages. Without SMTP configured, delivery means printing the message to the log,
/// which is how a local installation reads its password-reset links.
public struct OutboxDelivery: Service {
    let outbox: any OutboxRepository
    let logger: Logger
    let interval: Duration

    public init(outbox: any OutboxRepository, logger: Logger, interval: Duration = .seconds(2)) {
        self.outbox = outbox
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await deliverPending()
            } catch {
                logger.error("outbox delivery failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Prints and marks as sent every pending message; returns how many.
    @discardableResult
    public func deliverPending() async throws -> Int {
        let messages = try await outbox.pending(limit: 50)
        for message in messages {
            logger.notice(
                "outbox message",
                metadata: [
                    "to": .string(message.recipient), "subject": .string(message.subject),
                    "body": .string(message.body),
                ])
            try await outbox.markSent(message.id, at: Date())
        }
        return messages.count
    }
}
